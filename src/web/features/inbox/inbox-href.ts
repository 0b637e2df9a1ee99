/** Links inside the webmail: `/inbox/:mailbox/:folder/:uid?`, the folder path encoded as one segment. */
export function inboxHref(mailbox?: string, folder?: string, uid?: number): string {
  if (!mailbox) return '/inbox';
  let href = `/inbox/${encodeURIComponent(mailbox)}`;
  if (folder === undefined) return href;
  href += `/${encodeURIComponent(folder)}`;
  return uid === undefined ? href : `${href}/${uid}`;
}

export type ComposeMode = 'reply' | 'replyAll' | 'forward';

/** The compose page (dashboard feature) prefills replies and forwards from the original. */
export function composeHref(mailbox: string, folder: string, uid: number, mode: ComposeMode): string {
  const qs = new URLSearchParams({ replyTo: mailbox, folder, uid: String(uid), mode });
  return `/compose?${qs.toString()}`;
}
