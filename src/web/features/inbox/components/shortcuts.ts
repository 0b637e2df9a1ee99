/** The webmail's keyboard shortcuts (Gmail's letters). One table: the handler and the help dialog read it. */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'toggleRead'
  | 'move'
  | 'archive'
  | 'delete'
  | 'reply'
  | 'replyAll'
  | 'forward'
  | 'search'
  | 'help';

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: ShortcutAction; label: string }> = [
  { keys: ['j'], action: 'next', label: 'Next message' },
  { keys: ['k'], action: 'previous', label: 'Previous message' },
  { keys: ['Enter', 'o'], action: 'open', label: 'Open message' },
  { keys: ['u'], action: 'toggleRead', label: 'Mark as read / unread' },
  { keys: ['v'], action: 'move', label: 'Move to…' },
  { keys: ['e'], action: 'archive', label: 'Archive' },
  { keys: ['#'], action: 'delete', label: 'Delete (move to Trash)' },
  { keys: ['r'], action: 'reply', label: 'Reply' },
  { keys: ['a'], action: 'replyAll', label: 'Reply all' },
  { keys: ['f'], action: 'forward', label: 'Forward' },
  { keys: ['/'], action: 'search', label: 'Search this folder' },
  { keys: ['?'], action: 'help', label: 'Show keyboard shortcuts' },
];

const byKey = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

/** Where typing goes, so letters are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.closest('textarea, select, [contenteditable]:not([contenteditable="false"])')) return true;
  const input = el.closest('input');
  return !!input && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(input.type);
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  defaultPrevented?: boolean;
}

/** The action for a key press, or null: modifiers (but Shift, which types "#" and "?") and typing are ignored. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  // Enter on a button or a link is that control's own action.
  if (event.key === 'Enter' && (event.target as Element | null)?.closest?.('button, a, input')) return null;
  return byKey.get(event.key) ?? null;
}
