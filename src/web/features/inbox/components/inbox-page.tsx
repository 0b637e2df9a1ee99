import type { ConsoleTrigger } from '@contract/console-trigger';
import { ALL_FOLDER_PATH, SPECIAL_USE, type MessageSummary } from '@contract/index';
import { useCallback, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useMailboxes } from '@web/lib/company-queries';
import { useFolders } from '../api/get-folders';
import { useMessage } from '../api/get-message';
import { useLocateMessage } from '../api/locate-message';
import { plural, useDeleteForever, useMoveMessages, useSetSeen, useUndoMove } from '../api/message-actions';
import type { MessageRef } from '../api/optimistic';
import { useInboxLayout } from '../hooks/use-inbox-layout';
import { useInboxShortcuts } from '../hooks/use-inbox-shortcuts';
import { useMessageListState } from '../hooks/use-message-list-state';
import { useNarrow } from '../hooks/use-narrow';
import { composeHref, inboxHref, type ComposeMode } from '../inbox-href';
import { findSpecial, folderLabel, isInAllMail, isVirtualFolder } from './folder-meta';
import { FolderPane } from './folder-pane';
import { InboxDialogs, type InboxDialog } from './inbox-dialogs';
import { InboxPanes } from './inbox-panes';
import { InboxToolbar } from './inbox-toolbar';
import { ListPane } from './list-pane';
import { nextAfterRemoval } from './next-after-removal';
import type { ListRow } from './list-rows';
import { Reader } from './reader';
import type { ShortcutAction } from './shortcuts';
import { UndoBar } from './undo-bar';

export interface InboxPageProps {
  mailbox: string;
  folder: string;
  uid: number | undefined;
  user: string;
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
  const view = layout.view;
  // Virtual folders (All mail) list messages of other folders: their items carry no folder and their UIDs may
  // collide, so an open message is named by UID and Message-ID (?id=) and located in its real folder.
  const isVirtual = isVirtualFolder(folder);
  const [searchParams] = useSearchParams();
  const openMessageId = isVirtual ? searchParams.get('id') : null;
  const list = useMessageListState({ mailbox, folder, uid, view, folders: folders.data, isVirtual, openMessageId });
  const { loaded, conversations, openIndex, checked, setChecked, count, getRow } = list;
  const [dragged, setDragged] = useState<number[]>([]);
  const [dialog, setDialog] = useState<InboxDialog>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

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

  // After Archive, Move or Delete of the open message the reader opens its neighbour (the next row, or the previous
  // one at the end of the list) instead of going blank; that reader takes the focus if the removal dropped it.
  const [focusReaderFor, setFocusReaderFor] = useState<number | null>(null);
  const afterRemoval = (removed: MessageRef[]) => {
    setChecked(new Set());
    if (!openAt || !removed.some((m) => m.uid === openAt.uid)) return;
    const gone = new Set(removed.map((m) => m.uid));
    const next = nextAfterRemoval(count, getRow, openIndex, (row) => row.messages.every((m) => gone.has(m.uid)));
    if (!next) return closeMessage(true);
    setFocusReaderFor(next.message.uid);
    openRow(next, true);
  };

  const markSeen = (seen: boolean, messages = targets(), trigger: ConsoleTrigger = 'user') => {
    if (messages.length) setSeen.mutate({ mailbox, folder: actionFolder, messages, seen, trigger });
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
  const archiveTargets = () => {
    if (archive) moveTo(archive.path, targets(), 'Archive');
  };
  const compose = (mode: ComposeMode) => {
    if (openAt) void navigate(composeHref(mailbox, openAt.folder, openAt.uid, mode));
  };

  useInboxShortcuts((action: ShortcutAction) => {
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
        return archiveTargets();
      case 'delete':
        return remove();
      case 'reply':
      case 'replyAll':
      case 'forward':
        return compose(action);
      case 'search':
        return searchRef.current?.focus();
      case 'help':
        return setDialog('help');
    }
  });

  const targetCount = checked.size || (openAt ? 1 : 0);
  const conversationFolders = [
    findSpecial(folders.data, SPECIAL_USE.inbox)?.path ?? 'INBOX',
    ...[findSpecial(folders.data, SPECIAL_USE.sent)?.path ?? []].flat(),
    ...(openAt ? [openAt.folder] : []),
  ];
  const folderName = list.currentFolder ? folderLabel(list.currentFolder) : folder;
  const locatedFolder = openAt && folders.data?.find((f) => f.path === openAt.folder);

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
          takeFocus={focusReaderFor === openAt.uid}
          onAutoRead={() => {
            const d = detail.data;
            if (d && !d.seen) markSeen(true, [refOf(d)], 'auto');
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
        <label className="flex min-w-0 max-w-full items-center gap-2 text-sm">
          Mailbox
          <select
            value={mailbox}
            onChange={(event) => void navigate(inboxHref(event.target.value, 'INBOX'))}
            className="min-w-0 max-w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {(mailboxes.data ?? [{ email: mailbox }]).map((m) => (
              <option key={m.email} value={m.email}>
                {m.email}
              </option>
            ))}
          </select>
        </label>
      </div>
      <InboxToolbar
        compact={narrow}
        showBack={narrow && uid !== undefined}
        onBack={() => closeMessage()}
        targetCount={targetCount}
        allSeen={targets().every((m) => m.seen)}
        canArchive={!!archive && archive.path !== actionFolder}
        inTrash={inTrash}
        canReply={!!openAt}
        onMarkSeen={(seen) => markSeen(seen)}
        onMove={() => setDialog('move')}
        onArchive={archiveTargets}
        onDelete={remove}
        onReply={compose}
        onHelp={() => setDialog('help')}
      />
      <InboxPanes
        narrow={narrow}
        messageOpen={uid !== undefined}
        folder={folder}
        folderName={folderName}
        layout={layout}
        onLayoutChange={setLayout}
        readerPane={readerPane}
        folderPane={
          <PaneErrorBoundary title="The folders could not be shown.">
            <FolderPane
              mailbox={mailbox}
              folders={folders.data}
              isPending={folders.isPending}
              error={folders.error}
              onRetry={() => void folders.refetch()}
              onDropMessages={(to) => moveTo(to, loaded.filter((m) => dragged.includes(m.uid)).map(refOf))}
            />
          </PaneErrorBoundary>
        }
        listPane={
          <ListPane
            list={list}
            folderName={folderName}
            view={view}
            onViewChange={(v) => setLayout({ view: v })}
            isVirtual={isVirtual}
            hrefFor={hrefFor}
            onRefresh={() => {
              void folders.refetch();
              list.pageResults.forEach((r) => void r.refetch());
            }}
            onDragUids={setDragged}
            searchRef={searchRef}
          />
        }
      />

      <InboxDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        folders={folders.data}
        actionFolder={actionFolder}
        targetCount={targetCount}
        onMoveTo={(f) => {
          setDialog(null);
          moveTo(f.path, targets(), `Move to ${folderLabel(f)}`);
        }}
        onDeleteForever={() => {
          const messages = targets();
          setDialog(null);
          deleteForever.mutate({ mailbox, folder: actionFolder, messages });
          afterRemoval(messages);
        }}
      />

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
