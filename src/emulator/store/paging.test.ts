import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageSummarySchema } from '@contract/index';
import { tempDir } from '../test-helpers';
import { seedBulkMessages } from '../seed/bulk';
import { openDatabase } from './database';
import { migrate, migrations } from './migrations';
import { composeMime } from './mime';
import { SqliteMessageStore } from './sqlite-message-store';

const dirs: string[] = [];
const open = () => {
  const d = tempDir();
  dirs.push(d);
  const { db } = openDatabase(d);
  return { db, store: new SqliteMessageStore(db) };
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const MB = 'pages@acme.example';
const plan = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' ');

/** Every page of a listing, in order, as UIDs. */
async function allPages(store: SqliteMessageStore, folder: string, limit: number, unreadOnly = false) {
  const uids: number[] = [];
  for (let page = 1; ; page++) {
    const rows = await store.listMessages(MB, folder, { page, limit, unreadOnly });
    if (rows.length === 0) return uids;
    uids.push(...rows.map((r) => r.uid));
  }
}

describe('paging', () => {
  it('gives the same rows from either end of the index, ties on date included', async () => {
    const { db, store } = open();
    store.ensureMailboxSync(MB);
    const raw = (n: number) =>
      composeMime({
        from: MB,
        to: ['bob@example.com'],
        subject: `Tie ${n}`,
        text: 'x',
        // Four messages share each second: the order must still be total (newest id first among equals).
        messageId: `<tie-${n}@acme.example>`,
        date: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(n / 4))),
      });
    for (let n = 0; n < 23; n++) await store.append(MB, 'INBOX', await raw(n), { seen: n % 3 !== 0 });
    const expected = (
      db.prepare('SELECT uid FROM messages WHERE mailbox = ? ORDER BY date_ms DESC, id DESC').all(MB) as {
        uid: number;
      }[]
    ).map((r) => r.uid);
    for (const limit of [1, 4, 5, 7, 23, 50]) expect(await allPages(store, 'INBOX', limit)).toEqual(expected);
    const unread = (
      db.prepare('SELECT uid FROM messages WHERE mailbox = ? AND seen = 0 ORDER BY date_ms DESC, id DESC').all(MB) as {
        uid: number;
      }[]
    ).map((r) => r.uid);
    for (const limit of [1, 3, 5]) expect(await allPages(store, 'INBOX', limit, true)).toEqual(unread);
    expect(await allPages(store, '__ALL__', 6)).toEqual(expected);
    expect(await store.listMessages(MB, 'INBOX', { page: 99, limit: 5 })).toEqual([]);
    db.close();
  });

  it('keeps the folder counters right through append, read/unread, move and delete', async () => {
    const { db, store } = open();
    store.ensureMailboxSync(MB);
    const raw = await composeMime({
      from: MB,
      to: ['bob@example.com'],
      subject: 'Count',
      text: 'x',
      messageId: '<count@acme.example>',
      date: new Date(),
    });
    for (let i = 0; i < 5; i++) await store.append(MB, 'INBOX', raw);
    await store.setSeen(MB, 'INBOX', 1, true);
    await store.setSeen(MB, 'INBOX', 1, true); // no change twice
    await store.move(MB, 'INBOX', 2, 'Archive');
    await store.delete(MB, 'INBOX', 3);
    await store.setFlagged(MB, 'INBOX', 4, true);
    const counted = db
      .prepare(
        `SELECT f.path, f.total_messages AS total, f.unread_messages AS unread,
           (SELECT COUNT(*) FROM messages m WHERE m.folder_id = f.id) AS realTotal,
           (SELECT COUNT(*) FROM messages m WHERE m.folder_id = f.id AND m.seen = 0) AS realUnread
         FROM folders f WHERE f.mailbox = ?`,
      )
      .all(MB) as { path: string; total: number; unread: number; realTotal: number; realUnread: number }[];
    for (const c of counted) expect([c.path, c.total, c.unread]).toEqual([c.path, c.realTotal, c.realUnread]);
    const folders = await store.listFolders(MB);
    expect(folders.find((f) => f.path === 'INBOX')).toMatchObject({ totalMessages: 3, unreadMessages: 2 });
    expect(folders.find((f) => f.path === 'Archive')).toMatchObject({ totalMessages: 1, unreadMessages: 1 });
    expect(await store.countUnread(MB, 'INBOX')).toBe(2);
    db.close();
  });

  it('migration 2 fills the counters of a data folder written by migration 1', async () => {
    const d = tempDir();
    dirs.push(d);
    const db = new BetterSqlite3(`${d}/old.sqlite`);
    migrate(db, migrations.slice(0, 1));
    db.prepare(
      "INSERT INTO folders (mailbox, path, uidvalidity, uidnext, created_at) VALUES (?, 'INBOX', 1, 3, '2026-01-01')",
    ).run(MB);
    const insert = db.prepare(
      `INSERT INTO messages (mailbox, folder_id, uid, seen, date_ms, date, internal_date, size, subject, thread_key,
         from_name, from_address, to_json, raw) VALUES (?, 1, ?, ?, 0, '', '', 1, '', '', '', '', '[]', x'00')`,
    );
    insert.run(MB, 1, 0);
    insert.run(MB, 2, 1);
    expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));
    const store = new SqliteMessageStore(db);
    expect((await store.listFolders(MB))[0]).toMatchObject({ totalMessages: 2, unreadMessages: 1 });
    db.close();
  });

  it('serves the first, last and unread pages of a large folder from an index, never a sort', async () => {
    const { db, store } = open();
    const { firstUid, lastUid } = seedBulkMessages(store, {
      mailbox: 'bulk@acme.example',
      folder: 'INBOX',
      count: 20_000,
    });
    expect([firstUid, lastUid]).toEqual([1, 20_000]);
    const first = await store.listMessages('bulk@acme.example', 'INBOX', { page: 1, limit: 50 });
    const last = await store.listMessages('bulk@acme.example', 'INBOX', { page: 400, limit: 50 });
    const unread = await store.listMessages('bulk@acme.example', 'INBOX', { page: 100, limit: 50, unreadOnly: true });
    z.array(messageSummarySchema).parse(first);
    expect([first[0]!.uid, first.at(-1)!.uid]).toEqual([20_000, 19_951]);
    expect([last[0]!.uid, last.at(-1)!.uid]).toEqual([50, 1]);
    expect(unread).toHaveLength(50);
    expect(unread.every((m) => !m.seen)).toBe(true);
    expect((await store.listFolders('bulk@acme.example'))[0]).toMatchObject({
      path: 'INBOX',
      totalMessages: 20_000,
      unreadMessages: 5_000,
    });
    // What a deep page costs is in `npm run bench`; here only that each listing walks an index in order.
    const where = 'FROM messages WHERE mailbox = ? AND folder_id = ?';
    for (const [sql, index] of [
      [`SELECT uid ${where} ORDER BY date_ms DESC, id DESC LIMIT 50`, 'messages_folder_order'],
      [`SELECT uid ${where} ORDER BY date_ms ASC, id ASC LIMIT 50`, 'messages_folder_order'],
      [`SELECT uid ${where} AND seen = 0 ORDER BY date_ms ASC, id ASC LIMIT 50`, 'messages_folder_unread_order'],
    ] as const) {
      const detail = plan(db, sql, 'bulk@acme.example', 1);
      expect(detail).toContain(`USING INDEX ${index}`);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});
