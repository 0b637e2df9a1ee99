/** Query keys of the inbox feature: entity → scope → params (TanStack's query-keys guide). */
export interface MessageListFilter {
  unreadOnly: boolean;
  q: string;
}

export const inboxKeys = {
  all: ['inbox'] as const,
  folders: (mailbox: string) => [...inboxKeys.all, 'folders', mailbox] as const,
  /** Prefix of every list page of a mailbox (and of one folder when given). */
  lists: (mailbox: string, folder?: string) =>
    folder === undefined
      ? ([...inboxKeys.all, 'list', mailbox] as const)
      : ([...inboxKeys.all, 'list', mailbox, folder] as const),
  page: (mailbox: string, folder: string, filter: MessageListFilter, page: number, limit: number) =>
    [...inboxKeys.lists(mailbox, folder), { ...filter, limit }, page] as const,
  details: (mailbox: string) => [...inboxKeys.all, 'detail', mailbox] as const,
  detail: (mailbox: string, folder: string, uid: number) => [...inboxKeys.details(mailbox), folder, uid] as const,
  thread: (mailbox: string, subject: string) => [...inboxKeys.all, 'thread', mailbox, subject] as const,
  /** Where a message listed in the virtual All folder really is. */
  locate: (mailbox: string, uid: number, messageId: string, folders: readonly string[]) =>
    [...inboxKeys.all, 'locate', mailbox, uid, messageId, folders] as const,
};
