import { sentroyEndpoints, type ConsoleRole, type SentroyEndpointName } from '@contract/index';

/**
 * THE access table of the BFF: every route of the app (method + Hono route pattern) → who may call it. The access
 * middleware (access-control.ts) looks the matched route up here before any handler runs; a route without an entry
 * is refused with 403 for everyone (default deny), and route-policy.test.ts fails for it, so a new route is
 * classified on purpose or not served at all.
 *
 *   allow      'public' (no session), 'signed-in' (any role), or the roles allowed
 *   mailbox    the request names a mailbox (query or JSON body field; one rule, or a list when it names several)
 *              that the user must be allowed to use:
 *              `read` → admin any company mailbox; operator and member only granted mailboxes (inbox routes)
 *              `send` → admin and operator any company mailbox; member only granted mailboxes (`from` of a send)
 *              and, for every role, it must be one of the company's mailboxes (access/company-mailboxes.ts): the
 *              platform does not check that itself. The field is read from the query and the JSON body alike
 *              (access/named-mailboxes.ts), so a rule covers both.
 *   sendJob    `own`: the route's `:id` is a send job; members may read only jobs in their own send log rows,
 *              admins and operators any. Others get 404, as for a job that does not exist.
 */
export type Audience = 'public' | 'signed-in' | readonly ConsoleRole[];

export interface MailboxRule {
  source: 'query' | 'body';
  field: string;
  use: 'read' | 'send';
}

export interface RoutePolicy {
  allow: Audience;
  mailbox?: MailboxRule | readonly MailboxRule[];
  sendJob?: 'own';
  /** One line for the route × role table. */
  note: string;
}

const ALL_ROLES = ['admin', 'operator', 'member'] as const satisfies readonly ConsoleRole[];
const ADMIN = ['admin'] as const satisfies readonly ConsoleRole[];

const inboxQuery: MailboxRule = { source: 'query', field: 'mailbox', use: 'read' };
const inboxBody: MailboxRule = { source: 'body', field: 'mailbox', use: 'read' };

/**
 * Sentroy endpoints, keyed by the contract's names so a new endpoint does not compile until it is classified here.
 * Domains and templates are read-only in the contract already (GETs), so every role may call them.
 */
const SENTROY_POLICIES: Record<SentroyEndpointName, RoutePolicy> = {
  listDomains: { allow: ALL_ROLES, note: 'domains: read' },
  getDomain: { allow: ALL_ROLES, note: 'domains: read' },
  listMailboxes: { allow: ALL_ROLES, note: 'members get only their granted mailboxes' },
  listTemplates: { allow: ALL_ROLES, note: 'templates: read' },
  getTemplate: { allow: ALL_ROLES, note: 'templates: read' },
  send: { allow: ALL_ROLES, mailbox: { source: 'body', field: 'from', use: 'send' }, note: 'send from `from`' },
  getSendJob: { allow: ALL_ROLES, sendJob: 'own', note: 'members: only jobs in their own send log' },
  listMessages: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  listFolders: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  getThread: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  getUnreadCount: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  // Writes to the mailbox like a send from it; `from`, if given, must equal `mailbox` (contract saveDraftBodySchema).
  saveDraft: {
    allow: ALL_ROLES,
    mailbox: [
      { source: 'body', field: 'mailbox', use: 'send' },
      { source: 'body', field: 'from', use: 'send' },
    ],
    note: 'save a draft to the Drafts folder of `mailbox`',
  },
  getMessage: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  downloadAttachment: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox' },
  markRead: { allow: ALL_ROLES, mailbox: inboxBody, note: 'inbox action' },
  markUnread: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox action' },
  moveMessage: { allow: ALL_ROLES, mailbox: inboxBody, note: 'inbox action' },
  deleteMessage: { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox action' },
};

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Exact route patterns. */
export const ROUTE_POLICIES: ReadonlyMap<string, RoutePolicy> = new Map<string, RoutePolicy>([
  [routeKey('GET', '/healthz'), { allow: 'public', note: 'liveness' }],
  [routeKey('POST', '/auth/login'), { allow: 'public', note: 'sign in' }],
  // Public on purpose: a tab whose session already ended must still be able to clear its cookie.
  [routeKey('POST', '/auth/logout'), { allow: 'public', note: 'ends the presented session, if any' }],
  [routeKey('GET', '/auth/me'), { allow: 'signed-in', note: 'who am I, role and grants' }],

  ...(Object.entries(SENTROY_POLICIES) as [SentroyEndpointName, RoutePolicy][]).map(
    ([name, policy]) =>
      [routeKey(sentroyEndpoints[name].method, `/api${sentroyEndpoints[name].path}`), policy] as const,
  ),

  // Dashboard (routes/console-dashboard.ts). The send-log handler scopes rows with c.get('access').sendLogScope.
  [routeKey('POST', '/api/console/templates/:id/preview'), { allow: ALL_ROLES, note: 'template preview' }],
  [routeKey('GET', '/api/console/send-log'), { allow: ALL_ROLES, note: 'members see only their own rows' }],
  // The reader's message document (routes/message-body.ts): the message itself, so the same rule as getMessage.
  [
    routeKey('GET', '/api/console/inbox/message-body'),
    { allow: ALL_ROLES, mailbox: inboxQuery, note: 'inbox: one message as a sanitised document' },
  ],

  // User administration (routes/users.ts).
  [routeKey('GET', '/api/console/users'), { allow: ADMIN, note: 'users' }],
  [routeKey('POST', '/api/console/users'), { allow: ADMIN, note: 'users' }],
  [routeKey('PATCH', '/api/console/users/:id'), { allow: ADMIN, note: 'users' }],
  [routeKey('POST', '/api/console/users/:id/reset-password'), { allow: ADMIN, note: 'users' }],
  [routeKey('DELETE', '/api/console/users/:id'), { allow: ADMIN, note: 'users' }],

  // Audit log (routes/audit.ts).
  [routeKey('GET', '/api/console/audit'), { allow: ADMIN, note: 'audit' }],
  [routeKey('GET', '/api/console/audit.csv'), { allow: ADMIN, note: 'audit' }],

  // The signed-in user's own account (routes/account.ts).
  [routeKey('GET', '/api/console/account/sessions'), { allow: 'signed-in', note: 'own sessions' }],
  [routeKey('DELETE', '/api/console/account/sessions/:id'), { allow: 'signed-in', note: 'end one own session' }],
  [routeKey('POST', '/api/console/account/password'), { allow: 'signed-in', note: 'own password' }],
  [routeKey('POST', '/api/console/account/sign-out-everywhere'), { allow: 'signed-in', note: 'own sessions' }],

  // The built SPA and its deep links (routes/web-app.ts): static files, no data.
  [routeKey('GET', '/*'), { allow: 'public', note: 'SPA' }],
  [routeKey('HEAD', '/*'), { allow: 'public', note: 'SPA' }],
]);

/** Prefix rules: any method on any route below the prefix. Per-user preferences of the webmail live here. */
export const PREFIX_POLICIES: readonly { prefix: string; policy: RoutePolicy }[] = [
  { prefix: '/api/console/me/', policy: { allow: 'signed-in', note: "the user's own preferences" } },
];

export function findRoutePolicy(method: string, path: string): RoutePolicy | undefined {
  return ROUTE_POLICIES.get(routeKey(method, path)) ?? PREFIX_POLICIES.find((p) => path.startsWith(p.prefix))?.policy;
}

/** A policy's mailbox rules as a list (none, one or several). */
export function mailboxRules(policy: RoutePolicy): readonly MailboxRule[] {
  if (!policy.mailbox) return [];
  return Array.isArray(policy.mailbox) ? policy.mailbox : [policy.mailbox as MailboxRule];
}

export function roleAllowed(allow: Audience, role: ConsoleRole): boolean {
  return allow === 'public' || allow === 'signed-in' || allow.includes(role);
}
