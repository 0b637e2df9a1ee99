import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageDetail } from '@contract/index';
import { createHarness, startFakeUpstream, type FakeUpstream, type Harness } from './test-support';

const GRANTED = 'support@acme.test';
const UNGRANTED = 'info@acme.test';
const FOREIGN = 'ceo@other-company.test';
const MEMBER = { email: 'reader-member@console.test', password: 'member password 12' };

const message = (html: string | null, text: string | null = null): MessageDetail => ({
  uid: 7,
  subject: 'Hello',
  from: { name: 'Mallory', address: 'mallory@remote.test' },
  to: [],
  cc: [],
  replyTo: null,
  date: '2026-12-03T10:00:00.000Z',
  seen: false,
  flagged: false,
  textBody: text,
  htmlBody: html,
  attachments: [{ partId: '2', filename: 'logo.png', size: 10, contentType: 'image/png', contentId: '<logo@acme>' }],
  headers: {},
  messageId: null,
  inReplyTo: null,
  references: [],
  category: 'primary',
});

const HTML =
  '<html><body style="background:#f6f6f6;padding:0"><script>alert(1)</script><img src="http://remote.test/pixel.gif">' +
  '<img src="cid:logo@acme"><p style="background:image-set(\'http://remote.test/x).png\' 1x)">hi</p></body></html>';

let fake: FakeUpstream;
let h: Harness;
let admin: string;
let member: string;
let answer: MessageDetail;

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = await createHarness({ upstreamUrl: fake.url, companyMailboxes: [GRANTED, UNGRANTED] });
  admin = await h.login();
  const created = await h.request('/api/console/users', {
    method: 'POST',
    headers: { cookie: admin },
    json: { ...MEMBER, role: 'member', mailboxes: [GRANTED] },
  });
  expect(created.status, created.text_).toBe(201);
  const signIn = await h.request('/auth/login', { method: 'POST', json: MEMBER });
  member = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  answer = message(HTML);
  fake.handler = (req) => (/\/inbox\/\d+$/.test(req.path) ? Response.json({ data: answer }) : undefined);
});

const body = (cookie: string, query: string) =>
  h.request(`/api/console/inbox/message-body?${query}`, { headers: { cookie } });

// The first request starts the sanitiser's worker, which loads jsdom: slow while other work loads the machine.
describe('GET /api/console/inbox/message-body', { timeout: 180_000 }, () => {
  it('serves the sanitised message as its own document under a strict CSP', async () => {
    const res = await body(admin, `mailbox=${GRANTED}&folder=INBOX&uid=7`);
    expect(res.status, res.text_).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; " +
        "frame-ancestors 'self'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox",
    );
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.text_).not.toMatch(/<script|remote\.test/);
    expect(res.text_).toContain('<meta name="sentroy-blocked-remote" content="2">');
    expect(res.text_).toContain('<body style="background:#f6f6f6;padding:0">');
    expect(res.text_).toContain(
      `src="/api/inbox/7/attachments/2/download?mailbox=${encodeURIComponent(GRANTED)}&amp;folder=INBOX"`,
    );
    const upstream = fake.requests.find((r) => r.path.endsWith('/inbox/7'));
    expect(upstream?.query.get('mailbox')).toBe(GRANTED);
    expect(upstream?.query.get('folder')).toBe('INBOX');
  });

  it('images=1 is consent: remote images stay and the CSP allows them', async () => {
    const res = await body(admin, `mailbox=${GRANTED}&folder=INBOX&uid=7&images=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self' data: http: https:;");
    expect(res.text_).toContain('src="http://remote.test/pixel.gif"');
    expect(res.text_).toContain('http://remote.test/x).png');
    expect(res.text_).toContain('<meta name="sentroy-blocked-remote" content="0">');
  });

  it('a text-only message is escaped text', async () => {
    answer = message(null, '<img src=x onerror=alert(1)>');
    const res = await body(admin, `mailbox=${GRANTED}&uid=7`);
    expect(res.text_).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses bad input in the envelope', async () => {
    for (const query of [`mailbox=${GRANTED}&uid=0`, `mailbox=${GRANTED}&uid=7&images=yes`, 'uid=7']) {
      const res = await body(admin, query);
      expect(res.status, query).toBe(400);
      expect(JSON.parse(res.text_)).toHaveProperty('error');
    }
    expect(fake.requests.filter((r) => r.path.includes('/inbox/'))).toEqual([]);
  });

  it('refuses an ungranted mailbox to a member and a foreign mailbox to everyone, before any upstream call', async () => {
    expect((await body(member, `mailbox=${GRANTED}&uid=7`)).status).toBe(200);
    fake.requests.length = 0;
    expect((await body(member, `mailbox=${UNGRANTED}&uid=7`)).status).toBe(403);
    expect((await body(admin, `mailbox=${FOREIGN}&uid=7`)).status).toBe(403);
    expect((await body(member, `mailbox=${FOREIGN}&uid=7`)).status).toBe(403);
    expect(fake.requests.filter((r) => r.path.includes('/inbox/'))).toEqual([]);
  });

  it('needs a session', async () => {
    const res = await h.request(`/api/console/inbox/message-body?mailbox=${GRANTED}&uid=7`);
    expect(res.status).toBe(401);
  });

  it('passes an upstream error on in the envelope', async () => {
    fake.handler = () => Response.json({ data: null, error: 'Message not found' }, { status: 404 });
    const res = await body(admin, `mailbox=${GRANTED}&uid=7`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text_)).toMatchObject({ error: 'Message not found' });
  });

  it("the console's own pages allow no remote image and frames only from the console", async () => {
    const csp = (await h.request('/healthz')).headers.get('content-security-policy')!;
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("frame-src 'self';");
    expect(csp).not.toMatch(/https?:/);
  });
  it('shows a message too deep for the sanitiser as its text, with a note, and keeps serving', async () => {
    answer = message(`${'<div>'.repeat(5_000)}deep<img src="http://remote.test/x.png">`, 'The text part.');
    const res = await body(admin, `mailbox=${GRANTED}&folder=INBOX&uid=7`);
    expect(res.status, res.text_).toBe(200);
    expect(res.text_).toContain('too large or too complex to show safely');
    expect(res.text_).toContain('The text part.');
    expect(res.text_).not.toMatch(/<div|remote\.test/);
    answer = message(HTML);
    const next = await body(admin, `mailbox=${GRANTED}&folder=INBOX&uid=7`);
    expect(next.text_).toContain('<body style="background:#f6f6f6;padding:0">');
  });
});
