import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, startFakeUpstream, TEST_TOKEN, type FakeUpstream, type Harness } from './test-support';

/**
 * Request bodies beyond the depth, size and count limits are refused before they are parsed or validated: a 4xx in
 * the envelope (never a 500), nothing sent upstream, and an audit row, on the Sentroy routes and the console's own.
 */
let fake: FakeUpstream;
let h: Harness;
let cookie: string;

beforeAll(async () => {
  fake = await startFakeUpstream();
  fake.handler = (req) =>
    req.path.endsWith('/mailboxes')
      ? Response.json({ data: [{ id: 'm1', email: 'info@acme.test', domainId: 'd1' }] })
      : undefined;
  h = await createHarness({ upstreamUrl: fake.url });
  cookie = await h.login();
});
afterAll(async () => {
  for (const text of [...h.seen, ...h.logs]) expect(text).not.toContain(TEST_TOKEN);
  await h.close();
  await fake.close();
});

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

async function post(path: string, body: string, method = 'POST') {
  return h.request(path, { method, headers: { cookie, 'content-type': 'application/json' }, body });
}
const newAuditRows = async (since: number) => (await h.store.audit.list(500)).filter((row) => row.id > since);
const lastAuditId = async () => (await h.store.audit.list(1))[0]?.id ?? 0;

describe('JSON bodies nested 10,000 deep', () => {
  it.each([
    ['a send, in the field the audit reads', '/api/send', `{"from":"info@acme.test","to":${deepArray(10_000)}}`],
    ['a move', '/api/inbox/1/move', `{"mailbox":"info@acme.test","from":${deepArray(10_000)},"to":"Archive"}`],
    ['a send, as the whole body', '/api/send', deepObject(10_000)],
  ])('%s: 400 in the envelope, audited as refused, nothing sent', async (_, path, body) => {
    const since = await lastAuditId();
    const before = fake.requests.filter((r) => !r.path.endsWith('/mailboxes')).length;
    const res = await post(path, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_)).toEqual({
      data: null,
      error: 'The JSON body is nested too deeply (at most 32 levels)',
    });
    expect(fake.requests.filter((r) => !r.path.endsWith('/mailboxes')).length).toBe(before);
    const rows = await newAuditRows(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toMatch(/^mail\./);
    expect(rows[0]!.detail).toMatchObject({ result: 'refused', status: 400 });
  });

  it.each([
    ['creating a user', '/api/console/users', 'POST'],
    ['changing a user', '/api/console/users/some-id', 'PATCH'],
    ['changing the password', '/api/console/account/password', 'POST'],
    ['signing out everywhere', '/api/console/account/sign-out-everywhere', 'POST'],
    ['signing in', '/auth/login', 'POST'],
  ])('%s: 400 in the envelope and a request.refused audit row', async (_, path, method) => {
    const since = await lastAuditId();
    const res = await post(path, deepObject(10_000), method);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_).error).toBe('The JSON body is nested too deeply (at most 32 levels)');
    const rows = await newAuditRows(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'request.refused',
      target: `${method} ${path}`,
      actor_email: path === '/auth/login' ? null : 'admin@console.test',
      detail: { result: 'refused', status: 400, error: 'The JSON body is nested too deeply (at most 32 levels)' },
    });
  });
});

describe('size and count limits', () => {
  it('refuses an over-long console body with 413, audited', async () => {
    const since = await lastAuditId();
    const res = await post('/api/console/users', JSON.stringify({ email: 'a@b.c', name: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'The request body is too large (at most 64 KB)' });
    expect(await newAuditRows(since)).toMatchObject([{ action: 'request.refused', detail: { status: 413 } }]);
  });

  it('refuses a send over 30 MB with 413 when it is read, audited as a refused send', async () => {
    const since = await lastAuditId();
    const big = JSON.stringify({
      from: 'info@acme.test',
      to: 'bob@example.com',
      subject: 'x',
      domainId: 'd',
      text: 't',
      attachments: [{ filename: 'a.bin', content: 'A'.repeat(31 * 1024 * 1024) }],
    });
    const res = await post('/api/send', big);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text_).error).toBe('The request body is too large (at most 30 MB)');
    expect(await newAuditRows(since)).toMatchObject([{ action: 'mail.send', detail: { result: 'refused' } }]);
  });

  it('refuses too many keys or items with 400', async () => {
    const keys = JSON.stringify(Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, 1])));
    expect(JSON.parse((await post('/auth/login', keys)).text_).error).toBe(
      'A JSON object in the body has too many keys (at most 1000)',
    );
    const items = `{"from":"info@acme.test","to":"b@example.com","recipients":[${'0,'.repeat(10_000)}0]}`;
    expect(JSON.parse((await post('/api/send', items)).text_).error).toBe(
      'A JSON array in the body has too many items (at most 10000)',
    );
  });

  it('still answers malformed JSON with the usual 400', async () => {
    const res = await post('/api/console/users', '{"email":');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Invalid JSON body' });
  });
});
