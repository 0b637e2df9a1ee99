import { CONSOLE_TRIGGER_HEADER, type ConsoleTrigger } from '@contract/console-trigger';
import { buildPath, sentroyEndpoints, type ActionResult, type MessageSummary } from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toastStore } from '@web/components/ui/toast';
import { apiClient } from '@web/lib/api-client';
import { getMessages } from './get-messages';
import { inboxKeys } from './keys';
import {
  adjustFolderCounts,
  applyOptimistic,
  countsOf,
  invalidateMailbox,
  removeFromCache,
  setSeenInCache,
  type MessageRef,
} from './optimistic';

const e = sentroyEndpoints;

/** `trigger` tells the audit log a user's action from the reader's auto-read timer ('auto'). */
export function markRead(
  mailbox: string,
  folder: string,
  uid: number,
  trigger: ConsoleTrigger = 'user',
): Promise<ActionResult> {
  return apiClient.post(
    `/api${buildPath(e.markRead.path, { uid })}`,
    { mailbox, folder },
    { schema: e.markRead.response, headers: { [CONSOLE_TRIGGER_HEADER]: trigger } },
  );
}

export function markUnread(mailbox: string, folder: string, uid: number): Promise<ActionResult> {
  // The platform reads DELETE's parameters from the body, the reference puts them in the query: send both.
  return apiClient.delete(`/api${buildPath(e.markUnread.path, { uid })}`, {
    body: { mailbox, folder },
    query: { mailbox, folder },
    schema: e.markUnread.response,
  });
}

export function moveMessage(mailbox: string, from: string, to: string, uid: number): Promise<ActionResult> {
  return apiClient.post(
    `/api${buildPath(e.moveMessage.path, { uid })}`,
    { mailbox, from, to },
    { schema: e.moveMessage.response },
  );
}

export function deleteMessage(mailbox: string, folder: string, uid: number): Promise<ActionResult> {
  return apiClient.delete(`/api${buildPath(e.deleteMessage.path, { uid })}`, {
    query: { mailbox, folder },
    schema: e.deleteMessage.response,
  });
}

/** Runs one call per message; the first failure fails the action (the cache is rolled back and refetched). */
async function each(messages: readonly MessageRef[], call: (uid: number) => Promise<unknown>) {
  for (const m of messages) await call(m.uid);
}

const plural = (n: number) => (n === 1 ? '1 message' : `${n} messages`);

function failureToast(what: string) {
  return (error: Error) =>
    toastStore.show(`${what} failed: ${error.message} Nothing was changed; the message is back where it was.`);
}

export interface SetSeenVariables {
  mailbox: string;
  folder: string;
  messages: MessageRef[];
  seen: boolean;
  /** 'auto' when the reader's auto-read timer asks (audited apart from a user's action). */
  trigger?: ConsoleTrigger;
}

export function useSetSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, folder, messages, seen, trigger }: SetSeenVariables) =>
      each(
        messages.filter((m) => m.seen !== seen),
        (uid) => (seen ? markRead(mailbox, folder, uid, trigger) : markUnread(mailbox, folder, uid)),
      ),
    onMutate: async ({ mailbox, folder, messages, seen }) => {
      const changing = messages.filter((m) => m.seen !== seen);
      const rollback = await applyOptimistic(
        queryClient,
        [inboxKeys.folders(mailbox), inboxKeys.lists(mailbox, folder), inboxKeys.details(mailbox)],
        () => {
          setSeenInCache(
            queryClient,
            mailbox,
            folder,
            changing.map((m) => m.uid),
            seen,
          );
          adjustFolderCounts(queryClient, mailbox, folder, {
            total: 0,
            unread: seen ? -changing.length : changing.length,
          });
        },
      );
      return { rollback };
    },
    onError: (error, { seen }, context) => {
      context?.rollback();
      failureToast(seen ? 'Mark as read' : 'Mark as unread')(error);
    },
    onSettled: (_data, _error, { mailbox }) => invalidateMailbox(queryClient, mailbox),
    meta: { errorHandling: 'local' },
  });
}

export interface MoveVariables {
  mailbox: string;
  from: string;
  to: string;
  messages: MessageRef[];
  /** What the toast and errors call it, e.g. "Archive" or "Move to Projects". */
  label: string;
}

export function useMoveMessages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, from, to, messages }: MoveVariables) =>
      each(messages, (uid) => moveMessage(mailbox, from, to, uid)),
    onMutate: async ({ mailbox, from, to, messages }) => {
      const rollback = await applyOptimistic(
        queryClient,
        [inboxKeys.folders(mailbox), inboxKeys.lists(mailbox)],
        () => {
          removeFromCache(
            queryClient,
            mailbox,
            from,
            messages.map((m) => m.uid),
          );
          const counts = countsOf(messages);
          adjustFolderCounts(queryClient, mailbox, from, { total: -counts.total, unread: -counts.unread });
          adjustFolderCounts(queryClient, mailbox, to, counts);
        },
      );
      return { rollback };
    },
    onError: (error, { label }, context) => {
      context?.rollback();
      failureToast(label)(error);
    },
    onSettled: (_data, _error, { mailbox }) => invalidateMailbox(queryClient, mailbox),
    meta: { errorHandling: 'local' },
  });
}

export interface DeleteVariables {
  mailbox: string;
  folder: string;
  messages: MessageRef[];
}

/** Permanent delete: only used inside Trash, after a confirmation. */
export function useDeleteForever() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, folder, messages }: DeleteVariables) =>
      each(messages, (uid) => deleteMessage(mailbox, folder, uid)),
    onMutate: async ({ mailbox, folder, messages }) => {
      const rollback = await applyOptimistic(
        queryClient,
        [inboxKeys.folders(mailbox), inboxKeys.lists(mailbox, folder)],
        () => {
          removeFromCache(
            queryClient,
            mailbox,
            folder,
            messages.map((m) => m.uid),
          );
          const counts = countsOf(messages);
          adjustFolderCounts(queryClient, mailbox, folder, { total: -counts.total, unread: -counts.unread });
        },
      );
      return { rollback };
    },
    onError: (error, _vars, context) => {
      context?.rollback();
      failureToast('Delete')(error);
    },
    onSettled: (_data, _error, { mailbox }) => invalidateMailbox(queryClient, mailbox),
    meta: { errorHandling: 'local' },
  });
}

/**
 * A move does not return the new UID (contract 5.14). Find the message in `folder` by Message-ID: first among the
 * results of a search for its subject, then in the newest pages.
 */
export async function findByMessageId(
  mailbox: string,
  folder: string,
  ref: MessageRef,
): Promise<MessageSummary | null> {
  if (!ref.messageId) return null;
  const match = (items: MessageSummary[]) => items.find((m) => m.messageId === ref.messageId) ?? null;
  if (ref.subject.trim()) {
    const found = match(
      await getMessages({
        mailbox,
        folder,
        filter: { unreadOnly: false, q: ref.subject.slice(0, 200) },
        page: 1,
        limit: 200,
      }),
    );
    if (found) return found;
  }
  for (let page = 1; page <= 5; page++) {
    const items = await getMessages({ mailbox, folder, filter: { unreadOnly: false, q: '' }, page, limit: 200 });
    const found = match(items);
    if (found || items.length < 200) return found;
  }
  return null;
}

export interface UndoMoveVariables {
  mailbox: string;
  /** Where the messages are now (e.g. Trash). */
  from: string;
  /** Where they go back to. */
  to: string;
  messages: MessageRef[];
}

/** Undo of "Delete → Trash" (and of any move): find each message by Message-ID and move it back. */
export function useUndoMove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ mailbox, from, to, messages }: UndoMoveVariables) => {
      let restored = 0;
      for (const ref of messages) {
        const found = await findByMessageId(mailbox, from, ref);
        if (!found) continue;
        await moveMessage(mailbox, from, to, found.uid);
        restored += 1;
      }
      if (restored < messages.length)
        throw new Error(`Only ${plural(restored)} of ${messages.length} could be found to restore.`);
      return restored;
    },
    onError: failureToast('Undo'),
    onSettled: (_data, _error, { mailbox }) => invalidateMailbox(queryClient, mailbox),
    meta: { errorHandling: 'local' },
  });
}

export { plural };
