/**
 * Every route of the SPA in one place: `path` is the router pattern, `getHref()` builds a link to it.
 * Components never write URLs by hand.
 */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: {
    path: '/login',
    /** `next` is where to go after signing in; the home page is the default and is left out of the URL. */
    getHref: (next?: string) =>
      next && next !== '/' && next !== paths.domains.getHref() ? `/login?next=${encodeURIComponent(next)}` : '/login',
  },
  domains: { path: '/domains', getHref: () => '/domains' },
  domain: { path: '/domains/:id', getHref: (id: string) => `/domains/${encodeURIComponent(id)}` },
  templates: { path: '/templates', getHref: () => '/templates' },
  template: { path: '/templates/:id', getHref: (id: string) => `/templates/${encodeURIComponent(id)}` },
  compose: {
    path: '/compose',
    /**
     * A reply / reply-all / forward of a message opens compose with the original's coordinates; a message of a
     * Drafts folder opens for editing with `mode: 'edit'` (features/compose/hooks/use-compose-entry.ts).
     */
    getHref: (reply?: {
      mailbox: string;
      folder: string;
      uid: number;
      mode: 'reply' | 'replyAll' | 'forward' | 'edit';
    }) =>
      reply
        ? `/compose?${new URLSearchParams(
            reply.mode === 'edit'
              ? { edit: String(reply.uid), mailbox: reply.mailbox, folder: reply.folder }
              : { replyTo: reply.mailbox, folder: reply.folder, uid: String(reply.uid), mode: reply.mode },
          ).toString()}`
        : '/compose',
  },
  sent: { path: '/sent', getHref: () => '/sent' },
  inbox: { path: '/inbox', getHref: () => '/inbox' },
  users: { path: '/users', getHref: () => '/users' },
  audit: { path: '/audit', getHref: () => '/audit' },
  account: { path: '/account', getHref: () => '/account' },
} as const;

/**
 * The `next` parameter comes from the URL, so anyone can craft it: only same-origin paths are followed,
 * never `//evil.example` or `https://…`, and never back to the sign-in page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.domains.getHref();
  if (next === paths.login.path || next.startsWith(`${paths.login.path}?`)) return paths.domains.getHref();
  return next;
}
