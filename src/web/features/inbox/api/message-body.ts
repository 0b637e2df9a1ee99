/**
 * The URL of one message's body as a document of its own (GET /api/console/inbox/message-body): the BFF sanitises
 * the mail and serves it under its own strict CSP, for the reader's sandboxed frame. `images` is the user's consent
 * to remote images. A frame loads it, so there is no fetcher or query here: the frame is the request.
 */
export function messageBodyHref(mailbox: string, folder: string, uid: number, images: boolean): string {
  const qs = new URLSearchParams({ mailbox, folder, uid: String(uid), images: images ? '1' : '0' });
  return `/api/console/inbox/message-body?${qs.toString()}`;
}

/** The document names how many remote images it held back in this <meta> (routes/message-body.ts). */
export const BLOCKED_META_NAME = 'sentroy-blocked-remote';
