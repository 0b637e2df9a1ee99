import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendLogPageSchema, templatePreviewSchema, type Template } from '@contract/index';
import { createHarness, startFakeUpstream, TEST_SLUG, type FakeUpstream, type Harness } from './test-support';

const DOMAIN_ID = '4f6d1c1e-0000-4000-8000-000000000001';
const TEMPLATE_ID = '1d7e8f90-a1b2-4c3d-9e4f-5a6b7c8d9e01';
const sendBody = {
  from: 'info@acme.test',
  to: 'support@acme.test',
  subject: 'Quarterly report',
  domainId: DOMAIN_ID,
  html: '<p>Hi</p>',
  attachments: [{ filename: 'report.txt', content: 'aGVsbG8=', contentType: 'text/plain' }],
};
const template: Template = {
  id: TEMPLATE_ID,
  name: { en: 'Welcome', tr: 'Hoş geldiniz' },
  subject: { en: 'Welcome, {name}!', tr: 'Hoş geldin, {name}!' },
  mjmlBody: { en: '<p>Hi {name} from {company}</p>', tr: '<p>Merhaba {name}, {company}</p>' },
  htmlBody: null,
  variables: ['name', 'company'],
  domainId: DOMAIN_ID,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let fake: FakeUpstream;
let h: Harness;
let cookie: string;

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = await createHarness({ upstreamUrl: fake.url });
  cookie = await h.login();
});
afterAll(async () => {
  await h.close();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.handler = undefined;
});

const api = (urlPath: string, init: RequestInit & { json?: unknown } = {}) =>
  h.request(urlPath, { ...init, headers: { cookie, ...(init.headers as Record<string, string> | undefined) } });
const send = (key: string | undefined, json: unknown = sendBody) =>
  api('/api/send', { method: 'POST', json, headers: key ? { 'Idempotency-Key': key } : {} });
const sendsUpstream = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/send'));
let jobCounter = 0;
/** Upstream answers like the platform: a fresh job per call, after a short delay so duplicates overlap. */
const platformSend = (delayMs = 0) => {
  fake.handler = (req) => {
    if (!req.path.endsWith('/send')) return undefined;
    return new Promise<Response>((resolve) =>
      setTimeout(() => {
        jobCounter += 1;
        const data = { jobId: String(jobCounter), mailLogId: `log-${jobCounter}`, status: 'queued', scheduledAt: null };
        resolve(Response.json({ data }, { status: 201 }));
      }, delayMs),
    );
  };
};
const sendLog = async () => sendLogPageSchema.parse(JSON.parse((await api('/api/console/send-log')).text_).data);

describe('POST /api/send idempotency', () => {
  it('the same key twice sends once and answers the same', async () => {
    platformSend();
    const first = await send('draft-same-key-1');
    const second = await send('draft-same-key-1');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text_).toBe(first.text_);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(sendsUpstream()).toHaveLength(1);
  });

  it('different keys send twice', async () => {
    platformSend();
    const a = await send('draft-different-a');
    const b = await send('draft-different-b');
    expect(a.text_).not.toBe(b.text_);
    expect(sendsUpstream()).toHaveLength(2);
  });

  it('concurrent duplicates send once and all get the first answer', async () => {
    platformSend(50);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send('draft-concurrent-1')));
    expect(sendsUpstream()).toHaveLength(1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.text_)).size).toBe(1);
  });

  it('a send the platform refused (4xx) releases the key: the fixed draft can be sent again', async () => {
    fake.handler = () =>
      Response.json({ data: null, error: 'HTTP 400: Domain not found or not active' }, { status: 500 });
    const refused = await send('draft-refused-1');
    expect(refused.status).toBe(400);
    platformSend();
    const retried = await send('draft-refused-1');
    expect(retried.status).toBe(201);
    expect(sendsUpstream()).toHaveLength(2);
  });

  it('keeps the key of an answer that leaves doubt (5xx) and replays it', async () => {
    fake.handler = () => Response.json({ data: null, error: 'HTTP 503: queue unavailable' }, { status: 500 });
    const first = await send('draft-doubt-1');
    platformSend();
    const second = await send('draft-doubt-1');
    expect(first.status).toBe(503);
    expect(second.status).toBe(503);
    expect(sendsUpstream()).toHaveLength(1);
  });

  it('keys belong to one user: the same key from a signed-out client is refused, not replayed', async () => {
    platformSend();
    await send('draft-user-scope');
    const anonymous = await h.request('/api/send', {
      method: 'POST',
      json: sendBody,
      headers: { 'Idempotency-Key': 'draft-user-scope' },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('validation', () => {
  it('refuses a malformed Idempotency-Key', async () => {
    const res = await send('bad key!');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_).error).toMatch(/Idempotency-Key/);
    expect(sendsUpstream()).toHaveLength(0);
  });

  it.each([
    [{ ...sendBody, to: ['a@b.test', 'c@d.test'] }, /to/],
    [{ ...sendBody, from: 'not-an-address' }, /from/],
    [{ ...sendBody, headers: { Subject: 'x' } }, /reserved/],
    [{ ...sendBody, scheduledAt: 'tomorrow' }, /ISO 8601/],
  ])('refuses a bad send body before anything is logged or sent (%#)', async (body, message) => {
    const before = (await sendLog()).total;
    const res = await send('draft-invalid-body', body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_).error).toMatch(message);
    expect(sendsUpstream()).toHaveLength(0);
    expect((await sendLog()).total).toBe(before);
  });

  it.each([
    [{ variables: { name: { nested: true } } }, /variables/],
    [{ lang: '', variables: {} }, /lang|too small|>=1/i],
    ['not json', /Invalid JSON body/],
  ])('refuses a bad preview body (%#)', async (json, message) => {
    const res =
      typeof json === 'string'
        ? await api(`/api/console/templates/${TEMPLATE_ID}/preview`, {
            method: 'POST',
            body: json,
            headers: { 'content-type': 'application/json' },
          })
        : await api(`/api/console/templates/${TEMPLATE_ID}/preview`, { method: 'POST', json });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text_).error).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a template id that is not one path segment', async () => {
    const res = await api('/api/console/templates/..%2Fx/preview', { method: 'POST', json: {} });
    expect(res.status).toBe(400);
  });

  it('bounds the send log page', async () => {
    expect((await api('/api/console/send-log?limit=500')).status).toBe(400);
    expect((await api('/api/console/send-log?page=0')).status).toBe(400);
  });
});

describe('POST /api/console/templates/:id/preview', () => {
  beforeEach(() => {
    fake.handler = (req) =>
      req.path.endsWith(`/templates/${TEMPLATE_ID}`) ? Response.json({ data: template }) : undefined;
  });

  it('fetches the template through the upstream client and renders the requested language', async () => {
    const res = await api(`/api/console/templates/${TEMPLATE_ID}/preview`, {
      method: 'POST',
      json: { lang: 'tr', variables: { name: 'Ada', company: 'Acme' } },
    });
    expect(res.status).toBe(200);
    const preview = templatePreviewSchema.parse(JSON.parse(res.text_).data);
    expect(preview).toMatchObject({ subject: 'Hoş geldin, Ada!', lang: 'tr', warnings: [] });
    expect(preview.html).toContain('<p>Merhaba Ada, Acme</p>');
    expect(preview.text).toBe('Merhaba Ada, Acme');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/mail/companies/${TEST_SLUG}/templates/${TEMPLATE_ID}`,
    ]);
  });

  it('warns about empty and unused variables and a language that fell back', async () => {
    const res = await api(`/api/console/templates/${TEMPLATE_ID}/preview`, {
      method: 'POST',
      json: { lang: 'de', variables: { name: '', extra: 'x', company: 'Acme' } },
    });
    const preview = templatePreviewSchema.parse(JSON.parse(res.text_).data);
    expect(preview.lang).toBe('en');
    expect(preview.subject).toBe('Welcome, {name}!');
    expect(preview.warnings.map((w) => `${w.code}:${w.variable ?? ''}`)).toEqual([
      'language-fallback:',
      'empty-variable:name',
      'unused-variable:extra',
    ]);
  });

  it('passes the platform error on (unwrapped)', async () => {
    fake.handler = () => Response.json({ data: null, error: 'HTTP 404: Template not found' }, { status: 500 });
    const res = await api(`/api/console/templates/${TEMPLATE_ID}/preview`, { method: 'POST', json: {} });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Template not found' });
  });
});

describe('send log', () => {
  it('records a successful send with who, what, attachments and the job', async () => {
    platformSend();
    const res = await send('draft-log-success', { ...sendBody, subject: 'Logged success' });
    const result = JSON.parse(res.text_).data as { jobId: string; mailLogId: string };
    const row = (await sendLog()).items.find((i) => i.subject === 'Logged success');
    expect(row).toMatchObject({
      user: { email: 'admin@console.test' },
      from: 'info@acme.test',
      to: ['support@acme.test'],
      attachments: [{ filename: 'report.txt', contentType: 'text/plain', size: 5 }],
      jobId: result.jobId,
      mailLogId: result.mailLogId,
      status: 'queued',
      error: null,
    });
  });

  it('records a failed send with the error, and a batch with every recipient', async () => {
    fake.handler = () =>
      Response.json({ data: null, error: 'HTTP 400: Domain not found or not active' }, { status: 500 });
    await send(undefined, { ...sendBody, subject: 'Logged failure', templateId: TEMPLATE_ID, lang: 'tr' });
    const failed = (await sendLog()).items.find((i) => i.subject === 'Logged failure');
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'Domain not found or not active',
      jobId: null,
      templateId: TEMPLATE_ID,
      lang: 'tr',
    });

    fake.handler = () =>
      Response.json(
        {
          data: {
            totalQueued: 2,
            totalSuppressed: 0,
            jobs: [
              { jobId: '71', mailLogId: 'l71', to: 'a@x.test' },
              { jobId: '72', mailLogId: 'l72', to: 'b@x.test' },
            ],
          },
        },
        { status: 201 },
      );
    const { to: _to, ...rest } = sendBody;
    await send(undefined, { ...rest, subject: 'Logged batch', recipients: [{ to: 'a@x.test' }, { to: 'b@x.test' }] });
    const batch = (await sendLog()).items.find((i) => i.subject === 'Logged batch');
    expect(batch).toMatchObject({ to: ['a@x.test', 'b@x.test'], jobId: '71,72', status: 'queued' });
  });

  it('records a send the console refused itself (attachment cap) without calling Sentroy', async () => {
    const big = 'A'.repeat(28 * 1024 * 1024);
    const res = await send(undefined, {
      ...sendBody,
      subject: 'Too big',
      attachments: [{ filename: 'big.bin', content: big }],
    });
    expect(res.status).toBe(413);
    expect(sendsUpstream()).toHaveLength(0);
    const row = (await sendLog()).items.find((i) => i.subject === 'Too big');
    expect(row?.status).toBe('failed');
    expect(row?.error).toMatch(/Attachments are too large/);
  });

  it('pages newest first', async () => {
    const first = await sendLog();
    const res = await api(`/api/console/send-log?page=1&limit=2`);
    const page = sendLogPageSchema.parse(JSON.parse(res.text_).data);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(first.total);
    expect(page.items[0]!.createdAt >= page.items[1]!.createdAt).toBe(true);
  });
});
