import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, sentroyEndpoints, type SentroyEndpointName } from '@contract/index';
import {
  createHarness,
  startFakeUpstream,
  TEST_SLUG,
  TEST_TOKEN,
  type FakeUpstream,
  type Harness,
} from './test-support';

const MAILBOX = 'info@acme.test';
const DOMAIN_ID = '4f6d1c1e-0000-4000-8000-000000000001';

let fake: FakeUpstream;
let h: Harness;
let cookie: string;
const harnesses: Harness[] = [];

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = await createHarness({ upstreamUrl: fake.url });
  harnesses.push(h);
  cookie = await h.login();
});

afterAll(async () => {
  for (const x of harnesses) {
    for (const text of [...x.seen, ...x.logs]) expect(text).not.toContain(TEST_TOKEN);
    await x.close();
  }
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.handler = undefined;
});

const api = (urlPath: string, init: RequestInit & { json?: unknown } = {}) =>
  h.request(urlPath, { ...init, headers: { cookie, ...(init.headers as Record<string, string> | undefined) } });
const upstreamPath = (p: string) => `/api/mail/companies/${TEST_SLUG}${p}`;
const errorOf = (res: { text_: string }) => (JSON.parse(res.text_) as { error: string }).error;

/** A valid call for every entry of the allowlist: the test fails to compile if the contract gains one. */
const validCalls: Record<SentroyEndpointName, { path: string; json?: unknown; upstream: string }> = {
  listDomains: { path: '/domains', upstream: '/domains' },
  getDomain: { path: `/domains/${DOMAIN_ID}`, upstream: `/domains/${DOMAIN_ID}` },
  listMailboxes: { path: '/mailboxes', upstream: '/mailboxes' },
  listTemplates: { path: `/templates?domainId=${DOMAIN_ID}`, upstream: '/templates' },
  getTemplate: { path: '/templates/tpl-1', upstream: '/templates/tpl-1' },
  send: {
    path: '/send',
    json: { to: 'bob@example.com', from: MAILBOX, subject: 'Hi', domainId: DOMAIN_ID, text: 'Hello' },
    upstream: '/send',
  },
  getSendJob: { path: '/send/42', upstream: '/send/42' },
  listMessages: { path: `/inbox?mailbox=${MAILBOX}&page=2&limit=50`, upstream: '/inbox' },
  listFolders: { path: `/inbox/mailboxes?mailbox=${MAILBOX}`, upstream: '/inbox/mailboxes' },
  getThread: { path: `/inbox/thread?mailbox=${MAILBOX}&subject=Re%3A%20Hi`, upstream: '/inbox/thread' },
  getUnreadCount: { path: `/inbox/unread-count?mailbox=${MAILBOX}`, upstream: '/inbox/unread-count' },
  saveDraft: { path: '/inbox/drafts', json: { mailbox: MAILBOX, subject: 'Draft' }, upstream: '/inbox/drafts' },
  getMessage: { path: `/inbox/7?mailbox=${MAILBOX}&folder=INBOX`, upstream: '/inbox/7' },
  downloadAttachment: {
    path: `/inbox/7/attachments/2/download?mailbox=${MAILBOX}`,
    upstream: '/inbox/7/attachments/2/download',
  },
  markRead: { path: '/inbox/7/read', json: { mailbox: MAILBOX, folder: 'INBOX' }, upstream: '/inbox/7/read' },
  markUnread: { path: `/inbox/7/read?mailbox=${MAILBOX}&folder=INBOX`, upstream: '/inbox/7/read' },
  moveMessage: {
    path: '/inbox/7/move',
    json: { mailbox: MAILBOX, to: 'Archive', from: 'INBOX' },
    upstream: '/inbox/7/move',
  },
  deleteMessage: { path: `/inbox/7?mailbox=${MAILBOX}`, upstream: '/inbox/7' },
};

describe('the allowlist', () => {
  it.each(Object.keys(sentroyEndpoints) as SentroyEndpointName[])('%s is reachable with a session', async (name) => {
    const endpoint = sentroyEndpoints[name];
    const call = validCalls[name];
    const res = await api(`/api${call.path}`, { method: endpoint.method, json: call.json });
    expect(res.status, res.text_).toBe(endpoint.successStatus);
    expect(fake.requests).toHaveLength(1);
    const got = fake.requests[0]!;
    expect(got.method).toBe(endpoint.method);
    expect(got.path).toBe(upstreamPath(call.upstream));
    expect(got.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    if (endpoint.response !== 'binary') {
      expect(JSON.parse(res.text_)).toEqual({ data: { echo: `${endpoint.method} ${upstreamPath(call.upstream)}` } });
    }
  });

  it('refuses every endpoint without a session, before calling Sentroy', async () => {
    for (const [name, endpoint] of Object.entries(sentroyEndpoints)) {
      const call = validCalls[name as SentroyEndpointName];
      const res = await h.request(`/api${call.path}`, { method: endpoint.method, json: call.json });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Not signed in' });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['GET', '/api/contacts'],
    ['GET', '/api/inbox/events'.replace('events', '7/flag')],
    ['POST', '/api/domains'],
    ['DELETE', '/api/send/42'],
    ['PUT', '/api/inbox/folders'],
    ['GET', '/api'],
  ])('%s %s is not on the allowlist → 404', async (method, urlPath) => {
    const res = await api(urlPath, { method, json: method === 'GET' ? undefined : {} });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Not found' });
    expect(fake.requests).toHaveLength(0);
  });

  it('rebuilds the upstream call from validated values only', async () => {
    await api(`/api/inbox?mailbox=${MAILBOX}&evil=1&page=3`);
    expect([...fake.requests[0]!.query.keys()].sort()).toEqual(['mailbox', 'page']);
    await api('/api/inbox/7/move', { method: 'POST', json: { mailbox: MAILBOX, to: 'Archive', admin: true } });
    expect(JSON.parse(fake.requests[1]!.body)).toEqual({ mailbox: MAILBOX, to: 'Archive' });
    await api('/api/domains?page=9');
    expect(fake.requests[2]!.query.toString()).toBe('');
  });
});

describe('rejected parameters', () => {
  it.each(['abc', '0', '-1', '1.5', '99999999999'])('uid %s → 400', async (uid) => {
    const res = await api(`/api/inbox/${uid}?mailbox=${MAILBOX}`);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toBe('uid must be a positive integer');
  });

  it.each(['a..b', 'a%2Fb', '%2E%2E%2Fx', 'a%5Cb'])('id %s → 400', async (id) => {
    const res = await api(`/api/templates/${id}`);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(/^id /);
  });

  it('mailbox must be an email address, and is required', async () => {
    const bad = await api('/api/inbox?mailbox=INBOX');
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toBe('mailbox must be an email address');
    expect(errorOf(await api('/api/inbox'))).toBe('mailbox is required');
    expect(errorOf(await api('/api/inbox/7/read', { method: 'POST', json: { mailbox: 'x' } }))).toBe(
      'mailbox must be an email address',
    );
  });

  it('partId and limit are checked', async () => {
    expect(errorOf(await api(`/api/inbox/7/attachments/x/download?mailbox=${MAILBOX}`))).toMatch(/^partId must/);
    expect(errorOf(await api(`/api/inbox?mailbox=${MAILBOX}&limit=500`))).toBe(
      'limit must be an integer from 1 to 200',
    );
  });

  it.each([
    [
      { from: MAILBOX, subject: 'x', domainId: 'd', text: 't' },
      'Either to (one address) or recipients (a batch) must be provided',
    ],
    [{ to: ['a@b.co', 'c@d.co'], from: MAILBOX, subject: 'x', domainId: 'd', text: 't' }, /^to/],
    [
      { to: 'bob@example.com', from: 'nope', subject: 'x', domainId: 'd', text: 't' },
      'from must be a valid email address',
    ],
    [{ to: 'bob@example.com', from: MAILBOX, subject: '', domainId: 'd', text: 't' }, 'subject is required'],
    [
      { to: 'bob@example.com', from: MAILBOX, subject: 'x', domainId: 'd' },
      'Either templateId, html, or text must be provided',
    ],
  ])('bad send body → 400 (%#)', async (body, message) => {
    const res = await api('/api/send', { method: 'POST', json: body });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('a body that is not JSON → 400', async () => {
    const res = await api('/api/send', {
      method: 'POST',
      body: 'to=bob',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)).toBe('Invalid JSON body');
  });
});

describe('platform quirks', () => {
  it('unread filter: sends both unread=true and unreadOnly=true, or neither', async () => {
    await api(`/api/inbox?mailbox=${MAILBOX}&unread=true`);
    await api(`/api/inbox?mailbox=${MAILBOX}&unreadOnly=1`);
    await api(`/api/inbox?mailbox=${MAILBOX}&unread=false`);
    for (const req of fake.requests.slice(0, 2)) {
      expect(req.query.get('unread')).toBe('true');
      expect(req.query.get('unreadOnly')).toBe('true');
      expect(req.query.get('mailbox')).toBe(MAILBOX);
    }
    expect(fake.requests[2]!.query.has('unread')).toBe(false);
    expect(fake.requests[2]!.query.has('unreadOnly')).toBe(false);
  });

  it('DELETE /inbox/:uid/read sends mailbox and folder in the body and the query', async () => {
    const res = await api(`/api/inbox/7/read?mailbox=${MAILBOX}&folder=Work`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const got = fake.requests[0]!;
    expect(got.query.get('mailbox')).toBe(MAILBOX);
    expect(got.query.get('folder')).toBe('Work');
    expect(JSON.parse(got.body)).toEqual({ mailbox: MAILBOX, folder: 'Work' });
  });

  it('always sends mailbox (lower-cased) on inbox calls', async () => {
    await api('/api/inbox/7?mailbox=Info@ACME.test');
    expect(fake.requests[0]!.query.get('mailbox')).toBe(MAILBOX);
  });

  it('maps upstream 500 "HTTP 404: …" to 404 with the bare message', async () => {
    fake.handler = () => Response.json({ data: null, error: 'HTTP 404: Template not found' }, { status: 500 });
    const res = await api('/api/templates/tpl-x');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Template not found' });
  });

  it('keeps other upstream errors as they are', async () => {
    fake.handler = () => Response.json({ data: null, error: 'Missing template variables: name' }, { status: 422 });
    const res = await api('/api/send', { method: 'POST', json: validCalls.send.json });
    expect(res.status).toBe(422);
    expect(errorOf(res)).toBe('Missing template variables: name');
  });

  it('a rejected access token is a 502 about configuration, not a 401 that would sign the user out', async () => {
    fake.handler = () =>
      Response.json(
        {
          data: null,
          error: `Access token not recognized (prefix ${TEST_TOKEN.slice(0, 12)}). It may be revoked or expired.`,
        },
        { status: 401 },
      );
    const res = await api('/api/domains');
    expect(res.status).toBe(502);
    expect(errorOf(res)).toMatch(/SENTROY_ACCESS_TOKEN/);
    expect(res.text_).not.toContain(TEST_TOKEN.slice(0, 12));
  });

  it('refuses attachments over 20 MB of decoded bytes with 413', async () => {
    const justOver = 'A'.repeat(Math.ceil(((MAX_ATTACHMENT_BYTES + 3) * 4) / 3 / 4) * 4);
    const body = { ...(validCalls.send.json as object), attachments: [{ filename: 'big.bin', content: justOver }] };
    const res = await api('/api/send', { method: 'POST', json: body });
    expect(res.status).toBe(413);
    expect(errorOf(res)).toMatch(/^Attachments are too large: .* at most 20 MB allowed$/);
    expect(fake.requests).toHaveLength(0);

    const fits = { ...(validCalls.send.json as object), attachments: [{ filename: 'ok.txt', content: 'aGVsbG8=' }] };
    const sent = await api('/api/send', { method: 'POST', json: fits });
    expect(sent.status, sent.text_).toBe(201);
    expect(JSON.parse(fake.requests[0]!.body).attachments).toEqual([{ filename: 'ok.txt', content: 'aGVsbG8=' }]);
  });

  it('streams attachments with a safe disposition and nosniff', async () => {
    const pdf = await api(validCalls.downloadAttachment.path.replace(/^/, '/api'));
    expect(pdf.status).toBe(200);
    expect(pdf.text_).toBe('%PDF-1.4 fake');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');

    const forced = await api(`/api${validCalls.downloadAttachment.path}&download=1`);
    expect(forced.headers.get('content-disposition')).toMatch(/^attachment;/);

    fake.handler = () =>
      new Response('<script>alert(1)</script>', {
        headers: { 'content-type': 'text/html', 'content-disposition': 'inline; filename="../../evil.html"' },
      });
    const html = await api(`/api${validCalls.downloadAttachment.path}`);
    expect(html.headers.get('content-disposition')).toBe(
      `attachment; filename="evil.html"; filename*=UTF-8''evil.html`,
    );
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
  });
});

describe('upstream failures', () => {
  it('timeout → 504 (and no retry)', async () => {
    const slow = await createHarness({ upstreamUrl: fake.url, env: { UPSTREAM_TIMEOUT_MS: '150' } });
    harnesses.push(slow);
    const slowCookie = await slow.login();
    fake.handler = () => new Promise((resolve) => setTimeout(() => resolve(Response.json({ data: [] })), 600));
    const res = await slow.request('/api/domains', { headers: { cookie: slowCookie } });
    expect(res.status).toBe(504);
    expect(errorOf(res)).toBe('Sentroy did not answer in time');
    expect(fake.requests).toHaveLength(1);
  });

  it('connection refused → 502', async () => {
    const refused = await createHarness({ upstreamUrl: 'http://127.0.0.1:9' });
    harnesses.push(refused);
    const res = await refused.request('/api/domains', { headers: { cookie: await refused.login() } });
    expect(res.status).toBe(502);
    expect(errorOf(res)).toBe('Cannot reach Sentroy');
  });

  it('non-JSON body → 502', async () => {
    fake.handler = () =>
      new Response('<html>Bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const res = await api('/api/mailboxes');
    expect(res.status).toBe(502);
    expect(errorOf(res)).toBe('Sentroy returned an unexpected response');
  });

  it('429 keeps its Retry-After when longer than the console waits', async () => {
    fake.handler = () =>
      Response.json(
        { data: null, error: 'Too many requests. Please try again later.' },
        { status: 429, headers: { 'retry-after': '42' } },
      );
    const res = await api('/api/domains');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('42');
    expect(errorOf(res)).toBe('Too many requests. Please try again later.');
    expect(fake.requests).toHaveLength(1);
  });

  it('429 without Retry-After (as the platform sends it, wrapped in a 500) gets one', async () => {
    fake.handler = () =>
      Response.json({ data: null, error: 'HTTP 429: Too many requests. Please try again later.' }, { status: 500 });
    const res = await api('/api/send', { method: 'POST', json: validCalls.send.json });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('a GET is retried on 503 and then succeeds', async () => {
    fake.handler = (_req, attempt) =>
      attempt < 3
        ? Response.json({ data: null, error: 'HTTP 503: IMAP service unavailable' }, { status: 500 })
        : undefined;
    const res = await api(`/api/inbox?mailbox=${MAILBOX}`);
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
  });

  it('a GET gives up after 3 attempts', async () => {
    fake.handler = () => Response.json({ data: null, error: 'down' }, { status: 503 });
    const res = await api('/api/domains');
    expect(res.status).toBe(503);
    expect(fake.requests).toHaveLength(3);
  });

  it('a POST is never retried', async () => {
    fake.handler = () => Response.json({ data: null, error: 'down' }, { status: 503 });
    const res = await api('/api/send', { method: 'POST', json: validCalls.send.json });
    expect(res.status).toBe(503);
    expect(fake.requests).toHaveLength(1);
  });
});
