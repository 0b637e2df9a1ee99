import type { Database, Statement } from 'better-sqlite3';
import {
  ALL_FOLDER_PATH,
  SPECIAL_USE,
  type MessageCategory,
  type MessageDetail,
  type MessageSummary,
  type ThreadMessage,
} from '@contract/index';
import { threadKey } from '@mail/thread-subject';
import {
  MailStoreError,
  type AppendOptions,
  type AttachmentContent,
  type FolderInfo,
  type ListMessagesOptions,
  type MessageStore,
} from './message-store';
import { metaFromParsed, parseMime, toMessageDetail, type MessageMeta } from './mime';

/** The special-use folders every mailbox gets, in display order (INBOX first, user folders after). */
export const SPECIAL_FOLDERS: readonly { path: string; specialUse: string }[] = [
  { path: 'INBOX', specialUse: SPECIAL_USE.inbox },
  { path: 'Sent', specialUse: SPECIAL_USE.sent },
  { path: 'Drafts', specialUse: SPECIAL_USE.drafts },
  { path: 'Archive', specialUse: SPECIAL_USE.archive },
  { path: 'Junk', specialUse: SPECIAL_USE.junk },
  { path: 'Trash', specialUse: SPECIAL_USE.trash },
];

/** Folders `__ALL__` leaves out (contract 5.7: Junk, Trash, and Spam/Junk/Trash by path). */
const EXCLUDED_FROM_ALL_USES = new Set<string>([SPECIAL_USE.junk, SPECIAL_USE.trash]);
const EXCLUDED_FROM_ALL_PATHS = new Set(['junk', 'spam', 'trash']);

interface FolderRow {
  id: number;
  mailbox: string;
  path: string;
  special_use: string | null;
  uidvalidity: number;
  uidnext: number;
  /** Kept by triggers on messages (migration 2). */
  total_messages: number;
  unread_messages: number;
}

interface SummaryRow {
  uid: number;
  subject: string;
  from_name: string;
  from_address: string;
  to_json: string;
  date: string;
  seen: number;
  flagged: number;
  size: number;
  has_attachments: number;
  message_id: string | null;
  in_reply_to: string | null;
  category: MessageCategory;
}

interface RawRow {
  uid: number;
  seen: number;
  flagged: number;
  category: MessageCategory;
  raw: Buffer;
  folder_path?: string;
  message_id?: string | null;
  date_ms?: number;
}

const SUMMARY_COLUMNS =
  'uid, subject, from_name, from_address, to_json, date, seen, flagged, size, has_attachments, message_id, in_reply_to, category';

function summaryFromRow(row: SummaryRow): MessageSummary {
  return {
    uid: row.uid,
    subject: row.subject,
    from: { name: row.from_name, address: row.from_address },
    to: JSON.parse(row.to_json) as MessageSummary['to'],
    date: row.date,
    seen: row.seen === 1,
    flagged: row.flagged === 1,
    size: row.size,
    hasAttachments: row.has_attachments === 1,
    // The platform never fills preview (contract 5.8).
    preview: '',
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    category: row.category,
  };
}

function folderRank(f: Pick<FolderRow, 'path' | 'special_use'>): number {
  const i = SPECIAL_FOLDERS.findIndex(
    (s) => s.path === f.path || (f.special_use !== null && s.specialUse === f.special_use),
  );
  return i === -1 ? SPECIAL_FOLDERS.length : i;
}

/** One row ready to insert: the raw source plus its derived columns. */
export interface PreparedMessage {
  raw: Buffer;
  meta: MessageMeta;
  seen: boolean;
  flagged: boolean;
  flags?: string[];
  internalDate?: Date;
}

export class SqliteMessageStore implements MessageStore {
  private readonly insertStmt: Statement;
  private readonly folderStmt: Statement;
  private readonly bumpUidStmt: Statement;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO messages (mailbox, folder_id, uid, seen, flagged, flags, date_ms, date, internal_date, size, message_id,
        in_reply_to, refs, subject, thread_key, from_name, from_address, to_json, has_attachments, category, search_text, raw)
      VALUES (@mailbox, @folderId, @uid, @seen, @flagged, @flags, @dateMs, @date, @internalDate, @size, @messageId,
        @inReplyTo, @refs, @subject, @threadKey, @fromName, @fromAddress, @toJson, @hasAttachments, @category, @searchText, @raw)`);
    this.folderStmt = db.prepare('SELECT * FROM folders WHERE mailbox = ? AND path = ?');
    this.bumpUidStmt = db.prepare('UPDATE folders SET uidnext = uidnext + ? WHERE id = ?');
  }

  private folder(mailbox: string, path: string): FolderRow | undefined {
    // IMAP treats INBOX case-insensitively; every other path is exact.
    const normalized = path.toUpperCase() === 'INBOX' ? 'INBOX' : path;
    return this.folderStmt.get(mailbox.toLowerCase(), normalized) as FolderRow | undefined;
  }

  private requireFolder(mailbox: string, path: string): FolderRow {
    const f = this.folder(mailbox, path);
    if (!f) throw new MailStoreError(`Mailbox doesn't exist: ${path}`);
    return f;
  }

  ensureMailboxSync(mailbox: string): void {
    const insert = this.db.prepare(
      `INSERT INTO folders (mailbox, path, special_use, uidvalidity, uidnext, created_at)
       VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(mailbox, path) DO NOTHING`,
    );
    const base = Math.floor(Date.now() / 1000);
    this.db.transaction(() => {
      SPECIAL_FOLDERS.forEach((f, i) =>
        insert.run(mailbox.toLowerCase(), f.path, f.specialUse, base + i, new Date().toISOString()),
      );
    })();
  }

  /** A user folder (not special-use); used by seeding and tests. */
  createFolderSync(mailbox: string, path: string): void {
    this.db
      .prepare(
        `INSERT INTO folders (mailbox, path, special_use, uidvalidity, uidnext, created_at)
         VALUES (?, ?, NULL, ?, 1, ?) ON CONFLICT(mailbox, path) DO NOTHING`,
      )
      .run(mailbox.toLowerCase(), path, Math.floor(Date.now() / 1000), new Date().toISOString());
  }

  async ensureMailbox(mailbox: string): Promise<void> {
    this.ensureMailboxSync(mailbox);
  }

  folderState(mailbox: string, path: string): { uidvalidity: number; uidnext: number } | undefined {
    const f = this.folder(mailbox, path);
    return f && { uidvalidity: f.uidvalidity, uidnext: f.uidnext };
  }

  async listFolders(mailbox: string): Promise<FolderInfo[]> {
    const folders = this.db
      .prepare('SELECT * FROM folders WHERE mailbox = ?')
      .all(mailbox.toLowerCase()) as FolderRow[];
    return folders
      .sort((a, b) => folderRank(a) - folderRank(b) || a.path.localeCompare(b.path))
      .map((f) => ({
        name: f.path.split('/').at(-1) ?? f.path,
        path: f.path,
        specialUse: f.special_use,
        totalMessages: f.total_messages,
        unreadMessages: f.unread_messages,
      }));
  }

  private foldersForListing(mailbox: string, path: string): FolderRow[] {
    if (path === ALL_FOLDER_PATH) {
      const all = this.db.prepare('SELECT * FROM folders WHERE mailbox = ?').all(mailbox.toLowerCase()) as FolderRow[];
      return all.filter(
        (f) =>
          !(f.special_use !== null && EXCLUDED_FROM_ALL_USES.has(f.special_use)) &&
          !EXCLUDED_FROM_ALL_PATHS.has(f.path.toLowerCase()),
      );
    }
    const f = this.folder(mailbox, path);
    return f ? [f] : [];
  }

  /**
   * One page, newest first, ordered by (date_ms, id) so the order is total. OFFSET costs one index step per skipped
   * row, so a page past the middle is read from the oldest end of the same index (the folder counters say where
   * that end is) and reversed: the last page of a 100,000-message folder costs what the first does. A search has no
   * counter, so it always reads from the newest end.
   */
  async listMessages(mailbox: string, folder: string, options: ListMessagesOptions): Promise<MessageSummary[]> {
    const folders = this.foldersForListing(mailbox, folder);
    if (folders.length === 0 || !(options.limit > 0) || !(options.page > 0)) return [];
    const ids = folders.map((f) => f.id);
    const where = [
      `mailbox = ?`,
      ids.length === 1 ? 'folder_id = ?' : `folder_id IN (${ids.map(() => '?').join(',')})`,
    ];
    const params: unknown[] = [mailbox.toLowerCase(), ...ids];
    if (options.unreadOnly) where.push('seen = 0');
    const q = options.q?.trim().toLowerCase();
    if (q) {
      where.push('instr(search_text, ?) > 0');
      params.push(q);
    }
    const offset = (options.page - 1) * options.limit;
    const select = (order: 'ASC' | 'DESC', limit: number, skip: number) =>
      this.db
        .prepare(
          `SELECT ${SUMMARY_COLUMNS} FROM messages WHERE ${where.join(' AND ')}
           ORDER BY date_ms ${order}, id ${order} LIMIT ? OFFSET ?`,
        )
        .all(...params, limit, skip) as SummaryRow[];
    let rows: SummaryRow[];
    const total = q
      ? undefined
      : folders.reduce((n, f) => n + (options.unreadOnly ? f.unread_messages : f.total_messages), 0);
    if (total === undefined || offset <= total / 2) {
      rows = select('DESC', options.limit, offset);
    } else if (offset >= total) {
      rows = [];
    } else {
      const count = Math.min(options.limit, total - offset);
      rows = select('ASC', count, total - offset - count).reverse();
    }
    return rows.map(summaryFromRow);
  }

  private rawRow(mailbox: string, folder: string, uid: number): RawRow | undefined {
    const f = this.folder(mailbox, folder);
    if (!f) return undefined;
    return this.db
      .prepare('SELECT uid, seen, flagged, category, raw FROM messages WHERE folder_id = ? AND uid = ?')
      .get(f.id, uid) as RawRow | undefined;
  }

  private async detail(row: RawRow): Promise<MessageDetail> {
    const parsed = await parseMime(row.raw);
    return toMessageDetail(parsed, {
      uid: row.uid,
      seen: row.seen === 1,
      flagged: row.flagged === 1,
      category: row.category,
    });
  }

  async getMessage(mailbox: string, folder: string, uid: number): Promise<MessageDetail | null> {
    const row = this.rawRow(mailbox, folder, uid);
    return row ? this.detail(row) : null;
  }

  async getThread(mailbox: string, subject: string): Promise<ThreadMessage[]> {
    const key = threadKey(subject);
    if (!key) return [];
    const inbox = this.folder(mailbox, 'INBOX');
    const sent =
      (this.db
        .prepare('SELECT * FROM folders WHERE mailbox = ? AND special_use = ?')
        .get(mailbox.toLowerCase(), SPECIAL_USE.sent) as FolderRow | undefined) ?? this.folder(mailbox, 'Sent');
    const folders = [inbox, sent].filter((f): f is FolderRow => f !== undefined);
    const rows: RawRow[] = [];
    for (const f of folders) {
      rows.push(
        ...(this.db
          .prepare(
            `SELECT uid, seen, flagged, category, raw, message_id, date_ms, ? AS folder_path
             FROM messages WHERE mailbox = ? AND thread_key = ? AND folder_id = ?`,
          )
          .all(f.path, mailbox.toLowerCase(), key, f.id) as RawRow[]),
      );
    }
    // Dedupe by Message-ID (a message to oneself sits in INBOX and Sent), first folder wins.
    const seenIds = new Set<string>();
    const unique = rows.filter((r) => {
      if (!r.message_id) return true;
      if (seenIds.has(r.message_id)) return false;
      seenIds.add(r.message_id);
      return true;
    });
    unique.sort((a, b) => (a.date_ms ?? 0) - (b.date_ms ?? 0));
    return Promise.all(unique.map(async (r) => ({ ...(await this.detail(r)), folder: r.folder_path ?? '' })));
  }

  async setSeen(mailbox: string, folder: string, uid: number, seen: boolean): Promise<boolean> {
    const f = this.requireFolder(mailbox, folder);
    return (
      this.db.prepare('UPDATE messages SET seen = ? WHERE folder_id = ? AND uid = ?').run(seen ? 1 : 0, f.id, uid)
        .changes > 0
    );
  }

  async setFlagged(mailbox: string, folder: string, uid: number, flagged: boolean): Promise<boolean> {
    const f = this.requireFolder(mailbox, folder);
    return (
      this.db.prepare('UPDATE messages SET flagged = ? WHERE folder_id = ? AND uid = ?').run(flagged ? 1 : 0, f.id, uid)
        .changes > 0
    );
  }

  async move(mailbox: string, from: string, uid: number, to: string): Promise<number> {
    return this.db.transaction(() => {
      const source = this.requireFolder(mailbox, from);
      const target = this.requireFolder(mailbox, to);
      const row = this.db.prepare('SELECT id FROM messages WHERE folder_id = ? AND uid = ?').get(source.id, uid) as
        { id: number } | undefined;
      if (!row) throw new MailStoreError(`UID ${uid} not found in ${from}`);
      if (source.id === target.id) return uid;
      // MOVE = COPY (new UID from the target's UIDNEXT) + EXPUNGE in the source: done as one row update.
      const fresh = (this.db.prepare('SELECT uidnext FROM folders WHERE id = ?').get(target.id) as { uidnext: number })
        .uidnext;
      this.db.prepare('UPDATE messages SET folder_id = ?, uid = ? WHERE id = ?').run(target.id, fresh, row.id);
      this.bumpUidStmt.run(1, target.id);
      return fresh;
    })();
  }

  async delete(mailbox: string, folder: string, uid: number): Promise<boolean> {
    const f = this.folder(mailbox, folder);
    if (!f) return false;
    return this.db.prepare('DELETE FROM messages WHERE folder_id = ? AND uid = ?').run(f.id, uid).changes > 0;
  }

  async append(mailbox: string, folder: string, raw: Buffer, options: AppendOptions = {}): Promise<{ uid: number }> {
    const parsed = await parseMime(raw);
    const internalDate = options.internalDate ?? new Date();
    const meta = metaFromParsed(parsed, raw, internalDate);
    if (options.category) meta.category = options.category;
    const [uid] = this.insertPrepared(mailbox, folder, [
      { raw, meta, seen: options.seen ?? false, flagged: options.flagged ?? false, flags: options.flags, internalDate },
    ]);
    return { uid: uid! };
  }

  async appendToDrafts(mailbox: string, raw: Buffer): Promise<{ folder: string; uid: number }> {
    const special = this.db
      .prepare('SELECT path FROM folders WHERE mailbox = ? AND special_use = ?')
      .get(mailbox.toLowerCase(), SPECIAL_USE.drafts) as { path: string } | undefined;
    let folder = special?.path;
    if (!folder) {
      folder = 'Drafts';
      // Created by name, as imapflow's mailboxCreate('Drafts') does; the server marks it \Drafts (Dovecot's default).
      this.db
        .prepare(
          `INSERT INTO folders (mailbox, path, special_use, uidvalidity, uidnext, created_at)
           VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(mailbox, path) DO NOTHING`,
        )
        .run(
          mailbox.toLowerCase(),
          folder,
          SPECIAL_USE.drafts,
          Math.floor(Date.now() / 1000),
          new Date().toISOString(),
        );
    }
    const { uid } = await this.append(mailbox, folder, raw, { seen: true, flags: ['\\Draft'] });
    return { folder, uid };
  }

  /**
   * Insert already-derived messages in one transaction with one prepared statement (seeding, bulk tests).
   * Returns the UIDs given, in order.
   */
  insertPrepared(mailbox: string, folder: string, messages: PreparedMessage[]): number[] {
    return this.db.transaction(() => {
      const f = this.requireFolder(mailbox, folder);
      const first = (this.db.prepare('SELECT uidnext FROM folders WHERE id = ?').get(f.id) as { uidnext: number })
        .uidnext;
      const mailboxKey = mailbox.toLowerCase();
      messages.forEach((m, i) => {
        // \Seen and \Flagged live in their own columns (indexed, updated by read/unread); `flags` keeps the rest.
        const flags = (m.flags ?? []).filter((f) => f !== '\\Seen' && f !== '\\Flagged');
        this.insertStmt.run({
          mailbox: mailboxKey,
          folderId: f.id,
          uid: first + i,
          seen: m.seen ? 1 : 0,
          flagged: m.flagged ? 1 : 0,
          flags: JSON.stringify(flags),
          dateMs: m.meta.dateMs,
          date: m.meta.date,
          internalDate: (m.internalDate ?? new Date(m.meta.dateMs)).toISOString(),
          size: m.meta.size,
          messageId: m.meta.messageId,
          inReplyTo: m.meta.inReplyTo,
          refs: JSON.stringify(m.meta.references),
          subject: m.meta.subject,
          threadKey: m.meta.threadKey,
          fromName: m.meta.fromName,
          fromAddress: m.meta.fromAddress,
          toJson: JSON.stringify(m.meta.to),
          hasAttachments: m.meta.hasAttachments ? 1 : 0,
          category: m.meta.category,
          searchText: m.meta.searchText,
          raw: m.raw,
        });
      });
      this.bumpUidStmt.run(messages.length, f.id);
      return messages.map((_, i) => first + i);
    })();
  }

  async getAttachment(mailbox: string, folder: string, uid: number, partId: string): Promise<AttachmentContent | null> {
    const row = this.rawRow(mailbox, folder, uid);
    if (!row) return null;
    const parsed = await parseMime(row.raw);
    // The platform's rule: index = parseInt(partId) among mailparser attachments, falling back to the first.
    const attachment = parsed.attachments[Number.parseInt(partId, 10)] ?? parsed.attachments[0];
    if (!attachment) return null;
    return {
      filename: attachment.filename ?? 'unknown',
      contentType: attachment.contentType,
      content: attachment.content,
    };
  }

  async countUnread(mailbox: string, folder: string): Promise<number> {
    return this.folder(mailbox, folder)?.unread_messages ?? 0;
  }
}
