import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { folderSchema, messageDetailSchema, messageSummarySchema, saveDraftResultSchema } from '@contract/index';
import { createTestEmulator, type TestEmulator } from '../test-helpers';
import { DEMO_MAILBOXES, OTHER_MAILBOX } from '../seed/demo-data';
import { composeDraftMime } from '../store/mime';

const list = z.array(messageSummarySchema);
const folders = z.array(folderSchema);
const info = DEMO_MAILBOXES.info;
const support = DEMO_MAILBOXES.support;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await createTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

const drafts = (mailbox: string) => emu.ok(list, 'GET', '/inbox', { query: { mailbox, folder: 'Drafts', limit: 200 } });

describe('POST /inbox/drafts (contract-ops 7.2)', () => {
  it('appends an RFC 822 draft with \\Draft \\Seen to Drafts and answers 201 with the constant body, no UID', async () => {
    const before = await drafts(support);
    const answer = await emu.ok(saveDraftResultSchema, 'POST', '/inbox/drafts', {
      status: 201,
      body: {
        mailbox: support,
        to: ['ada@example.com', 'bob@example.com'],
        cc: 'carol@example.com',
        subject: 'Quarterly numbers',
        text: 'Hello **Ada**',
        html: '<p>Hello <strong>Ada</strong></p>',
        inReplyTo: '<orig-1@example.com>',
        references: ['<orig-0@example.com>', '<orig-1@example.com>'],
        headers: { 'Message-ID': '<draft-1.a@acme.example>', 'X-Console-Draft': 'state' },
        attachments: [{ filename: 'numbers.csv', content: Buffer.from('id,amount\n1,42\n').toString('base64') }],
      },
    });
    expect(answer).toEqual({ message: 'Draft saved', folder: 'Drafts' });

    const after = await drafts(support);
    expect(after).toHaveLength(before.length + 1);
    const summary = after.find((m) => m.messageId === '<draft-1.a@acme.example>')!;
    expect(summary).toMatchObject({ subject: 'Quarterly numbers', seen: true, hasAttachments: true });
    expect(summary.from.address).toBe(support);

    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${summary.uid}`, {
      query: { mailbox: support, folder: 'Drafts' },
    });
    expect(detail.to.map((a) => a.address)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(detail.cc.map((a) => a.address)).toEqual(['carol@example.com']);
    expect(detail.textBody?.trim()).toBe('Hello **Ada**');
    expect(detail.htmlBody).toContain('<strong>Ada</strong>');
    expect(detail.inReplyTo).toBe('<orig-1@example.com>');
    expect(detail.references).toEqual(['<orig-0@example.com>', '<orig-1@example.com>']);
    expect(detail.headers['x-console-draft']).toBe('state');
    expect(detail.attachments.map((a) => [a.filename, a.size])).toEqual([['numbers.csv', 15]]);
    // \Draft is not in any answer shape: read the stored flags.
    const { db } = emu.store as unknown as { db: Database };
    const row = db
      .prepare("SELECT flags FROM messages WHERE mailbox = ? AND message_id = '<draft-1.a@acme.example>'")
      .get(support) as { flags: string };
    expect(JSON.parse(row.flags)).toEqual(['\\Draft']);
  });

  it('takes `from` as the account when `mailbox` is missing, with "(no subject)" by default', async () => {
    await emu.ok(saveDraftResultSchema, 'POST', '/inbox/drafts', {
      status: 201,
      body: { from: ` ${info} `, headers: { 'Message-ID': '<draft-2.a@acme.example>' } },
    });
    const saved = (await drafts(info)).find((m) => m.messageId === '<draft-2.a@acme.example>');
    expect(saved?.subject).toBe('(no subject)');
  });

  it('adds a copy on every save: the platform has no update', async () => {
    const body = { mailbox: info, subject: 'Same draft', headers: { 'Message-ID': '<draft-3.a@acme.example>' } };
    await emu.ok(saveDraftResultSchema, 'POST', '/inbox/drafts', { status: 201, body });
    await emu.ok(saveDraftResultSchema, 'POST', '/inbox/drafts', { status: 201, body });
    expect((await drafts(info)).filter((m) => m.messageId === '<draft-3.a@acme.example>')).toHaveLength(2);
  });

  it('checks the body before auth (400), then the token (401), then the company mailbox (403)', async () => {
    await emu.fails(400, 'Invalid JSON body', 'POST', '/inbox/drafts', { rawBody: '{', token: null });
    await emu.fails(400, 'mailbox or from is required', 'POST', '/inbox/drafts', { body: {}, token: null });
    await emu.fails(400, 'mailbox or from is required', 'POST', '/inbox/drafts', { body: { mailbox: '  ' } });
    await emu.fails(401, 'Unauthorized', 'POST', '/inbox/drafts', { body: { mailbox: info }, token: null });
    await emu.fails(403, 'Insufficient permissions', 'POST', '/inbox/drafts', { body: { mailbox: OTHER_MAILBOX } });
    await emu.fails(403, 'Insufficient permissions', 'POST', '/inbox/drafts', { body: { from: OTHER_MAILBOX } });
  });
});

describe('appendToDrafts in the store', () => {
  it('creates a Drafts folder (\\Drafts) when the mailbox has none, and uses the special-use folder otherwise', async () => {
    const raw = await composeDraftMime({ mailbox: 'fresh@acme.example', subject: 'First draft' }, new Date());
    expect(await emu.store.appendToDrafts('fresh@acme.example', raw)).toEqual({ folder: 'Drafts', uid: 1 });
    const created = await emu.store.listFolders('fresh@acme.example');
    expect(created.map((f) => [f.path, f.specialUse, f.totalMessages, f.unreadMessages])).toEqual([
      ['Drafts', '\\Drafts', 1, 0],
    ]);
    const counts = await emu.ok(folders, 'GET', '/inbox/mailboxes', { query: { mailbox: support } });
    expect(counts.find((f) => f.specialUse === '\\Drafts')?.unreadMessages).toBe(0);
  });
});
