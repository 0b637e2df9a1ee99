import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../index';
import { createTestEmulator, tempDir } from '../test-helpers';
import { DEMO_MAILBOXES, DEMO_MESSAGE_COUNT } from '../seed/demo-data';
import { DATABASE_FILE, openDatabase } from './database';
import { migrate, migrations, schemaVersion } from './migrations';
import { composeMime, metaFromCompose, metaFromParsed, parseMime, type ComposeInput } from './mime';
import { SqliteMessageStore } from './sqlite-message-store';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates the schema in a new data folder and records the version', () => {
    const d = dir();
    const { db, isNew } = openDatabase(d);
    expect(isNew).toBe(true);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(fs.existsSync(path.join(d, DATABASE_FILE))).toBe(true);
    db.close();
    const again = openDatabase(d);
    expect(again.isNew).toBe(false);
    again.db.close();
  });
  it('upgrades an existing database in place and keeps its data', () => {
    const d = dir();
    const { db } = openDatabase(d);
    db.prepare("INSERT INTO companies (id, slug, name, created_at) VALUES ('c1', 'keep', 'Keep', '2026-01-01')").run();
    const next = [
      ...migrations,
      {
        version: migrations.at(-1)!.version + 1,
        description: 'test: add a column',
        up: (x: BetterSqlite3.Database) => x.exec("ALTER TABLE companies ADD COLUMN plan TEXT DEFAULT 'free'"),
      },
    ];
    expect(migrate(db, next)).toEqual([next.at(-1)!.version]);
    expect(migrate(db, next)).toEqual([]);
    expect(db.prepare("SELECT slug, plan FROM companies WHERE id = 'c1'").get()).toEqual({
      slug: 'keep',
      plan: 'free',
    });
    db.close();
  });
  it('rolls a failing migration back', () => {
    const d = dir();
    const { db } = openDatabase(d);
    const before = schemaVersion(db);
    const broken = [
      ...migrations,
      {
        version: before + 1,
        description: 'broken',
        up: (x: BetterSqlite3.Database) => x.exec('CREATE TABLE t (a); SELECT nope FROM nowhere;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(before);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined();
    db.close();
  });
});

describe('seeding', () => {
  it('seeds 200 messages into an empty folder, and never again', async () => {
    const d = dir();
    // How long seeding takes is a figure for `npm run bench`, not an assertion here.
    const first = await createEmulator({ dataDir: d });
    expect(first.seeded).toBe(true);
    const total = async (e: typeof first) => {
      let n = 0;
      for (const mailbox of Object.values(DEMO_MAILBOXES))
        for (const f of await e.store.listFolders(mailbox)) n += f.totalMessages;
      return n;
    };
    expect(await total(first)).toBe(DEMO_MESSAGE_COUNT);
    await first.store.delete(DEMO_MAILBOXES.info, 'INBOX', 1);
    await first.close();

    const second = await createEmulator({ dataDir: d });
    expect(second.seeded).toBe(false);
    expect(await total(second)).toBe(DEMO_MESSAGE_COUNT - 1);
    await second.close();
  });
  it('does not seed a folder that already holds other files, but the company and token still work', async () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'notes.txt'), 'not empty');
    const emu = await createTestEmulator({ dataDir: d });
    expect(emu.seeded).toBe(false);
    expect((await emu.call('GET', '/mailboxes')).json).toEqual({ data: [] });
    await emu.dispose();
  });
  it('seed "none" gives an empty company with the given slug and token', async () => {
    const token = `stk_${'1'.repeat(48)}`;
    const emu = await createTestEmulator({ seed: 'none', companySlug: 'initech', accessToken: token });
    expect((await emu.call('GET', '/domains', { slug: 'initech', token })).json).toEqual({ data: [] });
    await emu.dispose();
  });
  it('rejects a malformed token and slug with a clear error', async () => {
    await expect(createEmulator({ dataDir: dir(), accessToken: 'stk_abc' })).rejects.toThrow(/48 lower-case hex/);
    await expect(createEmulator({ dataDir: dir(), companySlug: 'Bad Slug' })).rejects.toThrow(/slug/);
  });
  it('has threads, attachments, unread mail, remote images and every special folder', async () => {
    const emu = await createTestEmulator();
    const infoFolders = await emu.store.listFolders(DEMO_MAILBOXES.info);
    for (const path of ['INBOX', 'Sent', 'Drafts', 'Archive', 'Junk', 'Trash']) {
      expect(infoFolders.find((f) => f.path === path)!.totalMessages, path).toBeGreaterThan(0);
    }
    const all = await emu.store.listMessages(DEMO_MAILBOXES.info, '__ALL__', { page: 1, limit: 500 });
    expect(all.some((m) => m.hasAttachments)).toBe(true);
    expect(all.some((m) => !m.seen)).toBe(true);
    expect(all.some((m) => m.inReplyTo !== null)).toBe(true);
    const dates = all.map((m) => Date.parse(m.date));
    expect(Math.max(...dates)).toBeLessThanOrEqual(Date.now());
    expect(Math.min(...dates)).toBeGreaterThan(Date.now() - 62 * 86_400_000);
    const withImages = await Promise.all(
      all.slice(0, 40).map((m) => emu.store.getMessage(DEMO_MAILBOXES.info, 'INBOX', m.uid)),
    );
    expect(withImages.some((d) => d?.htmlBody?.includes('http://images.example/'))).toBe(true);
    await emu.dispose();
  });
});

describe('SqliteMessageStore', () => {
  const input: ComposeInput = {
    from: 'Ada Lovelace <ada@engines.example>',
    to: ['Info <info@acme.example>'],
    subject: 'Re: Engines',
    text: 'Body text',
    html: '<p>Body <b>text</b></p>',
    messageId: '<abc@engines.example>',
    inReplyTo: '<prev@acme.example>',
    references: ['<root@acme.example>', '<prev@acme.example>'],
    date: new Date('2026-02-03T04:05:06.789Z'),
    attachments: [{ filename: 'a.csv', content: Buffer.from('a,b\n1,2\n'), contentType: 'text/csv' }],
  };
  it('derives the same list columns from the composed input as from parsing the MIME', async () => {
    const raw = await composeMime(input);
    const fromCompose = metaFromCompose(input, raw);
    const fromParse = metaFromParsed(await parseMime(raw), raw, new Date());
    expect(fromCompose).toEqual({ ...fromParse, searchText: fromCompose.searchText });
    expect(fromParse.searchText).toContain('body text');
  });
  it('keeps UIDNEXT growing across append, move and delete; UIDVALIDITY stays', async () => {
    const d = dir();
    const { db } = openDatabase(d);
    const store = new SqliteMessageStore(db);
    store.ensureMailboxSync('x@acme.example');
    const raw = await composeMime(input);
    const validity = store.folderState('x@acme.example', 'INBOX')!.uidvalidity;
    const a = await store.append('x@acme.example', 'INBOX', raw);
    const b = await store.append('x@acme.example', 'INBOX', raw);
    expect([a.uid, b.uid]).toEqual([1, 2]);
    await store.delete('x@acme.example', 'INBOX', 2);
    expect((await store.append('x@acme.example', 'INBOX', raw)).uid).toBe(3);
    const moved = await store.move('x@acme.example', 'INBOX', 1, 'Archive');
    expect(moved).toBe(1);
    const back = await store.move('x@acme.example', 'Archive', moved, 'INBOX');
    expect(back).toBe(4);
    expect(store.folderState('x@acme.example', 'INBOX')).toEqual({ uidvalidity: validity, uidnext: 5 });
    await expect(store.move('x@acme.example', 'INBOX', 99, 'Archive')).rejects.toThrow();
    db.close();
  });
});
