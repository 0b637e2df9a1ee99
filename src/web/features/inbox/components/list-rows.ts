import type { MessageSummary } from '@contract/index';
import { buildThreads, type ThreadableMessage } from '@mail/threading';
import { displayAddress } from '@web/lib/visible-text';

/** One row of the message list: a message, or a conversation shown by its newest message. */
export interface ListRow {
  key: string;
  /** What the row shows and opens: the message, or the conversation's newest message. */
  message: MessageSummary;
  /** What selecting or dragging the row takes: the message, or every message of the conversation in this list. */
  messages: MessageSummary[];
  /** Messages in the conversation, counting those in other folders that link it (your replies in Sent). */
  size: number;
  /** Senders, oldest first, each once ("me" for the mailbox itself); empty for a single message. */
  participants: string[];
  unread: boolean;
  hasAttachments: boolean;
}

export function messageRow(message: MessageSummary): ListRow {
  return {
    // UIDs are per folder: in the virtual All folder two rows may share one, so the Message-ID joins the key.
    key: `m${message.uid}|${message.messageId ?? ''}`,
    message,
    messages: [message],
    size: 1,
    participants: [],
    unread: !message.seen,
    hasAttachments: message.hasAttachments,
  };
}

const senderName = (m: MessageSummary, self: string) => {
  if (m.from.address.toLowerCase() === self.toLowerCase()) return 'me';
  if (!m.from.name?.trim() && !m.from.address) return '(unknown)';
  // A name that looks like another address is shown with the real one (lib/visible-text.ts displayAddress).
  const shown = displayAddress(m.from.name, m.from.address);
  return shown.showAddress ? `${shown.label} <${m.from.address}>` : shown.label;
};

/**
 * Groups the loaded messages of a folder into conversations with the webmail's threading (Message-ID, In-Reply-To,
 * then the subject only for headerless replies): newest conversation first, each shown by its newest message here.
 * List items carry In-Reply-To but no References, so a customer's reply to your answer only links to their first
 * mail through your answer: `linking` (the newest messages of INBOX and Sent) supplies those links and counts in the
 * conversation's size and participants, but is never shown or acted on as part of this folder.
 */
export function conversationRows(
  messages: readonly MessageSummary[],
  self: string,
  linking: readonly MessageSummary[] = [],
): ListRow[] {
  const here = new Set(messages.map((m) => m.messageId).filter((id) => id !== null));
  const item = (summary: MessageSummary, key: string, shown: boolean) => ({
    key,
    messageId: summary.messageId,
    inReplyTo: summary.inReplyTo,
    subject: summary.subject,
    date: summary.date,
    summary,
    shown,
  });
  const items = [
    ...messages.map((m, i) => item(m, `c${i}`, true)),
    ...linking.filter((m) => !m.messageId || !here.has(m.messageId)).map((m, i) => item(m, `l${i}`, false)),
  ] satisfies Array<ThreadableMessage & { summary: MessageSummary }>;
  const rows: ListRow[] = [];
  for (const thread of buildThreads(items)) {
    const shown = thread.messages.filter((t) => t.shown).map((t) => t.summary);
    const newest = shown.at(-1);
    if (!newest) continue;
    const all = thread.messages.map((t) => t.summary);
    rows.push({
      key: `t${newest.uid}|${newest.messageId ?? ''}`,
      message: newest,
      messages: shown,
      size: all.length,
      participants: all.length > 1 ? [...new Set(all.map((m) => senderName(m, self)))] : [],
      unread: shown.some((m) => !m.seen),
      hasAttachments: shown.some((m) => m.hasAttachments),
    });
  }
  // Newest first by what this folder holds (a reply you sent must not lift an old conversation to the top here).
  const time = (row: ListRow) => Date.parse(row.message.date) || 0;
  return rows.sort((a, b) => time(b) - time(a));
}
