import type { SqliteMessageStore, PreparedMessage } from '../store/sqlite-message-store';
import { buildSearchText } from '../store/mime';
import { threadKey } from '@mail/thread-subject';

export interface BulkSeedOptions {
  mailbox: string;
  folder: string;
  count: number;
  /** Newest message's date; older ones go back one minute each. Default: now. */
  newest?: Date;
  /** Share of unread messages (0..1), every n-th message. Default 0.25. */
  unreadShare?: number;
}

/**
 * Insert `count` synthetic messages fast: minimal raw MIME built by hand (no composer, no parser), one transaction,
 * one prepared statement. For load tests such as "page through a 100,000-message folder".
 */
export function seedBulkMessages(store: SqliteMessageStore, o: BulkSeedOptions): { firstUid: number; lastUid: number } {
  store.ensureMailboxSync(o.mailbox);
  const newest = (o.newest ?? new Date()).getTime();
  const unreadEvery = o.unreadShare === 0 ? 0 : Math.max(1, Math.round(1 / (o.unreadShare ?? 0.25)));
  const batchSize = 10_000;
  let firstUid = 0;
  let lastUid = 0;
  for (let start = 0; start < o.count; start += batchSize) {
    const batch: PreparedMessage[] = [];
    for (let i = start; i < Math.min(o.count, start + batchSize); i++) {
      // Oldest first, so UIDs grow with date like real delivery.
      const n = o.count - 1 - i;
      const date = new Date(Math.floor((newest - n * 60_000) / 1000) * 1000);
      const subject = `Bulk message ${i + 1}`;
      const from = `sender${i % 50}@bulk.example`;
      const messageId = `<bulk-${i + 1}-${date.getTime()}@bulk.example>`;
      const text = `Synthetic message number ${i + 1}.`;
      const raw = Buffer.from(
        `From: Sender ${i % 50} <${from}>\r\nTo: ${o.mailbox}\r\nSubject: ${subject}\r\nDate: ${date.toUTCString()}\r\n` +
          `Message-ID: ${messageId}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`,
      );
      batch.push({
        raw,
        seen: unreadEvery === 0 || i % unreadEvery !== 0,
        flagged: false,
        meta: {
          date: date.toISOString(),
          dateMs: date.getTime(),
          size: raw.length,
          messageId,
          inReplyTo: null,
          references: [],
          subject,
          threadKey: threadKey(subject),
          fromName: `Sender ${i % 50}`,
          fromAddress: from,
          to: [{ name: '', address: o.mailbox }],
          hasAttachments: false,
          category: 'primary',
          searchText: buildSearchText([subject, `Sender ${i % 50}`, from, text]),
        },
      });
    }
    const uids = store.insertPrepared(o.mailbox, o.folder, batch);
    if (firstUid === 0) firstUid = uids[0] ?? 0;
    lastUid = uids.at(-1) ?? lastUid;
  }
  return { firstUid, lastUid };
}
