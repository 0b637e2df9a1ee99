// @vitest-environment jsdom
import { ALL_FOLDER_PATH, type Folder, type MessageSummary } from '@contract/index';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toastStore } from '@web/components/ui/toast/toast-store';
import { fail, mockApi, ok } from '@web/testing/mock-api';
import { inboxKeys } from './keys';
import { useMoveMessages, useSetSeen } from './message-actions';
import { adjustFolderCounts, applyOptimistic, removeFromCache, type MessageRef } from './optimistic';

const MAILBOX = 'info@acme.example';
const FILTER = { unreadOnly: false, q: '' };

const folder = (path: string, total: number, unread: number, specialUse: string | null = null): Folder => ({
  name: path,
  path,
  specialUse,
  totalMessages: total,
  unreadMessages: unread,
});

const message = (uid: number, seen: boolean): MessageSummary => ({
  uid,
  subject: `Message ${uid}`,
  from: { name: 'Maria', address: 'maria@globex.example' },
  to: [{ name: '', address: MAILBOX }],
  date: '2026-03-01T10:00:00.000Z',
  seen,
  flagged: false,
  size: 100,
  hasAttachments: false,
  preview: '',
  messageId: `<m${uid}@globex.example>`,
  inReplyTo: null,
  category: 'primary',
});

const refOf = (m: MessageSummary): MessageRef => ({
  uid: m.uid,
  seen: m.seen,
  messageId: m.messageId,
  subject: m.subject,
});

function seededClient() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const folders = [
    folder(ALL_FOLDER_PATH, 5, 2, '\\All'),
    folder('INBOX', 3, 2),
    folder('Archive', 2, 0, '\\Archive'),
    folder('Trash', 0, 0, '\\Trash'),
  ];
  const inbox = [message(3, false), message(2, true), message(1, false)];
  queryClient.setQueryData(inboxKeys.folders(MAILBOX), folders);
  queryClient.setQueryData(inboxKeys.page(MAILBOX, 'INBOX', FILTER, 1, 100), inbox);
  return { queryClient, folders, inbox };
}

const counts = (queryClient: QueryClient) =>
  Object.fromEntries(
    (queryClient.getQueryData<Folder[]>(inboxKeys.folders(MAILBOX)) ?? []).map((f) => [
      f.path,
      [f.totalMessages, f.unreadMessages],
    ]),
  );
const inboxUids = (queryClient: QueryClient) =>
  queryClient.getQueryData<MessageSummary[]>(inboxKeys.page(MAILBOX, 'INBOX', FILTER, 1, 100))?.map((m) => m.uid);

afterEach(() => {
  vi.unstubAllGlobals();
  toastStore.clear();
});

describe('applyOptimistic', () => {
  it('applies the change and its rollback restores the snapshot of the list and the counts', async () => {
    const { queryClient, folders, inbox } = seededClient();
    const rollback = await applyOptimistic(queryClient, [inboxKeys.folders(MAILBOX), inboxKeys.lists(MAILBOX)], () => {
      removeFromCache(queryClient, MAILBOX, 'INBOX', [3]);
      adjustFolderCounts(queryClient, MAILBOX, 'INBOX', { total: -1, unread: -1 });
      adjustFolderCounts(queryClient, MAILBOX, 'Trash', { total: 1, unread: 1 });
    });
    expect(inboxUids(queryClient)).toEqual([2, 1]);
    // Trash does not count in All mail; INBOX does.
    expect(counts(queryClient)).toMatchObject({ INBOX: [2, 1], Trash: [1, 1], [ALL_FOLDER_PATH]: [4, 1] });

    rollback();
    expect(queryClient.getQueryData(inboxKeys.folders(MAILBOX))).toEqual(folders);
    expect(queryClient.getQueryData(inboxKeys.page(MAILBOX, 'INBOX', FILTER, 1, 100))).toEqual(inbox);
  });

  it('cancels fetches in flight so a late answer cannot overwrite the optimistic state', async () => {
    const { queryClient } = seededClient();
    const cancel = vi.spyOn(queryClient, 'cancelQueries');
    await applyOptimistic(queryClient, [inboxKeys.folders(MAILBOX)], () => {});
    expect(cancel).toHaveBeenCalledWith({ queryKey: inboxKeys.folders(MAILBOX) });
  });
});

function renderWith<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

describe('mailbox actions roll back on error', () => {
  it('a failed move puts the message and the counts back, says so in a toast, and refetches', async () => {
    const { queryClient, folders, inbox } = seededClient();
    let release = () => {};
    mockApi({
      'POST /api/inbox/3/move': () => ({ status: 500, body: { data: null, error: 'IMAP service unavailable' } }),
    });
    // Hold the answer back to look at the optimistic state first.
    const fetchMock = vi.mocked(fetch);
    const original = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(input, init);
    });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    const { result } = renderWith(queryClient, () => useMoveMessages());
    act(() =>
      result.current.mutate({
        mailbox: MAILBOX,
        from: 'INBOX',
        to: 'Archive',
        messages: [refOf(inbox[0]!)],
        label: 'Archive',
      }),
    );
    await waitFor(() => expect(inboxUids(queryClient)).toEqual([2, 1]));
    expect(counts(queryClient)).toMatchObject({ INBOX: [2, 1], Archive: [3, 1], [ALL_FOLDER_PATH]: [5, 2] });
    expect(toastStore.getSnapshot()).toEqual([]);

    act(() => release());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData(inboxKeys.page(MAILBOX, 'INBOX', FILTER, 1, 100))).toEqual(inbox);
    expect(queryClient.getQueryData(inboxKeys.folders(MAILBOX))).toEqual(folders);
    expect(toastStore.getSnapshot().map((t) => t.message)).toEqual([
      'Archive failed: IMAP service unavailable Nothing was changed; the message is back where it was.',
    ]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: inboxKeys.lists(MAILBOX) });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: inboxKeys.folders(MAILBOX) });
  });

  it('a failed "mark as read" turns the message unread again and restores the unread count', async () => {
    const { queryClient, folders, inbox } = seededClient();
    mockApi({ 'POST /api/inbox/1/read': () => fail(429, 'Too many requests') });
    const { result } = renderWith(queryClient, () => useSetSeen());
    act(() => result.current.mutate({ mailbox: MAILBOX, folder: 'INBOX', messages: [refOf(inbox[2]!)], seen: true }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData(inboxKeys.page(MAILBOX, 'INBOX', FILTER, 1, 100))).toEqual(inbox);
    expect(queryClient.getQueryData(inboxKeys.folders(MAILBOX))).toEqual(folders);
    expect(toastStore.getSnapshot().map((t) => t.message)).toEqual([
      'Mark as read failed: Too many requests Nothing was changed; the message is back where it was.',
    ]);
  });

  it('a successful move keeps the optimistic state and raises no toast', async () => {
    const { queryClient, inbox } = seededClient();
    mockApi({ 'POST /api/inbox/2/move': () => ok({ message: 'Message moved' }) });
    const { result } = renderWith(queryClient, () => useMoveMessages());
    act(() =>
      result.current.mutate({
        mailbox: MAILBOX,
        from: 'INBOX',
        to: 'Archive',
        messages: [refOf(inbox[1]!)],
        label: 'Archive',
      }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(inboxUids(queryClient)).toEqual([3, 1]);
    expect(counts(queryClient)).toMatchObject({ INBOX: [2, 2], Archive: [3, 0] });
    expect(toastStore.getSnapshot()).toEqual([]);
  });
});
