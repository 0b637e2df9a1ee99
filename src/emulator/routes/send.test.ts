import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  batchSendResultSchema,
  messageDetailSchema,
  messageSummarySchema,
  sendJobSchema,
  sendResultSchema,
  type SendRequest,
} from '@contract/index';
import { createTestEmulator, type TestEmulator } from '../test-helpers';
import { DEMO_DOMAINS, DEMO_MAILBOXES, DEMO_TEMPLATE_IDS, OTHER_DOMAIN_ID } from '../seed/demo-data';

const list = z.array(messageSummarySchema);
const { info, support, news } = DEMO_MAILBOXES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await createTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

const base = (over: Omit<Partial<SendRequest>, 'to'> & Record<string, unknown> = {}) => ({
  to: support,
  from: info,
  subject: 'Hello',
  domainId: DEMO_DOMAINS.active.id,
  text: 'Plain body',
  ...over,
});

async function findBySubject(mailbox: string, folder: string, subject: string) {
  const items = await emu.ok(list, 'GET', '/inbox', { query: { mailbox, folder, q: subject, limit: 50 } });
  return items.filter((m) => m.subject === subject);
}

describe("POST /send validation, in the platform's order (contract 5.6)", () => {
  it('400 "Invalid JSON body" before auth, then 401', async () => {
    await emu.fails(400, 'Invalid JSON body', 'POST', '/send', { rawBody: '{"to":', token: null });
    await emu.fails(401, 'Unauthorized', 'POST', '/send', { body: base(), token: null });
  });
  it('422 for missing template variables, before the upstream rules', async () => {
    await emu.fails(422, 'Missing template variables: company, name, dashboardUrl', 'POST', '/send', {
      body: base({ templateId: DEMO_TEMPLATE_IDS.welcome, to: ['a@b.example'] }),
    });
    await emu.fails(422, 'Missing template variables: dashboardUrl', 'POST', '/send', {
      body: base({
        templateId: DEMO_TEMPLATE_IDS.welcome,
        variables: { company: 'Acme', name: 'Ada', dashboardUrl: '' },
      }),
    });
    // Batch: every recipient's variables (over the shared ones) must be complete.
    await emu.fails(422, 'Missing template variables: name', 'POST', '/send', {
      body: base({
        to: undefined,
        templateId: DEMO_TEMPLATE_IDS.welcome,
        variables: { company: 'Acme', dashboardUrl: 'https://x.example' },
        recipients: [{ to: support, variables: { name: 'Sam' } }, { to: news }],
      }),
    });
  });
  it('500 "HTTP 400: Validation error" for an array in to, and other schema failures', async () => {
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', { body: base({ to: [support, news] }) });
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', { body: base({ subject: '' }) });
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', { body: base({ from: 'not-an-email' }) });
    // A batch holds 1..500 recipients, and `to` and `recipients` exclude each other.
    const recipients = (n: number) => Array.from({ length: n }, (_, i) => ({ to: `r${i}@elsewhere.example` }));
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', {
      body: base({ to: undefined, recipients: recipients(501) }),
    });
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', {
      body: base({ to: undefined, recipients: [] }),
    });
    await emu.fails(500, 'HTTP 400: Validation error', 'POST', '/send', { body: base({ recipients: recipients(1) }) });
  });
  it('500 "HTTP 400: Either templateId, html, or text must be provided"', async () => {
    await emu.fails(500, 'HTTP 400: Either templateId, html, or text must be provided', 'POST', '/send', {
      body: base({ text: undefined }),
    });
  });
  it('500 "HTTP 400: Domain not found or not active" for a failing or foreign domain', async () => {
    await emu.fails(500, 'HTTP 400: Domain not found or not active', 'POST', '/send', {
      body: base({ from: news, domainId: DEMO_DOMAINS.failing.id }),
    });
    await emu.fails(500, 'HTTP 400: Domain not found or not active', 'POST', '/send', {
      body: base({ domainId: OTHER_DOMAIN_ID }),
    });
  });
  it('500 "HTTP 400: Sender email must belong to domain …"', async () => {
    await emu.fails(500, 'HTTP 400: Sender email must belong to domain acme.example', 'POST', '/send', {
      body: base({ from: 'me@elsewhere.example' }),
    });
  });
  it('500 "HTTP 404: Template not found"', async () => {
    await emu.fails(500, 'HTTP 404: Template not found', 'POST', '/send', {
      body: base({ templateId: '00000000-0000-4000-8000-000000000000' }),
    });
  });
});

describe('POST /send delivery', () => {
  it("201 → a real MIME message in the sender's Sent (seen) and the recipients' INBOX (unseen), attachments intact", async () => {
    const pdf = Buffer.from('%PDF-1.4\n% test bytes \u00e9\n%%EOF\n', 'latin1');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 254, 255]);
    const subject = 'Delivery check with attachments';
    const result = await emu.ok(sendResultSchema, 'POST', '/send', {
      status: 201,
      body: base({
        subject,
        html: '<p>Hello <b>team</b></p>',
        text: 'Hello team',
        cc: news,
        replyTo: 'replies@acme.example',
        headers: { 'X-Campaign': 'spring' },
        inReplyTo: '<parent@acme.example>',
        references: ['<root@acme.example>', '<parent@acme.example>'],
        attachments: [
          { filename: 'report.pdf', content: pdf.toString('base64'), contentType: 'application/pdf' },
          { filename: 'pixel.png', content: png.toString('base64'), contentType: 'image/png' },
        ],
      }),
    });
    expect(result).toMatchObject({ status: 'queued', scheduledAt: null });
    expect(result.jobId).toMatch(/^\d+$/);
    expect(result.mailLogId).toMatch(UUID);

    const [sent] = await findBySubject(info, 'Sent', subject);
    expect(sent).toMatchObject({ seen: true, hasAttachments: true });
    const [received] = await findBySubject(support, 'INBOX', subject);
    expect(received).toMatchObject({ seen: false, hasAttachments: true, inReplyTo: '<parent@acme.example>' });
    expect(received!.messageId).toMatch(/@acme\.example>$/);
    expect(received!.messageId).toBe(sent!.messageId);
    expect(await findBySubject(news, 'INBOX', subject)).toHaveLength(1);

    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${received!.uid}`, { query: { mailbox: support } });
    expect(detail.cc.map((a) => a.address)).toEqual([news]);
    expect(detail.replyTo?.address).toBe('replies@acme.example');
    expect(detail.headers['x-campaign']).toBe('spring');
    // mailparser turns List-* headers into objects; like the platform, the header map keeps strings only.
    expect(detail.headers).not.toHaveProperty('list-unsubscribe');
    expect(detail.references).toEqual(['<root@acme.example>', '<parent@acme.example>']);
    expect(detail.htmlBody).toContain('<b>team</b>');
    expect(detail.attachments.map((a) => [a.partId, a.filename, a.contentType])).toEqual([
      ['0', 'report.pdf', 'application/pdf'],
      ['1', 'pixel.png', 'image/png'],
    ]);
    for (const [partId, bytes] of [
      ['0', pdf],
      ['1', png],
    ] as const) {
      const r = await emu.call('GET', `/inbox/${received!.uid}/attachments/${partId}/download`, {
        query: { mailbox: support },
      });
      expect(Buffer.from(await r.response.arrayBuffer()).equals(bytes)).toBe(true);
    }

    const job = await emu.ok(sendJobSchema, 'GET', `/send/${result.jobId}`);
    expect(job).toMatchObject({ jobId: result.jobId, state: 'completed', attemptsMade: 1, failedReason: null });
    expect(emu.jobs.mailLogStatus(result.mailLogId)).toBe('sent');
  });

  it('renders a template in the requested language', async () => {
    await emu.ok(sendResultSchema, 'POST', '/send', {
      status: 201,
      body: base({
        subject: 'ignored with a template',
        // Without `text` the text part is derived from the rendered HTML (a given `text` would be kept).
        text: undefined,
        templateId: DEMO_TEMPLATE_IDS.welcome,
        lang: 'tr',
        variables: { company: 'Acme', name: 'Deniz', dashboardUrl: 'https://app.acme.example' },
      }),
    });
    const [m] = await findBySubject(support, 'INBOX', 'Acme ailesine hoş geldin, Deniz!');
    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${m!.uid}`, { query: { mailbox: support } });
    expect(detail.htmlBody).toContain('Panele git');
    expect(detail.htmlBody).toContain('https://app.acme.example');
    expect(detail.textBody).toContain('Merhaba Deniz');
  });

  it('sends a batch with per-recipient variables and section rows', async () => {
    const result = await emu.ok(batchSendResultSchema, 'POST', '/send', {
      status: 201,
      body: base({
        to: undefined,
        subject: 'x',
        templateId: DEMO_TEMPLATE_IDS.invoice,
        variables: { currency: 'EUR', dueDate: '2026-02-01', total: '42.00', invoiceNumber: 'INV-7' },
        recipients: [
          {
            to: support,
            variables: { customerName: 'Sam', items: [{ description: 'Widget', quantity: 2, price: '21.00' }] },
          },
          {
            to: news,
            variables: { customerName: 'Nia', items: [{ description: 'Gadget', quantity: 1, price: '42.00' }] },
          },
        ],
      }),
    });
    expect(result.totalQueued).toBe(2);
    expect(result.totalSuppressed).toBe(0);
    expect(result.jobs.map((j) => j.to)).toEqual([support, news]);
    const [toSupport] = await findBySubject(support, 'INBOX', 'Invoice INV-7 from Acme');
    const detail = await emu.ok(messageDetailSchema, 'GET', `/inbox/${toSupport!.uid}`, {
      query: { mailbox: support },
    });
    expect(detail.htmlBody).toContain('Hello Sam');
    expect(detail.htmlBody).toContain('<td>Widget</td><td>2</td><td>21.00 EUR</td>');
    expect(detail.to.map((a) => a.address)).toEqual([support]);
    expect(await findBySubject(news, 'INBOX', 'Invoice INV-7 from Acme')).toHaveLength(1);
  });

  it('GET /send/{jobId} for an unknown job is 500 "HTTP 404: Job not found"', async () => {
    await emu.fails(500, 'HTTP 404: Job not found', 'GET', '/send/999999');
  });
});

describe('scheduled sends', () => {
  it('holds a scheduled message until it is due (injected clock)', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const scheduled = await createTestEmulator({ clock: () => now, schedulerIntervalMs: 60_000 });
    try {
      const at = new Date(now + 3_600_000).toISOString();
      const result = await scheduled.ok(sendResultSchema, 'POST', '/send', {
        status: 201,
        body: base({ subject: 'Scheduled hello', scheduledAt: at }),
      });
      expect(result).toMatchObject({ status: 'scheduled', scheduledAt: at });
      expect((await scheduled.ok(sendJobSchema, 'GET', `/send/${result.jobId}`)).state).toBe('delayed');
      const inbox = () => scheduled.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'scheduled hello' } });
      expect(await inbox()).toEqual([]);

      now += 30 * 60_000;
      expect(await scheduled.scheduler.tick()).toBe(0);
      expect(await inbox()).toEqual([]);

      now += 31 * 60_000;
      expect(await scheduled.scheduler.tick()).toBe(1);
      expect(await inbox()).toHaveLength(1);
      const job = await scheduled.ok(sendJobSchema, 'GET', `/send/${result.jobId}`);
      expect(job.state).toBe('completed');
      expect(job.finishedOn).toBe(now);
    } finally {
      await scheduled.dispose();
    }
  });

  it('delivers on its own when the time comes (real timer)', async () => {
    const live = await createTestEmulator({ schedulerIntervalMs: 25, seed: 'demo' });
    try {
      const result = await live.ok(sendResultSchema, 'POST', '/send', {
        status: 201,
        body: base({ subject: 'Soon hello', scheduledAt: new Date(Date.now() + 300).toISOString() }),
      });
      expect(result.status).toBe('scheduled');
      await vi.waitFor(
        async () => expect((await live.ok(sendJobSchema, 'GET', `/send/${result.jobId}`)).state).toBe('completed'),
        { timeout: 5_000, interval: 50 },
      );
      expect(await live.ok(list, 'GET', '/inbox', { query: { mailbox: support, q: 'soon hello' } })).toHaveLength(1);
    } finally {
      await live.dispose();
    }
  });

  it('sends a past scheduledAt right away', async () => {
    const result = await emu.ok(sendResultSchema, 'POST', '/send', {
      status: 201,
      body: base({ subject: 'Past schedule', scheduledAt: '2020-01-01T00:00:00Z' }),
    });
    expect(result.status).toBe('queued');
    expect(await findBySubject(support, 'INBOX', 'Past schedule')).toHaveLength(1);
  });
});
