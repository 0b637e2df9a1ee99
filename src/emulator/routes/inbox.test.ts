import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  actionResultSchema,
  folderSchema,
  messageDetailSchema,
  messageSummarySchema,
  threadMessageSchema,
  unreadCountSchema,
} from '@contract/index';
import { createTestEmulator, type TestEmulator } from '../test-helpers';
import { DEMO_MAILBOXES, OTHER_MAILBOX } from '../seed/demo-data';
import { composeMime } from '../store/mime';

const list = z.array(messageSummarySchema);
const folders = z.array(folderSchema);
const thread = z.array(threadMessageSchema);
const info = DEMO_MAILBOXES.info;
const support = DEMO_MAILBOXES.support;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await createTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

const folderCounts = async (mailbox: string) =>
  Object.fromEntries(
    (await emu.ok(folders, 'GET', '/inbox/mailboxes', { query: { mailbox } })).map((f) => [f.path, f]),
  );

let counter = 0;
async function appendMail(
  mailbox: string,
  folder: string,
  o: {
    subject: string;
    text?: string;
    from?: string;
    date?: Date;
    messageId?: string;
    inReplyTo?: string;
    seen?: boolean;
  },
) {
  counter++;
  const raw = await composeMime({
    from: o.from ?? 'Tess Tester <tess@tests.example>',
    to: [mailbox],
    subject: o.subject,
    text: o.text ?? 'test body',
    messageId: o.messageId ?? `<t${counter}@tests.example>`,
    inReplyTo: o.inReplyTo,
    date: o.date ?? new Date(),
  });
  return emu.store.append(mailbox, folder, raw, { seen: o.seen ?? false });
}

describe('GET /inbox (contract 5.8)', () => {
  it('pages newest first with defaults page 1 / limit 20, preview always ""', async () => {
    const first = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info } });
    expect(first).toHaveLength(20);
    const dates = first.map((m) => Date.parse(m.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(first.every((m) => m.preview === '')).toBe(true);
    const second = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, page: 2 } });
    expect(Date.parse(second[0]!.date)).toBeLessThanOrEqual(dates.at(-1)!);
    expect(second.map((m) => m.uid)).not.toContain(first[0]!.uid);
    const small = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, page: 3, limit: 5 } });
    const big = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, limit: 15 } });
    expect(small.map((m) => m.uid)).toEqual(big.slice(10, 15).map((m) => m.uid));
  });
  it('honours unread=true and unreadOnly=true', async () => {
    const counts = await folderCounts(info);
    for (const flag of ['unread', 'unreadOnly']) {
      const unread = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, [flag]: 'true', limit: 200 } });
      expect(unread.every((m) => !m.seen)).toBe(true);
      expect(unread).toHaveLength(counts.INBOX!.unreadMessages);
    }
  });
  it('searches subject, sender and body with q', async () => {
    await appendMail(support, 'INBOX', { subject: 'Quarterly numbers', text: 'The zebra-stripes report is ready' });
    const byBody = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'ZEBRA-stripes' } });
    expect(byBody.map((m) => m.subject)).toEqual(['Quarterly numbers']);
    expect(await emu.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'quarterly' } })).toHaveLength(1);
    expect(
      (await emu.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'tess@tests' } })).length,
    ).toBeGreaterThan(0);
    expect(await emu.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'no-such-words-anywhere' } })).toEqual(
      [],
    );
  });
  it('returns [] for a folder that does not exist, and for junk page numbers', async () => {
    expect(await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, folder: 'Nope' } })).toEqual([]);
    expect(await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, page: 'abc' } })).toEqual([]);
  });
  it('merges every folder but Junk and Trash for __ALL__', async () => {
    const counts = await folderCounts(info);
    const all = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, folder: '__ALL__', limit: 1000 } });
    expect(all).toHaveLength(counts.__ALL__!.totalMessages);
    const junk = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, folder: 'Junk', limit: 100 } });
    const allIds = new Set(all.map((m) => m.messageId));
    expect(junk.some((m) => allIds.has(m.messageId))).toBe(false);
  });
  it('scopes mailbox to the company (403) and requires it (400)', async () => {
    await emu.fails(403, 'Insufficient permissions', 'GET', '/inbox', { query: { mailbox: OTHER_MAILBOX } });
    await emu.fails(403, 'Insufficient permissions', 'GET', '/inbox', {
      query: { mailbox: 'someone@elsewhere.example' },
    });
    await emu.fails(400, /mailbox/, 'GET', '/inbox');
  });
});

describe('GET /inbox/mailboxes (contract 5.10)', () => {
  it('puts __ALL__ first with summed counts, then the special folders in order, then user folders', async () => {
    const list = await emu.ok(folders, 'GET', '/inbox/mailboxes', { query: { mailbox: info } });
    expect(list.map((f) => f.path)).toEqual([
      '__ALL__',
      'INBOX',
      'Sent',
      'Drafts',
      'Archive',
      'Junk',
      'Trash',
      'Projects',
    ]);
    expect(list[0]).toMatchObject({ name: 'All', specialUse: '\\All' });
    expect(list.find((f) => f.path === 'Sent')!.specialUse).toBe('\\Sent');
    const counted = list.filter((f) => !['__ALL__', 'Junk', 'Trash'].includes(f.path));
    expect(list[0]!.totalMessages).toBe(counted.reduce((n, f) => n + f.totalMessages, 0));
    expect(list[0]!.unreadMessages).toBe(counted.reduce((n, f) => n + f.unreadMessages, 0));
    await emu.fails(403, 'Insufficient permissions', 'GET', '/inbox/mailboxes', { query: { mailbox: OTHER_MAILBOX } });
  });
});

describe('GET /inbox/{uid} and attachments (contract 5.9)', () => {
  it('returns MessageDetail parsed from MIME without marking it seen', async () => {
    const unread = (await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, unread: 'true' } }))[0]!;
    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${unread.uid}`, { query: { mailbox: info } });
    expect(detail).not.toHaveProperty('folder');
    expect(detail.seen).toBe(false);
    expect(detail.messageId).toBe(unread.messageId);
    expect(detail.subject).toBe(unread.subject);
    expect(Object.keys(detail.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(detail.headers['message-id']).toBe(unread.messageId);
    const again = await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, unread: 'true' } });
    expect(again.map((m) => m.uid)).toContain(unread.uid);
  });
  it('lists attachments by index and streams the same bytes', async () => {
    const withFiles = (await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, limit: 200 } })).filter(
      (m) => m.hasAttachments,
    );
    expect(withFiles.length).toBeGreaterThan(0);
    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${withFiles[0]!.uid}`, {
      query: { mailbox: info },
    });
    expect(detail.attachments[0]!.partId).toBe('0');
    const r = await emu.call('GET', `/inbox/${detail.uid}/attachments/0/download`, { query: { mailbox: info } });
    expect(r.status).toBe(200);
    expect(r.response.headers.get('content-type')).toBe(detail.attachments[0]!.contentType);
    expect(r.response.headers.get('content-disposition')).toMatch(
      new RegExp(`^inline; filename="${detail.attachments[0]!.filename}"`),
    );
    expect((await r.response.arrayBuffer()).byteLength).toBe(detail.attachments[0]!.size);
  });
  it('keeps the upstream 404 for an unknown uid', async () => {
    await emu.fails(404, 'HTTP 404: Message not found', 'GET', '/inbox/999999', { query: { mailbox: info } });
    await emu.fails(404, 'HTTP 404: Message not found', 'GET', '/inbox/999999/attachments/0/download', {
      query: { mailbox: info },
    });
    await emu.fails(503, 'HTTP 503: IMAP service unavailable', 'GET', '/inbox/abc', { query: { mailbox: info } });
    await emu.fails(403, 'Insufficient permissions', 'GET', '/inbox/1', { query: { mailbox: OTHER_MAILBOX } });
  });
});

describe('read / unread (contract 5.12, 5.13)', () => {
  it('marks read and unread; folder counts and unread-count follow', async () => {
    const before = await emu.ok(unreadCountSchema, 'GET', '/inbox/unread-count', { query: { mailbox: info } });
    expect(before.count).toBe((await folderCounts(info)).INBOX!.unreadMessages);
    const target = (await emu.ok(list, 'GET', '/inbox', { query: { mailbox: info, unread: 'true' } }))[0]!;
    expect(
      await emu.ok(actionResultSchema, 'POST', `/inbox/${target.uid}/read`, {
        body: { mailbox: info, folder: 'INBOX' },
      }),
    ).toEqual({
      message: 'Marked as read',
    });
    expect((await emu.ok(unreadCountSchema, 'GET', '/inbox/unread-count', { query: { mailbox: info } })).count).toBe(
      before.count - 1,
    );
    // DELETE reads the body …
    expect(
      await emu.ok(actionResultSchema, 'DELETE', `/inbox/${target.uid}/read`, { body: { mailbox: info } }),
    ).toEqual({
      message: 'Marked as unread',
    });
    expect((await folderCounts(info)).INBOX!.unreadMessages).toBe(before.count);
    // … and, unlike the platform, the query (what the Ref and the SDKs send).
    await emu.ok(actionResultSchema, 'POST', `/inbox/${target.uid}/read`, { body: { mailbox: info } });
    await emu.ok(actionResultSchema, 'DELETE', `/inbox/${target.uid}/read`, {
      query: { mailbox: info, folder: 'INBOX' },
    });
    expect((await emu.ok(unreadCountSchema, 'GET', '/inbox/unread-count', { query: { mailbox: info } })).count).toBe(
      before.count,
    );
  });
  it('reports IMAP errors as 500 and scopes the mailbox', async () => {
    await emu.fails(500, 'HTTP 503: IMAP service unavailable', 'POST', '/inbox/1/read', {
      body: { mailbox: info, folder: 'Nope' },
    });
    await emu.fails(403, 'Insufficient permissions', 'POST', '/inbox/1/read', { body: { mailbox: OTHER_MAILBOX } });
    await emu.fails(403, 'Insufficient permissions', 'DELETE', '/inbox/1/read', { query: { mailbox: OTHER_MAILBOX } });
    await emu.fails(401, 'Unauthorized', 'POST', '/inbox/1/read', { body: { mailbox: info }, token: null });
  });
});

describe('POST /inbox/{uid}/move and DELETE /inbox/{uid} (contract 5.14, 5.15)', () => {
  it('checks the body before auth', async () => {
    await emu.fails(400, 'Invalid JSON body', 'POST', '/inbox/1/move', { rawBody: '{nope', token: null });
    await emu.fails(400, 'Destination folder is required', 'POST', '/inbox/1/move', {
      body: { to: '  ' },
      token: null,
    });
    await emu.fails(401, 'Unauthorized', 'POST', '/inbox/1/move', {
      body: { to: 'Archive', mailbox: info },
      token: null,
    });
  });
  it('moves with a fresh UID from the target (from defaults to INBOX); counts follow', async () => {
    const { uid } = await appendMail(support, 'INBOX', { subject: 'Move me' });
    const archiveBefore = emu.store.folderState(support, 'Archive')!;
    const before = await folderCounts(support);
    expect(
      await emu.ok(actionResultSchema, 'POST', `/inbox/${uid}/move`, { body: { to: 'Archive', mailbox: support } }),
    ).toEqual({
      message: 'Message moved',
    });
    const after = await folderCounts(support);
    expect(after.INBOX!.totalMessages).toBe(before.INBOX!.totalMessages - 1);
    expect(after.INBOX!.unreadMessages).toBe(before.INBOX!.unreadMessages - 1);
    expect(after.Archive!.totalMessages).toBe(before.Archive!.totalMessages + 1);
    expect(after.Archive!.unreadMessages).toBe(before.Archive!.unreadMessages + 1);
    const moved = await emu.ok(messageDetailSchema, 'GET', `/inbox/${archiveBefore.uidnext}`, {
      query: { mailbox: support, folder: 'Archive' },
    });
    expect(moved.subject).toBe('Move me');
    expect(emu.store.folderState(support, 'Archive')!.uidnext).toBe(archiveBefore.uidnext + 1);
    await emu.fails(404, 'HTTP 404: Message not found', 'GET', `/inbox/${uid}`, { query: { mailbox: support } });
    // Moving back gets yet another UID: UIDs never repeat.
    await emu.ok(actionResultSchema, 'POST', `/inbox/${archiveBefore.uidnext}/move`, {
      body: { to: 'INBOX', from: 'Archive', mailbox: support },
    });
    expect(
      (await emu.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'move me' } }))[0]!.uid,
    ).toBeGreaterThan(uid);
  });
  it('answers 500 "HTTP 503: IMAP service unavailable" for an unknown target or uid', async () => {
    await emu.fails(500, 'HTTP 503: IMAP service unavailable', 'POST', '/inbox/1/move', {
      body: { to: 'NoSuchFolder', mailbox: info },
    });
    await emu.fails(500, 'HTTP 503: IMAP service unavailable', 'POST', '/inbox/999999/move', {
      body: { to: 'Archive', mailbox: info },
    });
    await emu.fails(403, 'Insufficient permissions', 'POST', '/inbox/1/move', {
      body: { to: 'Archive', mailbox: OTHER_MAILBOX },
    });
  });
  it('deletes permanently; the UID is not reused; unknown uid is 404', async () => {
    const { uid } = await appendMail(support, 'Trash', { subject: 'Delete me', seen: true });
    const trashBefore = (await folderCounts(support)).Trash!.totalMessages;
    expect(
      await emu.ok(actionResultSchema, 'DELETE', `/inbox/${uid}`, { query: { mailbox: support, folder: 'Trash' } }),
    ).toEqual({
      message: 'Message deleted',
    });
    expect((await folderCounts(support)).Trash!.totalMessages).toBe(trashBefore - 1);
    await emu.fails(404, 'HTTP 404: Message not found', 'DELETE', `/inbox/${uid}`, {
      query: { mailbox: support, folder: 'Trash' },
    });
    const next = await appendMail(support, 'Trash', { subject: 'After delete' });
    expect(next.uid).toBe(uid + 1);
    await emu.fails(403, 'Insufficient permissions', 'DELETE', '/inbox/1', { query: { mailbox: OTHER_MAILBOX } });
  });
});

describe('GET /inbox/thread (contract 5.11)', () => {
  it('checks subject before auth', async () => {
    await emu.fails(400, 'subject query parameter is required', 'GET', '/inbox/thread', {
      token: null,
      query: { mailbox: info },
    });
  });
  it('strips one prefix, matches INBOX + Sent exactly (case-insensitive), dedupes and sorts by date', async () => {
    const t0 = Date.parse('2026-01-01T10:00:00Z');
    await appendMail(support, 'INBOX', {
      subject: 'Server migration plan',
      date: new Date(t0),
      messageId: '<m1@tests.example>',
    });
    await appendMail(support, 'Sent', {
      subject: 'RE: server migration PLAN',
      date: new Date(t0 + 3_600_000),
      messageId: '<m2@tests.example>',
      inReplyTo: '<m1@tests.example>',
    });
    // Same message in INBOX too (sent to oneself): deduped by Message-ID.
    await appendMail(support, 'INBOX', {
      subject: 'RE: server migration PLAN',
      date: new Date(t0 + 3_600_000),
      messageId: '<m2@tests.example>',
    });
    await appendMail(support, 'INBOX', {
      subject: 'Fwd: Server migration plan',
      date: new Date(t0 + 7_200_000),
      messageId: '<m3@tests.example>',
    });
    // Not part of it: two prefixes, a longer subject, another folder.
    await appendMail(support, 'INBOX', {
      subject: 'Re: Re: Server migration plan',
      date: new Date(t0 + 1),
      messageId: '<x1@tests.example>',
    });
    await appendMail(support, 'INBOX', {
      subject: 'Server migration plan v2',
      date: new Date(t0 + 2),
      messageId: '<x2@tests.example>',
    });
    await appendMail(support, 'Archive', {
      subject: 'Server migration plan',
      date: new Date(t0 + 3),
      messageId: '<x3@tests.example>',
    });

    const items = await emu.ok(thread, 'GET', '/inbox/thread', {
      query: { mailbox: support, subject: 'Ynt: Server Migration Plan' },
    });
    expect(items.map((m) => m.messageId)).toEqual(['<m1@tests.example>', '<m2@tests.example>', '<m3@tests.example>']);
    // The copy met first (INBOX is searched before Sent) wins the dedupe.
    expect(items.map((m) => m.folder)).toEqual(['INBOX', 'INBOX', 'INBOX']);
    expect(await emu.ok(thread, 'GET', '/inbox/thread', { query: { mailbox: support, subject: 'Re:' } })).toEqual([]);
  });
  it('finds demo threads across INBOX and Sent', async () => {
    const items = await emu.ok(thread, 'GET', '/inbox/thread', {
      query: { mailbox: support, subject: 'Partnership proposal' },
    });
    expect(new Set(items.map((m) => m.folder))).toEqual(new Set(['INBOX', 'Sent']));
    const dates = items.map((m) => Date.parse(m.date));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    await emu.fails(403, 'Insufficient permissions', 'GET', '/inbox/thread', {
      query: { mailbox: OTHER_MAILBOX, subject: 'x' },
    });
  });
});
