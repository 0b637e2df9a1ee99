import type { AuditEntryView } from '@contract/index';

/** What people call each action; an action this console does not know yet shows its code. */
const ACTION_LABELS: Record<string, string> = {
  'login.success': 'Signed in',
  'login.failure': 'Sign-in failed',
  'login.throttled': 'Sign-in slowed down (too many attempts)',
  logout: 'Signed out',
  'mail.send': 'Sent mail',
  'mail.move': 'Moved a message',
  'mail.delete': 'Deleted a message',
  'mail.mark-read': 'Marked as read',
  'mail.mark-unread': 'Marked as unread',
  'mail.save-draft': 'Saved a draft',
  'user.create': 'Created a user',
  'user.update': 'Changed a user',
  'user.password-reset': "Reset a user's password",
  'user.delete': 'Deleted a user',
  'account.password-change': 'Changed own password',
  'account.sign-out-everywhere': 'Signed out everywhere',
  'account.session-end': 'Ended a session',
  'access.refused': 'Refused access',
  'request.refused': 'Refused a request (body not JSON, too deep or too large)',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export type Outcome = 'ok' | 'refused' | 'failed';

/** `detail.result` as the BFF writes it (server/access/sentroy-hooks.ts): ok, failed (Sentroy said no), refused. */
export function outcomeOf(entry: Pick<AuditEntryView, 'action' | 'detail'>): Outcome | null {
  const result = entry.detail?.result;
  if (result === 'ok' || result === 'refused' || result === 'failed') return result;
  if (entry.action === 'access.refused' || entry.action === 'request.refused') return 'refused';
  if (entry.action === 'login.failure' || entry.action === 'login.throttled') return 'failed';
  return null;
}

/** The mark-read of the reader's auto-read timer, told apart from a user's click or key. */
export function triggerOf(entry: Pick<AuditEntryView, 'detail'>): 'auto' | 'user' | null {
  const trigger = entry.detail?.trigger;
  return trigger === 'auto' || trigger === 'user' ? trigger : null;
}

/** Keys with a fixed wording; any other key becomes a sentence-case label from its camelCase name. */
const KEY_LABELS: Record<string, string> = {
  result: 'Result',
  error: 'Error',
  status: 'HTTP status',
  trigger: 'Done by',
  uid: 'Message UID',
  folder: 'Folder',
  to: 'To',
  from: 'From',
  subject: 'Subject',
  templateId: 'Template id',
  jobId: 'Job',
  scheduledAt: 'Scheduled for',
  replayed: 'Repeated request (not sent again)',
  via: 'Through',
  role: 'Role',
  name: 'Name',
  mailboxes: 'Mailboxes',
  disabled: 'Disabled',
  sessionsEnded: 'Sessions ended',
  otherSessionsEnded: 'Other sessions ended',
  includeThisDevice: 'Including this device',
  ended: 'Sessions ended',
  session: 'Session',
  ip: 'IP address',
  userAgent: 'Browser',
  reason: 'Reason',
};

/** Values with a fixed wording, per key. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  result: { ok: 'done', refused: 'refused by the console', failed: 'failed (Sentroy answered with an error)' },
  trigger: { auto: 'the reader, automatically (message opened)', user: 'the user' },
  via: { web: 'the web console', cli: 'the command line' },
};

export function keyLabel(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key];
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return VALUE_WORDS[key]?.[value] ?? (value === '' ? '(empty)' : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => valueText(key, v)).join(', ');
  // Nested objects are flattened into "key: value" pairs below; one left here is shown compactly.
  return JSON.stringify(value);
}

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** Order of the lines: what happened first, how it ended last, anything unknown in between. */
const FIRST = ['trigger', 'subject', 'from', 'to', 'folder', 'uid', 'templateId', 'jobId', 'scheduledAt'];
const LAST = ['result', 'status', 'error', 'replayed'];

/**
 * The detail object as labelled lines for people: known keys in words, nested objects flattened
 * (`changes.role` → "Changes role"), and the outcome last so a refusal or failure is the line that ends the row.
 */
export function detailLines(detail: Record<string, unknown> | null): DetailLine[] {
  if (!detail) return [];
  const flat: [string, unknown][] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        flat.push([`${key}.${inner}`, innerValue]);
      }
    } else {
      flat.push([key, value]);
    }
  }
  const rank = (key: string) => {
    const first = FIRST.indexOf(key);
    if (first >= 0) return first;
    const last = LAST.indexOf(key);
    return last >= 0 ? 1000 + last : 500;
  };
  return flat
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => {
      const leaf = key.split('.').pop()!;
      const label = key.includes('.')
        ? `${keyLabel(key.split('.')[0]!)} ${keyLabel(leaf).toLowerCase()}`
        : keyLabel(key);
      return { key, label, value: valueText(leaf, value) };
    });
}
