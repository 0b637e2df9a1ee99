/** Query keys of compose's own reads; the company directory (mailboxes, domains, templates) is in lib/company-queries. */
export const composeKeys = {
  original: (mailbox: string, folder: string, uid: number) => ['inbox', 'message', mailbox, folder, uid] as const,
  openDraft: (mailbox: string, folder: string, uid: number) => ['compose', 'open-draft', mailbox, folder, uid] as const,
};
