import { SPECIAL_USE, type MessageSummary } from '@contract/index';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { Button } from '@web/components/ui/button';
import { useCompanyMailboxes } from '../api/get-company-mailboxes';
import { useFolders } from '../api/get-folders';
import { useMessage } from '../api/get-message';
import { PAGE_SIZE, useMessagePages } from '../api/get-messages';
import { plural, useDeleteForever, useMoveMessages, useSetSeen, useUndoMove } from '../api/message-actions';
import type { MessageRef } from '../api/optimistic';
import { composeHref, inboxHref, type ComposeMode } from '../inbox-href';
import { findSpecial, folderLabel, orderFolders } from './folder-meta';
import { FolderPane } from './folder-pane';
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
  const mailboxes = useCompanyMailboxes();
  const folders = useFolders(mailbox);
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
  const [widths, setWidths] = useState({ folders: 220, list: 380 });
  const searchRef = useRef<HTMLInputElement>(null);

  // A new folder or filter starts at the top with nothing selected.
  const viewKey = `${mailbox}\u0000${folder}\u0000${unreadOnly}\u0000${q}`;
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

  const currentFolder = folders.data?.find((f) => f.path === folder);
  let count: number;
  if (!q && currentFolder) count = unreadOnly ? currentFolder.unreadMessages : currentFolder.totalMessages;
  else {
    // Search results have no total: grow as long as full pages keep coming.
    count = 0;
    for (let p = 1; ; p++) {
      const data = pageData.get(p);
      if (!data) {
        if (p === 1) count = 1;
        break;
      }
      count += data.length;
      if (data.length < PAGE_SIZE) break;
      if (!pageData.has(p + 1)) {
        count += 1;
        break;
      }
    }
    if (pageData.get(1)?.length === 0) count = 0;
  }

  const onRangeChange = useCallback((first: number, last: number) => {
    const next: number[] = [];
    for (let p = Math.floor(first / PAGE_SIZE) + 1; p <= Math.floor(last / PAGE_SIZE) + 1; p++) next.push(p);
    setPages((prev) => (prev.length === next.length && prev.every((p, i) => p === next[i]) ? prev : next));
  }, []);

  const loaded: MessageSummary[] = [];
  const indexOf = new Map<number, number>();
  for (const [p, data] of pageData) {
    data?.forEach((m, i) => {
      loaded.push(m);
      indexOf.set(m.uid, (p - 1) * PAGE_SIZE + i);
    });
  }
  const openIndex = uid !== undefined ? (indexOf.get(uid) ?? null) : null;
  const detail = useMessage(mailbox, folder, uid);

  const hrefFor = useCallback((u: number) => inboxHref(mailbox, folder, u), [mailbox, folder]);
  const open = (u: number | undefined, replace = false) => void navigate(inboxHref(mailbox, folder, u), { replace });

  /** The selection, or the open message when nothing is checked. */
  const targets = (): MessageRef[] => {
    if (checked.size) return loaded.filter((m) => checked.has(m.uid)).map(refOf);
    if (uid === undefined) return [];
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
  const inTrash = trash?.path === folder;

  const afterRemoval = (removed: MessageRef[]) => {
    setChecked(new Set());
    if (uid !== undefined && removed.some((m) => m.uid === uid)) open(undefined, true);
  };

  const markSeen = (seen: boolean, messages = targets()) => {
    if (messages.length) setSeen.mutate({ mailbox, folder, messages, seen });
  };
  const moveTo = (to: string, messages = targets(), label = `Move to ${to}`) => {
    if (!messages.length || to === folder) return;
    move.mutate(
      { mailbox, from: folder, to, messages, label },
      {
        onSuccess: () => {
          const name = folders.data?.find((f) => f.path === to);
          setUndo({
            message: `Moved ${plural(messages.length)} to ${name ? folderLabel(name) : to}`,
            from: to,
            to: folder,
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
    if (uid !== undefined) void navigate(composeHref(mailbox, folder, uid, mode));
  };

  const runShortcut = (action: ShortcutAction) => {
    const step = (delta: number) => {
      const from = openIndex ?? -1;
      const next = getItem(Math.max(0, Math.min(count - 1, from + delta)));
      if (next) open(next.uid, true);
    };
    switch (action) {
      case 'next':
        return step(1);
      case 'previous':
        return step(-1);
      case 'open':
        return uid === undefined && getItem(0) ? open(getItem(0)!.uid) : undefined;
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

  const toggleCheck = (index: number, u: number, range: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev);
      if (range && anchor !== null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        for (let i = a; i <= b; i++) {
          const m = getItem(i);
          if (m) next.add(m.uid);
        }
      } else if (next.has(u)) next.delete(u);
      else next.add(u);
      return next;
    });
    setAnchor(index);
  };

  const targetCount = checked.size || (uid !== undefined ? 1 : 0);
  const allSeen = targets().every((m) => m.seen);
  const conversationFolders = {
    inbox: findSpecial(folders.data, SPECIAL_USE.inbox)?.path ?? 'INBOX',
    sent: findSpecial(folders.data, SPECIAL_USE.sent)?.path ?? null,
  };
  const folderName = currentFolder ? folderLabel(currentFolder) : folder;

  const toolbar = (
    <div
      role="toolbar"
      aria-label="Message actions"
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800"
    >
      {narrow && uid !== undefined && (
        <Button variant="ghost" onClick={() => open(undefined)}>
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
        disabled={!targetCount || !archive || archive.path === folder}
        onClick={() => archive && moveTo(archive.path, targets(), 'Archive')}
        aria-keyshortcuts="e"
      >
        Archive
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={remove} aria-keyshortcuts="#">
        {inTrash ? 'Delete forever' : 'Delete'}
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />
      <Button variant="ghost" disabled={uid === undefined} onClick={() => compose('reply')} aria-keyshortcuts="r">
        Reply
      </Button>
      <Button variant="ghost" disabled={uid === undefined} onClick={() => compose('replyAll')} aria-keyshortcuts="a">
        Reply all
      </Button>
      <Button variant="ghost" disabled={uid === undefined} onClick={() => compose('forward')} aria-keyshortcuts="f">
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
      </form>
      <div className="min-h-0 flex-1">
        {count === 0 && pageResults.every((r) => !r.isPending) ? (
          <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-300">
            {q ? 'No messages match your search.' : 'No messages here.'}
          </p>
        ) : (
          <MessageList
            label={`${folderName} messages`}
            count={count}
            getItem={getItem}
            scrollToIndex={openIndex}
            openUid={uid}
            checked={checked}
            hrefFor={hrefFor}
            onRangeChange={onRangeChange}
            onToggleCheck={toggleCheck}
            onDragRow={(u) => setDragged(checked.has(u) ? [...checked] : [u])}
          />
        )}
      </div>
    </section>
  );

  const readerPane =
    uid === undefined ? (
      <p className="p-6 text-sm text-slate-600 dark:text-slate-300">Select a message to read it.</p>
    ) : (
      <PaneErrorBoundary title="The message could not be shown.">
        <Reader
          key={`${mailbox}/${folder}/${uid}`}
          mailbox={mailbox}
          folder={folder}
          uid={uid}
          detail={detail.data}
          isPending={detail.isPending}
          error={detail.error}
          onRetry={() => void detail.refetch()}
          user={user}
          conversationFolders={conversationFolders}
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
        <h1 className="text-lg font-semibold">Inbox</h1>
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
          <div style={{ width: widths.folders }} className="shrink-0 overflow-hidden">
            {folderPane}
          </div>
          <ResizeHandle
            label="Resize folders"
            value={widths.folders}
            min={140}
            max={420}
            onChange={(v) => setWidths((w) => ({ ...w, folders: v }))}
          />
          <div style={{ width: widths.list }} className="shrink-0 overflow-hidden">
            <PaneErrorBoundary title="The message list could not be shown.">{listPane}</PaneErrorBoundary>
          </div>
          <ResizeHandle
            label="Resize message list"
            value={widths.list}
            min={260}
            max={800}
            onChange={(v) => setWidths((w) => ({ ...w, list: v }))}
          />
          <div className="min-w-0 flex-1 overflow-y-auto">{readerPane}</div>
        </div>
      )}

      <Modal open={dialog === 'move'} title="Move to folder" onClose={() => setDialog(null)}>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {orderFolders(folders.data ?? [])
            .filter(({ folder: f }) => f.path !== folder && !f.path.startsWith('__'))
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
              deleteForever.mutate({ mailbox, folder, messages });
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
