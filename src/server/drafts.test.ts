import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@contract/index';
import { SMALL_BODY_LIMIT_BYTES } from './middleware/body-limit';
import { createHarness, startFakeUpstream, TEST_SLUG, type FakeUpstream, type Harness } from './test-support';

/** POST /api/inbox/drafts through the BFF: validation, the mailbox rule, the body limit and the attachment cap. */

const GRANTED = 'support@acme.example';
const OTHER = 'info@acme.example';
const MEMBER = { email: 'drafter@console.test', password: 'member password 12' };

let fake: FakeUpstream;
let h: Harness;
let admin: string;
let member: string;

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = await createHarness({ upstreamUrl: fake.url });
  admin = await h.login();
  const created = await h.request('/api/console/users', {
    method: 'POST',
    headers: { cookie: admin },
    json: { ...MEMBER, role: 'member', mailboxes: [GRANTED] },
  });
  expect(created.status, created.text_).toBe(201);
  const res = await h.request('/auth/login', { method: 'POST', json: MEMBER });
  member = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.handler = (req) =>
    req.path.endsWith('/mailboxes') && !req.path.includes('/inbox/')
      ? Response.json({ data: [GRANTED, OTHER].map((email) => ({ email, domain: 'acme.example', username: 'x' })) })
      : Response.json({ data: { message: 'Draft saved', folder: 'Drafts' } }, { status: 201 });
});

/** What reached the platform's draft route (the company's mailbox list may be read on the way). */
const draftCalls = () => fake.requests.filter((r) => r.path.endsWith('/inbox/drafts'));

const save = (cookie: string, json: unknown) =>
  h.request('/api/inbox/drafts', { method: 'POST', headers: { cookie }, json });
const errorOf = (res: { text_: string }) => (JSON.parse(res.text_) as { error: string }).error;

describe('POST /api/inbox/drafts', () => {
  it('forwards a valid draft (Message-ID header allowed) and answers 201 with the platform body', async () => {
    const body = {
      mailbox: GRANTED,
      from: GRANTED,
      to: ['ada@example.com', 'half-typed@'],
      subject: 'Numbers',
      text: 'Hi',
      headers: { 'Message-ID': '<draft-1.a@acme.example>', 'X-Console-Draft': 'e30' },
    };
    const res = await save(member, body);
    expect(res.status, res.text_).toBe(201);
    expect(JSON.parse(res.text_)).toEqual({ data: { message: 'Draft saved', folder: 'Drafts' } });
    expect(draftCalls()).toHaveLength(1);
    expect(draftCalls()[0]!.path).toBe(`/api/mail/companies/${TEST_SLUG}/inbox/drafts`);
    expect(JSON.parse(draftCalls()[0]!.body)).toEqual(body);
  });

  it('audits each save (mail.save-draft) with the draft Message-ID', async () => {
    const res = await save(member, {
      mailbox: GRANTED,
      subject: 'Audited draft',
      headers: { 'Message-ID': '<draft-audit.a@acme.example>' },
    });
    expect(res.status, res.text_).toBe(201);
    const rows = await h.store.auditRead.all({}, 1000);
    expect(rows.find((r) => r.action === 'mail.save-draft' && r.target === 'Audited draft')).toMatchObject({
      actorEmail: MEMBER.email,
      mailbox: GRANTED,
      detail: { folder: 'Drafts', messageId: '<draft-audit.a@acme.example>', result: 'ok' },
    });
  });

  it('refuses a mailbox the member may not send from (403) before any upstream call, and audits the refusal', async () => {
    const res = await save(member, { mailbox: OTHER, subject: 'Refused draft' });
    expect(res.status).toBe(403);
    expect(draftCalls()).toHaveLength(0);
    const rows = await h.store.auditRead.all({}, 1000);
    expect(rows.find((r) => r.action === 'mail.save-draft' && r.mailbox === OTHER)?.detail).toMatchObject({
      result: 'refused',
      status: 403,
    });
  });

  it('requires mailbox, and a from equal to it', async () => {
    expect(errorOf(await save(admin, { from: GRANTED }))).toMatch(/mailbox/);
    // (A member naming an ungranted `from` is refused earlier, 403, by the route's mailbox rules.)
    const mismatch = await save(admin, { mailbox: GRANTED, from: OTHER });
    expect(mismatch.status).toBe(400);
    expect(errorOf(mismatch)).toBe("from must be the draft's mailbox");
    expect(draftCalls()).toHaveLength(0);
  });

  it('refuses reserved headers other than Message-ID, and a malformed Message-ID', async () => {
    expect((await save(admin, { mailbox: GRANTED, headers: { Subject: 'x' } })).status).toBe(400);
    expect((await save(admin, { mailbox: GRANTED, headers: { 'Message-ID': 'no-brackets' } })).status).toBe(400);
    expect((await save(admin, { mailbox: GRANTED, headers: { 'X-A': 'line\r\nBcc: x@y' } })).status).toBe(400);
    expect(draftCalls()).toHaveLength(0);
  });

  it('takes bodies with attachments beyond the small-body limit, up to the 20 MB cap (413 beyond)', async () => {
    const oneMb = Buffer.alloc(1024 * 1024, 7).toString('base64');
    expect(oneMb.length).toBeGreaterThan(SMALL_BODY_LIMIT_BYTES);
    const ok = await save(admin, { mailbox: GRANTED, attachments: [{ filename: 'a.bin', content: oneMb }] });
    expect(ok.status, ok.text_).toBe(201);

    const justOver = 'A'.repeat(Math.ceil(((MAX_ATTACHMENT_BYTES + 3) * 4) / 3 / 4) * 4);
    const big = await save(admin, { mailbox: GRANTED, attachments: [{ filename: 'big.bin', content: justOver }] });
    expect(big.status).toBe(413);
    expect(errorOf(big)).toMatch(/^Attachments are too large/);
    expect(draftCalls()).toHaveLength(1);
  });
});
