import { SPECIAL_USE, type Folder, type MessageSummary } from '@contract/index';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PAGE_SIZE, useMessagePages, useNewestMessages } from '../api/get-messages';
import { findSpecial } from '../components/folder-meta';
import { conversationRows, messageRow, type ListRow } from '../components/list-rows';
import { useDebouncedSearch } from './use-debounced-search';
import type { ListView } from './use-inbox-layout';

/** Search results have no total: the list grows by one pending row as long as full pages keep coming. */
export function searchCount(pageData: ReadonlyMap<number, MessageSummary[] | undefined>): number {
  if (pageData.get(1)?.length === 0) return 0;
  let count = 0;
  for (let p = 1; ; p++) {
    const data = pageData.get(p);
    if (!data) return p === 1 ? 1 : count;
    count += data.length;
    if (data.length < PAGE_SIZE) return count;
    if (!pageData.has(p + 1)) return count + 1;
  }
}

export interface MessageListStateOptions {
  mailbox: string;
  folder: string;
  /** The open message's UID, if any. */
  uid: number | undefined;
  view: ListView;
  folders: Folder[] | undefined;
  /** The folder lists other folders' messages (All mail): rows are matched by UID and Message-ID. */
  isVirtual: boolean;
  /** In a virtual folder, the Message-ID of the open message (?id=). */
  openMessageId: string | null;
}

/**
 * The message list's state: filter and search, the API pages in view, the rows (messages or conversations), where
 * the open message sits, and the checked selection.
 */
export function useMessageListState({
  mailbox,
  folder,
  uid,
  view,
  folders,
  isVirtual,
  openMessageId,
}: MessageListStateOptions) {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const search = useDebouncedSearch();
  const { q } = search;
  const filter = useMemo(() => ({ unreadOnly, q }), [unreadOnly, q]);
  const [pages, setPages] = useState<number[]>([1]);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);

  // A new folder, filter or list view starts at the top with nothing selected.
  const viewKey = `${mailbox}\u0000${folder}\u0000${unreadOnly}\u0000${q}\u0000${view}`;
  const [lastView, setLastView] = useState(viewKey);
  if (lastView !== viewKey) {
    setLastView(viewKey);
    setPages([1]);
    setChecked(new Set());
    setAnchor(null);
  }

  const pageResults = useMessagePages({ mailbox, folder, filter }, pages);
  const pageData = new Map(pages.map((p, i) => [p, pageResults[i]?.data]));
  const getItem = (index: number) => pageData.get(Math.floor(index / PAGE_SIZE) + 1)?.[index % PAGE_SIZE];

  const loaded: MessageSummary[] = [];
  const indexOf = new Map<number, number>();
  for (const [p, data] of pageData) {
    data?.forEach((m, i) => {
      loaded.push(m);
      if (!indexOf.has(m.uid)) indexOf.set(m.uid, (p - 1) * PAGE_SIZE + i);
    });
  }

  // The conversation view groups what is loaded (pages 1..n, one more whenever its end scrolls into view), linked
  // through the newest messages of INBOX and Sent (a virtual folder holds those already).
  const linkFolders = isVirtual
    ? []
    : [findSpecial(folders, SPECIAL_USE.inbox)?.path ?? 'INBOX', findSpecial(folders, SPECIAL_USE.sent)?.path].filter(
        (f): f is string => !!f && f !== folder,
      );
  const linking = useNewestMessages(mailbox, linkFolders, view === 'conversations');
  const conversations = view === 'conversations' ? conversationRows(loaded, mailbox, linking) : null;
  const lastPage = pageData.get(pages.at(-1) ?? 1);
  const hasOlder = conversations !== null && lastPage?.length === PAGE_SIZE;

  const currentFolder = folders?.find((f) => f.path === folder);
  const count = conversations
    ? conversations.length
    : !q && currentFolder
      ? unreadOnly
        ? currentFolder.unreadMessages
        : currentFolder.totalMessages
      : searchCount(pageData);

  const loadOlder = useCallback(() => {
    setPages((prev) => [...prev, (prev.at(-1) ?? 0) + 1]);
  }, []);
  // The virtualizer reports ranges from its own callbacks: it reads the latest list state through a ref (set in a
  // layout effect, so it is current before the list's effects run).
  const listState = useRef({ hasOlder, count });
  useLayoutEffect(() => {
    listState.current = { hasOlder, count };
  });
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (view === 'conversations') {
        if (listState.current.hasOlder && last >= listState.current.count - 1) loadOlder();
        return;
      }
      const next: number[] = [];
      for (let p = Math.floor(first / PAGE_SIZE) + 1; p <= Math.floor(last / PAGE_SIZE) + 1; p++) next.push(p);
      setPages((prev) => (prev.length === next.length && prev.every((p, i) => p === next[i]) ? prev : next));
    },
    [view, loadOlder],
  );

  const getRow = (index: number): ListRow | undefined => {
    if (conversations) return conversations[index];
    const m = getItem(index);
    return m && messageRow(m);
  };
  const isOpen = (row: ListRow) =>
    uid !== undefined &&
    row.messages.some((m) => m.uid === uid && (!isVirtual || openMessageId === null || m.messageId === openMessageId));
  let openIndex: number | null = null;
  if (uid !== undefined) {
    if (conversations) openIndex = conversations.findIndex(isOpen);
    else if (isVirtual) {
      for (const [p, data] of pageData) {
        const i = data?.findIndex((m) => isOpen(messageRow(m))) ?? -1;
        if (i >= 0) openIndex ??= (p - 1) * PAGE_SIZE + i;
      }
    } else openIndex = indexOf.get(uid) ?? null;
    if (openIndex === -1) openIndex = null;
  }

  const toggleCheck = (index: number, row: ListRow, range: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev);
      if (range && anchor !== null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        for (let i = a; i <= b; i++) getRow(i)?.messages.forEach((m) => next.add(m.uid));
      } else if (row.messages.every((m) => next.has(m.uid))) row.messages.forEach((m) => next.delete(m.uid));
      else row.messages.forEach((m) => next.add(m.uid));
      return next;
    });
    setAnchor(index);
  };

  return {
    unreadOnly,
    setUnreadOnly,
    search,
    q,
    pageResults,
    loaded,
    conversations,
    hasOlder,
    count,
    currentFolder,
    loadOlder,
    onRangeChange,
    getRow,
    isOpen,
    openIndex,
    checked,
    setChecked,
    toggleCheck,
  };
}

export type MessageListState = ReturnType<typeof useMessageListState>;
