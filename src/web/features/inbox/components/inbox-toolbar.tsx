import { Button, type ButtonProps } from '@web/components/ui/button';
import { ToolbarIcon, type ToolbarIconName } from './toolbar-icon';

export interface InboxToolbarProps {
  /** A phone-sized screen: icon buttons named by aria-label and title instead of words. */
  compact: boolean;
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

interface ToolProps extends ButtonProps {
  label: string;
  icon: ToolbarIconName;
  compact: boolean;
}

/** A toolbar button: its words on a wide screen; on a phone its icon, named by aria-label and a title tooltip. */
function Tool({ label, icon, compact, variant = 'ghost', className = '', ...props }: ToolProps) {
  if (!compact)
    return (
      <Button variant={variant} className={className} {...props}>
        {label}
      </Button>
    );
  return (
    <Button variant={variant} aria-label={label} title={label} className={`px-1.5 ${className}`} {...props}>
      <ToolbarIcon name={icon} />
    </Button>
  );
}

/** The message actions over the panes; each button names its keyboard shortcut. */
export function InboxToolbar(props: InboxToolbarProps) {
  const { targetCount, canReply, compact } = props;
  return (
    <div
      role="toolbar"
      aria-label="Message actions"
      className={`flex items-center border-b border-slate-200 py-1.5 dark:border-slate-800 ${
        compact ? 'gap-0.5 overflow-x-auto px-1' : 'flex-wrap gap-1 px-2'
      }`}
    >
      {props.showBack && <Tool compact={compact} icon="back" label="Back to the list" onClick={props.onBack} />}
      <Tool
        compact={compact}
        icon="markRead"
        label="Mark as read"
        disabled={!targetCount}
        onClick={() => props.onMarkSeen(true)}
        aria-keyshortcuts="u"
      />
      <Tool
        compact={compact}
        icon="markUnread"
        label="Mark as unread"
        disabled={!targetCount}
        onClick={() => props.onMarkSeen(false)}
        aria-keyshortcuts="u"
      />
      <Tool
        compact={compact}
        icon="move"
        label="Move to…"
        disabled={!targetCount}
        onClick={props.onMove}
        aria-keyshortcuts="v"
      />
      <Tool
        compact={compact}
        icon="archive"
        label="Archive"
        disabled={!targetCount || !props.canArchive}
        onClick={props.onArchive}
        aria-keyshortcuts="e"
      />
      <Tool
        compact={compact}
        icon="delete"
        label={props.inTrash ? 'Delete forever' : 'Delete'}
        variant={props.inTrash ? 'danger' : 'ghost'}
        disabled={!targetCount}
        onClick={props.onDelete}
        aria-keyshortcuts="#"
      />
      {!compact && <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />}
      <Tool
        compact={compact}
        icon="reply"
        label="Reply"
        disabled={!canReply}
        onClick={() => props.onReply('reply')}
        aria-keyshortcuts="r"
      />
      <Tool
        compact={compact}
        icon="replyAll"
        label="Reply all"
        disabled={!canReply}
        onClick={() => props.onReply('replyAll')}
        aria-keyshortcuts="a"
      />
      <Tool
        compact={compact}
        icon="forward"
        label="Forward"
        disabled={!canReply}
        onClick={() => props.onReply('forward')}
        aria-keyshortcuts="f"
      />
      {/* A phone has no keyboard to speak of: the shortcuts stay one "?" away, the button goes. */}
      {!compact && (
        <>
          <span className="ml-auto" />
          <Tool
            compact={false}
            icon="keyboard"
            label="Keyboard shortcuts"
            onClick={props.onHelp}
            aria-keyshortcuts="?"
          />
        </>
      )}
      {!props.allSeen && <span className="sr-only">Selection has unread messages</span>}
    </div>
  );
}
