/** Query keys of compose's own reads; the company directory (mailboxes, domains, templates) is in lib/company-queries. */
export const composeKeys = {
  original: (mailbox: string, folder: string, uid: number) => ['inbox', 'message', mailbox, folder, uid] as const,
};
