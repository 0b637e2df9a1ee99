import { Button } from '@web/components/ui/button';

export interface InboxToolbarProps {
  /** Show "Back" (narrow screens with a message open). */
  showBack: boolean;
  onBack: () => void;
  /** How many messages the actions take (the selection, else the open message). */
  targetCount: number;
  allSeen: boolean;
  canArchive: boolean;
  /** The actions happen in Trash: Delete deletes forever. */
  inTrash: boolean;
  canReply: boolean;
  onMarkSeen: (seen: boolean) => void;
  onMove: () => void;
  onArchive: () => void;
  onDelete: () => void;
  onReply: (mode: 'reply' | 'replyAll' | 'forward') => void;
  onHelp: () => void;
}

/** The message actions over the panes; each button names its keyboard shortcut. */
export function InboxToolbar(props: InboxToolbarProps) {
  const { targetCount, canReply } = props;
  return (
    <div
      role="toolbar"
      aria-label="Message actions"
      className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800"
    >
      {props.showBack && (
        <Button variant="ghost" onClick={props.onBack}>
          ← Back
        </Button>
      )}
      <Button variant="ghost" disabled={!targetCount} onClick={() => props.onMarkSeen(true)} aria-keyshortcuts="u">
        Mark as read
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={() => props.onMarkSeen(false)} aria-keyshortcuts="u">
        Mark as unread
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={props.onMove} aria-keyshortcuts="v">
        Move to…
      </Button>
      <Button
        variant="ghost"
        disabled={!targetCount || !props.canArchive}
        onClick={props.onArchive}
        aria-keyshortcuts="e"
      >
        Archive
      </Button>
      <Button variant="ghost" disabled={!targetCount} onClick={props.onDelete} aria-keyshortcuts="#">
        {props.inTrash ? 'Delete forever' : 'Delete'}
      </Button>
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />
      <Button variant="ghost" disabled={!canReply} onClick={() => props.onReply('reply')} aria-keyshortcuts="r">
        Reply
      </Button>
      <Button variant="ghost" disabled={!canReply} onClick={() => props.onReply('replyAll')} aria-keyshortcuts="a">
        Reply all
      </Button>
      <Button variant="ghost" disabled={!canReply} onClick={() => props.onReply('forward')} aria-keyshortcuts="f">
        Forward
      </Button>
      <span className="ml-auto" />
      <Button variant="ghost" onClick={props.onHelp} aria-keyshortcuts="?">
        Keyboard shortcuts
      </Button>
      {!props.allSeen && <span className="sr-only">Selection has unread messages</span>}
    </div>
  );
}
