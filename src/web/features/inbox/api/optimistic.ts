import { ALL_FOLDER_PATH, SPECIAL_USE, type Folder, type MessageDetail, type MessageSummary } from '@contract/index';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { inboxKeys } from './keys';

/** A message as the actions see it: where it is and whether it is unread (for the folder counts). */
export interface MessageRef {
  uid: number;
  seen: boolean;
  messageId: string | null;
  subject: string;
}

type Snapshot = Array<[QueryKey, unknown]>;

/**
 * Optimistic update with rollback (STYLE habit 4): cancel the queries under `prefixes`, snapshot them, apply
 * `change`, and return the rollback that restores the snapshot exactly.
 */
export async function applyOptimistic(
  queryClient: QueryClient,
  prefixes: QueryKey[],
  change: () => void,
): Promise<() => void> {
  await Promise.all(prefixes.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  const snapshot: Snapshot = prefixes.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
  change();
  return () => {
    for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
  };
}

export function invalidateMailbox(queryClient: QueryClient, mailbox: string) {
  void queryClient.invalidateQueries({ queryKey: inboxKeys.folders(mailbox) });
  void queryClient.invalidateQueries({ queryKey: inboxKeys.lists(mailbox) });
  void queryClient.invalidateQueries({ queryKey: inboxKeys.thread(mailbox, '').slice(0, 3) });
  void queryClient.invalidateQueries({ queryKey: inboxKeys.locate(mailbox, 0, '', []).slice(0, 3) });
}

const countsInAll = (folder: Folder) =>
  folder.specialUse !== SPECIAL_USE.junk && folder.specialUse !== SPECIAL_USE.trash;

/** Adds to a folder's counts (never below zero), and to the virtual All folder when the folder counts there. */
export function adjustFolderCounts(
  queryClient: QueryClient,
  mailbox: string,
  path: string,
  delta: { total: number; unread: number },
) {
  queryClient.setQueryData<Folder[]>(inboxKeys.folders(mailbox), (folders) => {
    if (!folders) return folders;
    const target = folders.find((f) => f.path === path);
    const alsoAll = target !== undefined && path !== ALL_FOLDER_PATH && countsInAll(target);
    return folders.map((f) =>
      f.path === path || (alsoAll && f.path === ALL_FOLDER_PATH)
        ? {
            ...f,
            totalMessages: Math.max(0, f.totalMessages + delta.total),
            unreadMessages: Math.max(0, f.unreadMessages + delta.unread),
          }
        : f,
    );
  });
}

/** Rewrites every cached list page of a folder. */
export function patchListPages(
  queryClient: QueryClient,
  mailbox: string,
  folder: string,
  update: (items: MessageSummary[]) => MessageSummary[],
) {
  queryClient.setQueriesData<MessageSummary[]>({ queryKey: inboxKeys.lists(mailbox, folder) }, (items) =>
    items ? update(items) : items,
  );
}

export function setSeenInCache(
  queryClient: QueryClient,
  mailbox: string,
  folder: string,
  uids: number[],
  seen: boolean,
) {
  const set = new Set(uids);
  patchListPages(queryClient, mailbox, folder, (items) =>
    items.map((m) => (set.has(m.uid) && m.seen !== seen ? { ...m, seen } : m)),
  );
  for (const uid of uids) {
    queryClient.setQueryData<MessageDetail>(inboxKeys.detail(mailbox, folder, uid), (d) => (d ? { ...d, seen } : d));
  }
}

export function removeFromCache(queryClient: QueryClient, mailbox: string, folder: string, uids: number[]) {
  const set = new Set(uids);
  patchListPages(queryClient, mailbox, folder, (items) => items.filter((m) => !set.has(m.uid)));
}

/** The counts a move/delete takes out of a folder. */
export function countsOf(messages: readonly MessageRef[]) {
  return { total: messages.length, unread: messages.filter((m) => !m.seen).length };
}
