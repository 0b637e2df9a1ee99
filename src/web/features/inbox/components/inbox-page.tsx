import { ALL_FOLDER_PATH, SPECIAL_USE, type MessageSummary } from '@contract/index';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { Button } from '@web/components/ui/button';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useMailboxes } from '@web/lib/company-queries';
import { useFolders } from '../api/get-folders';
import { useMessage } from '../api/get-message';
import { PAGE_SIZE, useMessagePages, useNewestMessages } from '../api/get-messages';
import { useLocateMessage } from '../api/locate-message';
import { plural, useDeleteForever, useMoveMessages, useSetSeen, useUndoMove } from '../api/message-actions';
import type { MessageRef } from '../api/optimistic';
import { PANE_LIMITS, useInboxLayout, type ListView } from '../hooks/use-inbox-layout';
import { composeHref, inboxHref, type ComposeMode } from '../inbox-href';
import { findSpecial, folderLabel, isInAllMail, isVirtualFolder, orderFolders } from './folder-meta';
import { FolderPane } from './folder-pane';
import { conversationRows, messageRow, type ListRow } from './list-rows';
import { MessageList } from './message-list';
import { Modal } from './modal';
import { Reader } from './reader';
import { ResizeHandle } from './resize-handle';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts';
import { UndoBar } from './undo-bar';

export interface InboxPageProps {
  mailbox: string;
  folder: string;
  uid: number | undefined;
  user: string;
}

const NARROW = '(max-width: 767px)';
function useNarrow() {
  return useSyncExternalStore(
    (cb) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const mq = window.matchMedia(NARROW);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches,
  );
}

/** Search results have no total: the list grows by one pending row as long as full pages keep coming. */
function searchCount(pageData: ReadonlyMap<number, MessageSummary[] | undefined>): number {
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

const refOf = (m: Pick<MessageSummary, 'uid' | 'seen' | 'messageId' | 'subject'>): MessageRef => ({
  uid: m.uid,
  seen: m.seen,
  messageId: m.messageId,
  subject: m.subject,
});

interface Undo {
  message: string;
  from: string;
  to: string;
  messages: MessageRef[];
}

export function InboxPage({ mailbox, folder, uid, user }: InboxPageProps) {
  const navigate = useNavigate();
  const narrow = useNarrow();
  const mailboxes = useMailboxes();
  const folders = useFolders(mailbox);
  const [layout, setLayout] = useInboxLayout(user);
  const view: ListView = layout.view;
  // Virtual folders (All mail) list messages of other folders: their items carry no folder and their UIDs may
  // collide, so an open message is named by UID and Message-ID (?id=) and located in its real folder.
  const isVirtual = isVirtualFolder(folder);
  const [searchParams] = useSearchParams();
  const openMessageId = isVirtual ? searchParams.get('id') : null;
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [searchInput, setSearchInput] = useState('');
  const [q, setQ] = useState('');
  const filter = useMemo(() => ({ unreadOnly, q }), [unreadOnly, q]);
  const [pages, setPages] = useState<number[]>([1]);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [dragged, setDragged] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'move' | 'help' | 'confirmDelete' | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

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
    : [
        findSpecial(folders.data, SPECIAL_USE.inbox)?.path ?? 'INBOX',
        findSpecial(folders.data, SPECIAL_USE.sent)?.path,
      ].filter((f): f is string => !!f && f !== folder);
  const linking = useNewestMessages(mailbox, linkFolders, view === 'conversations');
  const conversations = view === 'conversations' ? conversationRows(loaded, mailbox, linking) : null;
  const lastPage = pageData.get(pages.at(-1) ?? 1);
  const hasOlder = conversations !== null && lastPage?.length === PAGE_SIZE;

  const currentFolder = folders.data?.find((f) => f.path === folder);
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

  // Where the open message really is: this folder, or (from a virtual folder) the real folder that holds it.
  const candidates = folders.data
    ?.filter((f) => !isVirtualFolder(f.path) && (folder !== ALL_FOLDER_PATH || isInAllMail(f)))
    .map((f) => f.path);
  const located = useLocateMessage(
    mailbox,
    isVirtual && uid !== undefined ? { uid, messageId: openMessageId } : undefined,
    candidates,
  );
  const openAt = uid === undefined ? undefined : isVirtual ? (located.data ?? undefined) : { folder, uid };
  const detail = useMessage(mailbox, openAt?.folder ?? folder, openAt?.uid);
  /** Where actions on the open message (or the selection) happen. */
  const actionFolder = openAt?.folder ?? folder;

  const hrefFor = useCallback(
    (row: ListRow) => {
      const href = inboxHref(mailbox, folder, row.message.uid);
      const id = row.message.messageId;
      return isVirtual && id ? `${href}?${new URLSearchParams({ id }).toString()}` : href;
    },
    [mailbox, folder, isVirtual],
  );
  const openRow = (row: ListRow, replace = false) => void navigate(hrefFor(row), { replace });
  const closeMessage = (replace = false) => void navigate(inboxHref(mailbox, folder), { replace });

  /** The selection; else the open message (its whole conversation when the list shows conversations). */
  const targets = (): MessageRef[] => {
    if (checked.size) return loaded.filter((m) => checked.has(m.uid)).map(refOf);
    if (uid === undefined || !openAt) return [];
    if (isVirtual) return detail.data ? [refOf(detail.data)] : [];
    if (conversations && openIndex !== null) return conversations[openIndex]!.messages.map(refOf);
    const fromList = loaded.find((m) => m.uid === uid);
    if (fromList) return [refOf(fromList)];
    return detail.data ? [refOf(detail.data)] : [];
  };

  const setSeen = useSetSeen();
  const move = useMoveMessages();
  const deleteForever = useDeleteForever();
  const undoMove = useUndoMove();

  const trash = findSpecial(folders.data, SPECIAL_USE.trash);
  const archive = findSpecial(folders.data, SPECIAL_USE.archive);
  const inTrash = trash?.path === actionFolder;

  const afterRemoval = (removed: MessageRef[]) => {
    setChecked(new Set());
    if (openAt && removed.some((m) => m.uid === openAt.uid)) closeMessage(true);
  };

  const markSeen = (seen: boolean, messages = targets()) => {
    if (messages.length) setSeen.mutate({ mailbox, folder: actionFolder, messages, seen });
  };
  const moveTo = (to: string, messages = targets(), label = `Move to ${to}`) => {
    if (!messages.length || to === actionFolder) return;
    const from = actionFolder;
    move.mutate(
      { mailbox, from, to, messages, label },
      {
        onSuccess: () => {
          const name = folders.data?.find((f) => f.path === to);
          setUndo({
            message: `Moved ${plural(messages.length)} to ${name ? folderLabel(name) : to}`,
            from: to,
            to: from,
            messages,
          });
        },
      },
    );
    afterRemoval(messages);
  };
  const remove = () => {
    const messages = targets();
    if (!messages.length) return;
    if (inTrash || !trash) setDialog('confirmDelete');
    else moveTo(trash.path, messages, 'Delete');
  };
  const compose = (mode: ComposeMode) => {
    if (openAt) void navigate(composeHref(mailbox, openAt.folder, openAt.uid, mode));
  };

  const runShortcut = (action: ShortcutAction) => {
    const step = (delta: number) => {
      const from = openIndex ?? -1;
      const next = getRow(Math.max(0, Math.min(count - 1, from + delta)));
      if (next) openRow(next, true);
    };
    switch (action) {
      case 'next':
        return step(1);
      case 'previous':
        return step(-1);
      case 'open': {
        const first = getRow(0);
        return uid === undefined && first ? openRow(first) : undefined;
      }
      case 'toggleRead': {
        const t = targets();
        return markSeen(!t.every((m) => m.seen), t);
      }
      case 'move':
        return targets().length ? setDialog('move') : undefined;
      case 'archive':
        return archive ? moveTo(archive.path, targets(), 'Archive') : undefined;
      case 'delete':
        return remove();
      case 'reply':
        return compose('reply');
      case 'replyAll':
        return compose('replyAll');
      case 'forward':
        return compose('forward');
      case 'search':
        return searchRef.current?.focus();
      case 'help':
        return setDialog('help');
    }
  };
  const shortcutRef = useRef(runShortcut);
  useEffect(() => {
    shortcutRef.current = runShortcut;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      shortcutRef.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

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

  const targetCount = checked.size || (openAt ? 1 : 0);
  const allSeen = targets().every((m) => m.seen);
  const conversationFolders = [
    findSpecial(folders.data, SPECIAL_USE.inbox)?.path ?? 'INBOX',
    ...[findSpecial(folders.data, SPECIAL_USE.sent)?.path ?? []].flat(),
    ...(openAt ? [openAt.folder] : []),
  ];
  const folderName = currentFolder ? folderLabel(currentFolder) : folder;
  const locatedFolder = openAt && folders.data?.find((f) => f.path === openAt.folder);

  const toolbar = (
    <div
      role="toolbar"
      aria-label="Message actions"
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800"
    >
      {narrow && uid !== undefined && (
        <Button variant="ghost" onClick={() => closeMessage()}>
          ← Back
        </Button>
      )}
      <Button variant="ghost" disabled={!targetCount} onClick={() => markSeen(true)} aria-keyshortcuts="u">
        Mark as read
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={() => markSeen(false)} aria-keyshortcuts="u">
        Mark as unread
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={() => setDialog('move')} aria-keyshortcuts="v">
        Move to…
      </Button>
      <Button
        variant="ghost"
        disabled={!targetCount || !archive || archive.path === actionFolder}
        onClick={() => archive && moveTo(archive.path, targets(), 'Archive')}
        aria-keyshortcuts="e"
      >
        Archive
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={remove} aria-keyshortcuts="#">
        {inTrash ? 'Delete forever' : 'Delete'}
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />
      <Button variant="ghost" disabled={!openAt} onClick={() => compose('reply')} aria-keyshortcuts="r">
        Reply
      </Button>
      <Button variant="ghost" disabled={!openAt} onClick={() => compose('replyAll')} aria-keyshortcuts="a">
        Reply all
      </Button>
      <Button variant="ghost" disabled={!openAt} onClick={() => compose('forward')} aria-keyshortcuts="f">
        Forward
      </Button>
      <span className="ml-auto" />
      <Button variant="ghost" onClick={() => setDialog('help')} aria-keyshortcuts="?">
        Keyboard shortcuts
      </Button>
      {!allSeen && <span className="sr-only">Selection has unread messages</span>}
    </div>
  );

  const listPane = (
    <section aria-label="Messages" className="flex h-full min-w-0 flex-col">
      <form
        role="search"
        className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-2 dark:border-slate-800"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(searchInput.trim());
        }}
      >
        <label className="sr-only" htmlFor="inbox-search">
          Search {folderName}
        </label>
        <input
          id="inbox-search"
          ref={searchRef}
          type="search"
          value={searchInput}
          onChange={(event) => {
            setSearchInput(event.target.value);
            if (!event.target.value) setQ('');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
          }}
          placeholder={`Search ${folderName}`}
          aria-keyshortcuts="/"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
          Unread only
        </label>
        <Button
          variant="ghost"
          onClick={() => {
            void folders.refetch();
            pageResults.forEach((r) => void r.refetch());
          }}
        >
          Refresh
        </Button>
        <div role="group" aria-label="List shows" className="flex">
          {(['messages', 'conversations'] as const).map((v) => (
            <Button
              key={v}
              variant={view === v ? 'secondary' : 'ghost'}
              aria-pressed={view === v}
              onClick={() => setLayout({ view: v })}
            >
              {v === 'messages' ? 'Messages' : 'Conversations'}
            </Button>
          ))}
        </div>
      </form>
      {isVirtual && (
        <p className="border-b border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
          {folderName} lists the messages of every folder. Open a message to act on it where it really is.
        </p>
      )}
      <div className="min-h-0 flex-1">
        {count === 0 && pageResults.every((r) => !r.isPending) ? (
          <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-300">
            {q ? 'No messages match your search.' : 'No messages here.'}
          </p>
        ) : (
          <MessageList
            label={view === 'conversations' ? `${folderName} conversations` : `${folderName} messages`}
            count={count}
            getRow={getRow}
            scrollToIndex={openIndex}
            isOpen={isOpen}
            checked={checked}
            selectable={!isVirtual}
            hrefFor={hrefFor}
            onRangeChange={onRangeChange}
            onToggleCheck={toggleCheck}
            onDragRow={(row) => {
              const uids = row.messages.map((m) => m.uid);
              setDragged(uids.some((u) => checked.has(u)) ? [...new Set([...checked, ...uids])] : uids);
            }}
          />
        )}
      </div>
      {conversations && (
        <p className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
          {plural(count).replace('message', 'conversation')} in the newest {plural(loaded.length)}
          {hasOlder && (
            <Button variant="ghost" onClick={loadOlder}>
              Load older messages
            </Button>
          )}
        </p>
      )}
    </section>
  );

  let readerPane;
  if (uid === undefined)
    readerPane = <p className="p-6 text-sm text-slate-600 dark:text-slate-300">Select a message to read it.</p>;
  else if (!openAt && (located.isPending || folders.isPending))
    readerPane = <LoadingState label="Finding the message in its folder…" />;
  else if (!openAt)
    readerPane = (
      <ErrorState
        title="The message could not be found in any folder."
        message={located.error?.message ?? 'It may have been moved or deleted since the list was loaded.'}
        onRetry={() => void located.refetch()}
      />
    );
  else
    readerPane = (
      <PaneErrorBoundary title="The message could not be shown.">
        <Reader
          key={`${mailbox}/${openAt.folder}/${openAt.uid}`}
          mailbox={mailbox}
          folder={openAt.folder}
          uid={openAt.uid}
          detail={detail.data}
          isPending={detail.isPending}
          error={detail.error}
          onRetry={() => void detail.refetch()}
          user={user}
          conversationFolders={conversationFolders}
          initialView={view === 'conversations' ? 'conversation' : 'message'}
          locatedIn={isVirtual ? (locatedFolder ? folderLabel(locatedFolder) : openAt.folder) : undefined}
          onAutoRead={() => {
            const d = detail.data;
            if (d && !d.seen) markSeen(true, [refOf(d)]);
          }}
        />
      </PaneErrorBoundary>
    );

  const folderPane = (
    <PaneErrorBoundary title="The folders could not be shown.">
      <FolderPane
        mailbox={mailbox}
        folders={folders.data}
        isPending={folders.isPending}
        error={folders.error}
        onRetry={() => void folders.refetch()}
        onDropMessages={(to) => {
          const messages = loaded.filter((m) => dragged.includes(m.uid)).map(refOf);
          moveTo(to, messages);
        }}
      />
    </PaneErrorBoundary>
  );

  return (
    <div className="flex h-[calc(100vh-9rem)] min-h-[28rem] flex-col rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        {/* The route heading: focused when the inbox is entered, left alone while moving inside it. */}
        <h1 className="text-lg font-semibold focus:outline-none" tabIndex={-1} data-route-heading="inbox">
          Inbox
        </h1>
        <label className="flex items-center gap-2 text-sm">
          Mailbox
          <select
            value={mailbox}
            onChange={(event) => void navigate(inboxHref(event.target.value, 'INBOX'))}
            className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {(mailboxes.data ?? [{ email: mailbox }]).map((m) => (
              <option key={m.email} value={m.email}>
                {m.email}
              </option>
            ))}
          </select>
        </label>
      </div>
      {toolbar}
      {narrow ? (
        <div className="min-h-0 flex-1 overflow-y-auto">
          {uid === undefined ? (
            <>
              <details className="border-b border-slate-200 dark:border-slate-800">
                <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Folders</summary>
                {folderPane}
              </details>
              <div className="h-[70vh]">
                <PaneErrorBoundary title="The message list could not be shown.">{listPane}</PaneErrorBoundary>
              </div>
            </>
          ) : (
            readerPane
          )}
        </div>
      ) : (
        <div className="flex min-h-0 flex-1">
          <div style={{ width: layout.folders }} className="shrink-0 overflow-hidden">
            {folderPane}
          </div>
          <ResizeHandle
            label="Resize folders"
            value={layout.folders}
            {...PANE_LIMITS.folders}
            onChange={(v) => setLayout({ folders: v })}
          />
          <div style={{ width: layout.list }} className="shrink-0 overflow-hidden">
            <PaneErrorBoundary title="The message list could not be shown.">{listPane}</PaneErrorBoundary>
          </div>
          <ResizeHandle
            label="Resize message list"
            value={layout.list}
            {...PANE_LIMITS.list}
            onChange={(v) => setLayout({ list: v })}
          />
          <div className="min-w-0 flex-1 overflow-y-auto">{readerPane}</div>
        </div>
      )}

      <Modal open={dialog === 'move'} title="Move to folder" onClose={() => setDialog(null)}>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {orderFolders(folders.data ?? [])
            .filter(({ folder: f }) => f.path !== actionFolder && !isVirtualFolder(f.path))
            .map(({ folder: f, depth }) => (
              <li key={f.path} style={{ paddingLeft: `${depth}rem` }}>
                <Button
                  variant="ghost"
                  className="w-full justify-start"
                  onClick={() => {
                    setDialog(null);
                    moveTo(f.path, targets(), `Move to ${folderLabel(f)}`);
                  }}
                >
                  {folderLabel(f)}
                </Button>
              </li>
            ))}
        </ul>
      </Modal>

      <Modal open={dialog === 'confirmDelete'} title="Delete forever?" onClose={() => setDialog(null)}>
        <p className="text-sm">{plural(targetCount)} will be deleted permanently. This cannot be undone.</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDialog(null)}>
            Cancel
          </Button>
          <Button
            onClick={() => {
              const messages = targets();
              setDialog(null);
              deleteForever.mutate({ mailbox, folder: actionFolder, messages });
              afterRemoval(messages);
            }}
          >
            Delete forever
          </Button>
        </div>
      </Modal>

      <Modal open={dialog === 'help'} title="Keyboard shortcuts" onClose={() => setDialog(null)}>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td className="py-1 pr-4">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="mr-1 rounded border border-slate-300 px-1.5 font-mono dark:border-slate-600"
                    >
                      {k}
                    </kbd>
                  ))}
                </td>
                <td className="py-1">{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Modal>

      {undo && (
        <UndoBar
          message={undo.message}
          busy={undoMove.isPending}
          onDismiss={() => setUndo(null)}
          onUndo={() => {
            const u = undo;
            undoMove.mutate(
              { mailbox, from: u.from, to: u.to, messages: u.messages },
              { onSettled: () => setUndo(null) },
            );
          }}
        />
      )}
    </div>
  );
}
