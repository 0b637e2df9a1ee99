/**
 * The whole spine over real HTTP: the BFF pointed at the emulator exactly as `npm start` wires demo mode.
 * Every endpoint of the contract is reached through the BFF's allowlist and its answer checked against the contract.
 * This test lives outside src/server on purpose: the BFF itself must never import the emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actionResultSchema,
  domainDetailSchema,
  domainSchema,
  folderSchema,
  mailboxSchema,
  messageDetailSchema,
  messageSummarySchema,
  sendJobSchema,
  sendResultSchema,
  templateSchema,
  threadMessageSchema,
  unreadCountSchema,
  type Folder,
  type MessageSummary,
} from '@contract/index';
import { DEMO_ADMIN } from '../demo-credentials';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { loadServerConfig, startServer } from '../server/index';

let dir: string;
let emulator: RunningEmulator;
let server: { url: string; close(): Promise<void> };
let cookie = '';
const logLines: string[] = [];
const bodies: string[] = [];

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie,
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  bodies.push(text, JSON.stringify([...res.headers.entries()]));
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: () => JSON.parse(text) as { data: unknown; error?: string },
  };
}

async function data<T extends z.ZodType>(schema: T, method: string, path: string, body?: unknown): Promise<z.infer<T>> {
  const res = await call(method, path, body);
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return schema.parse(res.json().data);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-it-'));
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, dataDir: join(dir, 'emulator'), seed: 'demo' });
  const config = loadServerConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CONSOLE_DATA_DIR: join(dir, 'console'),
    SENTROY_BASE_URL: emulator.url,
    SENTROY_COMPANY_SLUG: emulator.companySlug,
    SENTROY_ACCESS_TOKEN: emulator.accessToken,
  });
  server = await startServer(config, { bootstrapAdmins: [{ ...DEMO_ADMIN }], log: (line) => logLines.push(line) });
  const login = await call('POST', '/auth/login', { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/=/);
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('BFF → emulator over HTTP', () => {
  it('lists domains and reads one with its DNS records', async () => {
    const domains = await data(domainSchema.array(), 'GET', '/api/domains');
    expect(domains.length).toBeGreaterThanOrEqual(2);
    const failing = domains.find((d) => !d.dkimVerified);
    expect(failing).toBeDefined();
    const detail = await data(domainDetailSchema, 'GET', `/api/domains/${failing!.id}`);
    expect(detail.dnsRecords.map((r) => r.type)).toEqual(expect.arrayContaining(['TXT', 'MX']));
    const missing = await call('GET', '/api/domains/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json().error).toBe('Domain not found');
  });

  it('lists mailboxes and templates and reads a template', async () => {
    const mailboxes = await data(mailboxSchema.array(), 'GET', '/api/mailboxes');
    expect(mailboxes.length).toBe(3);
    const templates = await data(templateSchema.array(), 'GET', '/api/templates');
    expect(templates.length).toBe(3);
    const template = await data(templateSchema, 'GET', `/api/templates/${templates[0]!.id}`);
    expect(template.id).toBe(templates[0]!.id);
  });

  it('sends a message that lands in Sent and in the recipient inbox, then works it', async () => {
    const domains = await data(domainSchema.array(), 'GET', '/api/domains');
    const active = domains.find((d) => d.status === 'active')!;
    const mailboxes = await data(mailboxSchema.array(), 'GET', '/api/mailboxes');
    const [sender, recipient] = mailboxes.filter((m) => m.domain === active.domain);
    const subject = `Integration ${Date.now()}`;
    const attachment = Buffer.from('hello attachment bytes \u0000\u0001\u0002');
    const result = await data(sendResultSchema, 'POST', '/api/send', {
      to: recipient!.email,
      from: sender!.email,
      subject,
      domainId: active.id,
      html: '<p>Hello from the integration test</p>',
      attachments: [
        { filename: 'hello.bin', content: attachment.toString('base64'), contentType: 'application/octet-stream' },
      ],
    });
    expect(result.status).toBe('queued');
    await data(sendJobSchema, 'GET', `/api/send/${result.jobId}`);

    const mb = encodeURIComponent(recipient!.email);
    const foldersBefore = await data(folderSchema.array(), 'GET', `/api/inbox/mailboxes?mailbox=${mb}`);
    expect(foldersBefore[0]!.path).toBe('__ALL__');
    const inboxCount = (folders: Folder[]) => folders.find((f) => f.path === 'INBOX')!.unreadMessages;

    const list = await data(messageSummarySchema.array(), 'GET', `/api/inbox?mailbox=${mb}&folder=INBOX&limit=50`);
    const summary = list.find((m: MessageSummary) => m.subject === subject);
    expect(summary, 'the sent message is in the recipient inbox').toBeDefined();
    expect(summary!.seen).toBe(false);
    const unreadOnly = await data(
      messageSummarySchema.array(),
      'GET',
      `/api/inbox?mailbox=${mb}&unread=true&limit=200`,
    );
    expect(unreadOnly.every((m) => !m.seen)).toBe(true);

    const detail = await data(messageDetailSchema, 'GET', `/api/inbox/${summary!.uid}?mailbox=${mb}&folder=INBOX`);
    expect(detail.attachments).toHaveLength(1);
    const download = await fetch(
      `${server.url}/api/inbox/${summary!.uid}/attachments/${detail.attachments[0]!.partId}/download?mailbox=${mb}&folder=INBOX`,
      { headers: { cookie } },
    );
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(attachment)).toBe(true);

    await data(actionResultSchema, 'POST', `/api/inbox/${summary!.uid}/read`, {
      mailbox: recipient!.email,
      folder: 'INBOX',
    });
    const afterRead = await data(folderSchema.array(), 'GET', `/api/inbox/mailboxes?mailbox=${mb}`);
    expect(inboxCount(afterRead)).toBe(inboxCount(foldersBefore) - 1);
    await data(actionResultSchema, 'DELETE', `/api/inbox/${summary!.uid}/read?mailbox=${mb}&folder=INBOX`);
    const afterUnread = await data(folderSchema.array(), 'GET', `/api/inbox/mailboxes?mailbox=${mb}`);
    expect(inboxCount(afterUnread)).toBe(inboxCount(foldersBefore));
    await data(unreadCountSchema, 'GET', `/api/inbox/unread-count?mailbox=${mb}`);

    const thread = await data(
      threadMessageSchema.array(),
      'GET',
      `/api/inbox/thread?subject=${encodeURIComponent(`Re: ${subject}`)}&mailbox=${mb}`,
    );
    expect(thread.map((m) => m.subject)).toContain(subject);

    await data(actionResultSchema, 'POST', `/api/inbox/${summary!.uid}/move`, {
      to: 'Archive',
      from: 'INBOX',
      mailbox: recipient!.email,
    });
    const archived = await data(
      messageSummarySchema.array(),
      'GET',
      `/api/inbox?mailbox=${mb}&folder=Archive&limit=200`,
    );
    const moved = archived.find((m) => m.subject === subject);
    expect(moved).toBeDefined();
    const gone = await call('GET', `/api/inbox/${summary!.uid}?mailbox=${mb}&folder=INBOX`);
    expect(gone.status).toBe(404);

    await data(actionResultSchema, 'DELETE', `/api/inbox/${moved!.uid}?mailbox=${mb}&folder=Archive`);
    const deleted = await call('DELETE', `/api/inbox/${moved!.uid}?mailbox=${mb}&folder=Archive`);
    expect(deleted.status).toBe(404);

    const sent = await data(
      messageSummarySchema.array(),
      'GET',
      `/api/inbox?mailbox=${encodeURIComponent(sender!.email)}&folder=Sent&limit=50`,
    );
    expect(sent.some((m) => m.subject === subject)).toBe(true);
  });

  it('refuses a mailbox of another company and keeps the token out of every answer and log line', async () => {
    const foreign = await call('GET', '/api/inbox?mailbox=someone%40elsewhere.example');
    expect(foreign.status).toBe(403);
    for (const text of [...bodies, ...logLines]) expect(text).not.toContain(emulator.accessToken);
  });
});
