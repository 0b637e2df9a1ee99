/**
 * The company boundary (issue 8), over real HTTP: the BFF started as `npm start` starts it (startServer), pointed at
 * a test Sentroy that, like the real platform (sentroy-contract.md section 3), does NOT check that a `mailbox`
 * belongs to the token's company and records every request it gets. A mailbox of another company must be refused
 * with 403 on every route whose access policy names a mailbox (the contract's inbox routes, the send's `from`, the
 * drafts, the reader's document: iterated from route-policy.ts, so a new route is covered the day it is added), and
 * in a grant, for every role, admins included, and the test Sentroy must never see a request naming it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sentroyEndpoints, type ConsoleRole, type EndpointDefinition, type SentroyEndpointName } from '@contract/index';
import { mailboxRules, ROUTE_POLICIES, type MailboxRule } from '../server/access/route-policy';
import { loadServerConfig, startServer, type RunningServer } from '../server/index';
import { startFakeUpstream, TEST_SLUG, TEST_TOKEN, type FakeUpstream } from '../server/test-support';

const COMPANY = ['support@acme.example', 'info@acme.example', 'billing@acme-mail.example'];
const GRANTED = 'support@acme.example';
const FOREIGN = 'ceo@rival.example';
const ADMIN = { email: 'admin@console.test', password: 'admin password 123' };
const USERS = {
  operator: { email: 'operator@console.test', password: 'operator password 1' },
  member: { email: 'member@console.test', password: 'member password 12' },
};
const ROLES: ConsoleRole[] = ['admin', 'operator', 'member'];

let dir: string;
let sentroy: FakeUpstream;
let server: RunningServer;
const cookies = {} as Record<ConsoleRole, string>;

interface Answer {
  status: number;
  text: string;
}

async function call(
  role: ConsoleRole | undefined,
  method: string,
  path: string,
  body?: unknown,
  init: { rawBody?: string } = {},
): Promise<Answer> {
  const hasBody = body !== undefined || init.rawBody !== undefined;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: server.url,
      ...(role ? { cookie: cookies[role] } : {}),
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, text: await res.text() };
}

/** Every request the test Sentroy received that names `text` anywhere (path, query or body; decoded, any case). */
function upstreamNaming(text: string) {
  const needle = text.trim().toLowerCase();
  return sentroy.requests.filter((r) =>
    `${decodeURIComponent(r.path)} ${[...r.query.values()].join(' ')} ${r.body}`.toLowerCase().includes(needle),
  );
}

/** Values that make each known route's request valid apart from its mailbox fields (unknown routes get none). */
const EXTRAS: Record<string, { query?: Record<string, string>; body?: Record<string, unknown> }> = {
  'GET /api/inbox/thread': { query: { subject: 'Hello' } },
  'POST /api/inbox/:uid/move': { body: { to: 'Archive' } },
  'POST /api/send': { body: { to: 'someone@example.org', subject: 'Hi', domainId: 'd1', text: 'Hi' } },
  'POST /api/inbox/drafts': { body: { subject: 'Draft', text: 'Hi' } },
  'GET /api/console/inbox/message-body': { query: { uid: '7' } },
};

/** Every route of the access table that names a mailbox, with its rules. */
const mailboxRoutes = [...ROUTE_POLICIES.entries()]
  .map(([key, policy]) => ({ key, rules: mailboxRules(policy) }))
  .filter((r) => r.rules.length > 0);

/**
 * A request to `key` whose rule fields hold `values` (field → value; the rest of the rule fields hold a company
 * mailbox), each where its rule reads it, unless `where` moves one.
 */
function requestFor(
  key: string,
  rules: readonly MailboxRule[],
  values: Record<string, unknown>,
  where: Partial<Record<string, 'query' | 'body'>> = {},
) {
  const [method, pattern] = key.split(' ') as [string, string];
  const path = pattern.replace(':uid', '7').replace(':partId', '2').replace(':id', 'x1');
  const query = new URLSearchParams(EXTRAS[key]?.query);
  const body: Record<string, unknown> = { ...EXTRAS[key]?.body };
  for (const rule of rules) {
    const value = rule.field in values ? values[rule.field] : GRANTED;
    const place = where[rule.field] ?? rule.source;
    if (place === 'query') query.append(rule.field, String(value));
    else body[rule.field] = value;
  }
  const sendsBody = method === 'POST' || Object.keys(body).length > 0;
  return { method, url: `${path}${query.size > 0 ? `?${query}` : ''}`, body: sendsBody ? body : undefined };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'company-boundary-'));
  sentroy = await startFakeUpstream();
  // Like the platform: the company's mailboxes from GET /mailboxes, and an answer for ANY mailbox on every other
  // route (the canned envelope of the fake), without checking that it is the company's.
  sentroy.handler = (req) =>
    req.method === 'GET' && req.path === `/api/mail/companies/${TEST_SLUG}/mailboxes`
      ? Response.json({
          data: COMPANY.map((email) => ({ email, domain: email.split('@')[1], username: email.split('@')[0] })),
        })
      : undefined;
  const config = loadServerConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    CONSOLE_DATA_DIR: join(dir, 'console'),
    SENTROY_BASE_URL: sentroy.url,
    SENTROY_COMPANY_SLUG: TEST_SLUG,
    SENTROY_ACCESS_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'silent',
  });
  server = await startServer(config, { bootstrapAdmins: [ADMIN], retry: { attempts: 1 } });
  const signIn = async (credentials: { email: string; password: string }) => {
    const res = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  cookies.admin = await signIn(ADMIN);
  for (const role of ['operator', 'member'] as const) {
    const created = await call('admin', 'POST', '/api/console/users', { ...USERS[role], role, mailboxes: [GRANTED] });
    expect(created.status, created.text).toBe(201);
    cookies[role] = await signIn(USERS[role]);
  }
});

afterAll(async () => {
  await server?.close();
  await sentroy?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Shape keys of a contract schema (objects, refined objects, pipes). */
function shapeKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  if ('shape' in schema && typeof schema.shape === 'object' && schema.shape !== null) return Object.keys(schema.shape);
  const inner = (schema as unknown as { _zod?: { def?: { in?: z.ZodType } } })._zod?.def?.in;
  return inner ? shapeKeys(inner) : [];
}

describe('the access table', () => {
  it('gives every contract endpoint that takes a `mailbox` a mailbox rule for it (and the send its `from`)', () => {
    for (const name of Object.keys(sentroyEndpoints) as SentroyEndpointName[]) {
      const { method, path, query, body }: EndpointDefinition = sentroyEndpoints[name];
      const policy = ROUTE_POLICIES.get(`${method} /api${path}`);
      expect(policy, name).toBeDefined();
      const fields = mailboxRules(policy!).map((r) => r.field);
      for (const key of [...shapeKeys(query), ...shapeKeys(body)]) {
        if (key === 'mailbox') expect(fields, `${name} reads mailbox`).toContain('mailbox');
      }
    }
    expect(mailboxRules(ROUTE_POLICIES.get('POST /api/send')!).map((r) => r.field)).toContain('from');
    // The sweep below covers these (and whatever is added later).
    expect(mailboxRoutes.length).toBeGreaterThanOrEqual(12);
  });
});

describe('a foreign mailbox on every route that names one', () => {
  const cases = mailboxRoutes.flatMap(({ key, rules }) =>
    rules.flatMap((rule) => ROLES.map((role) => ({ key, rules, rule, role }))),
  );

  it.each(cases)('$key, $rule.field from $role → 403, nothing reaches Sentroy', async ({ key, rules, rule, role }) => {
    const { method, url, body } = requestFor(key, rules, { [rule.field]: FOREIGN });
    const res = await call(role, method, url, body);
    expect(res.status, `${key} ${res.text}`).toBe(403);
    expect(JSON.parse(res.text).data).toBeNull();
    expect(upstreamNaming(FOREIGN)).toEqual([]);
  });

  it.each(mailboxRoutes)('$key with company mailboxes is served (admin)', async ({ key, rules }) => {
    const before = sentroy.requests.length;
    const { method, url, body } = requestFor(key, rules, {});
    const res = await call('admin', method, url, body);
    expect([401, 403, 503], `${key}: ${res.status} ${res.text}`).not.toContain(res.status);
    if (EXTRAS[key] || rules.every((r) => r.source === 'query')) {
      // A complete request went on to Sentroy, naming the company's mailbox.
      expect(
        sentroy.requests.slice(before).some((r) => upstreamNaming(GRANTED).includes(r)),
        key,
      ).toBe(true);
    }
  });
});

describe('tricks do not get a foreign mailbox through', () => {
  const spellings = [' CEO@Rival.Example ', 'CEO@RIVAL.EXAMPLE', `Boss <${FOREIGN}>`, `${GRANTED} <${FOREIGN}>`];
  const lookalikes = [
    'ѕupport@acme.example',
    'support@acme.examplе',
    'support＠acme.example',
    'info@acme.example\u200b',
  ];

  it.each(mailboxRoutes)(
    '$key: case, spaces, display names, duplicate keys, body against query',
    async ({ key, rules }) => {
      const [method] = key.split(' ') as [string];
      for (const rule of rules) {
        for (const spelling of spellings) {
          const { url, body } = requestFor(key, rules, { [rule.field]: spelling });
          expect((await call('admin', method, url, body)).status, `${key} ${rule.field}=${spelling}`).toBe(403);
        }
        // Duplicate query keys, the company's first and the foreign one second (and the other way round).
        const base = requestFor(key, rules, {});
        for (const order of [
          [GRANTED, FOREIGN],
          [FOREIGN, GRANTED],
        ]) {
          const sep = base.url.includes('?') ? '&' : '?';
          const url = `${base.url}${sep}${order.map((m) => `${rule.field}=${encodeURIComponent(m)}`).join('&')}`;
          const res = await call('admin', method, url, base.body);
          expect(res.status, `${key} duplicate ${rule.field}`).toBe(403);
        }
        // The foreign mailbox where the rule does not read it (body against query), the company's where it does.
        if (method !== 'GET') {
          const other = rule.source === 'query' ? 'body' : 'query';
          const moved = requestFor(key, rules, { [rule.field]: FOREIGN }, { [rule.field]: other });
          const placed = requestFor(key, rules, {});
          const url = other === 'query' ? moved.url : placed.url;
          const body = other === 'body' ? { ...placed.body, [rule.field]: FOREIGN } : placed.body;
          expect((await call('admin', method, url, body)).status, `${key} ${rule.field} in the ${other}`).toBe(403);
        }
      }
      expect(upstreamNaming(FOREIGN)).toEqual([]);
    },
  );

  it.each(mailboxRoutes)(
    '$key: unicode lookalikes of a company mailbox are refused, never forwarded',
    async ({ key, rules }) => {
      const [method] = key.split(' ') as [string];
      for (const rule of rules) {
        for (const lookalike of lookalikes) {
          const { url, body } = requestFor(key, rules, { [rule.field]: lookalike });
          const res = await call('admin', method, url, body);
          expect([400, 403], `${key} ${rule.field}=${JSON.stringify(lookalike)}: ${res.text}`).toContain(res.status);
          expect(upstreamNaming(lookalike)).toEqual([]);
        }
      }
    },
  );

  it('a JSON body that repeats a key (the last one wins in JSON.parse) is judged by what the handler will read', async () => {
    const raw = `{"mailbox":"${GRANTED}","to":"Archive","mailbox":"${FOREIGN}"}`;
    const res = await call('admin', 'POST', '/api/inbox/7/move', undefined, { rawBody: raw });
    expect(res.status).toBe(403);
    expect(upstreamNaming(FOREIGN)).toEqual([]);
  });
});

describe('sends and grants', () => {
  const send = (from: string) => ({ from, to: 'someone@example.org', subject: 'Hi', domainId: 'd1', text: 'Hi' });

  it('a send from a foreign mailbox is refused for every role; from a company mailbox it goes out', async () => {
    for (const role of ROLES) {
      expect((await call(role, 'POST', '/api/send', send(FOREIGN))).status, role).toBe(403);
    }
    expect((await call('admin', 'POST', '/api/send', send('billing@acme-mail.example'))).status).toBe(201);
    expect((await call('member', 'POST', '/api/send', send(GRANTED))).status).toBe(201);
    expect(upstreamNaming(FOREIGN)).toEqual([]);
  });

  it('a grant of a foreign mailbox is refused with 403 (create and edit); company grants work', async () => {
    const create = await call('admin', 'POST', '/api/console/users', {
      email: 'new@console.test',
      role: 'member',
      mailboxes: [GRANTED, ` ${FOREIGN.toUpperCase()} `],
    });
    expect(create.status).toBe(403);
    expect(JSON.parse(create.text)).toEqual({ data: null, error: `${FOREIGN} is not a mailbox of this company` });

    const ok = await call('admin', 'POST', '/api/console/users', {
      email: 'new@console.test',
      role: 'member',
      mailboxes: [GRANTED, 'info@acme.example'],
    });
    expect(ok.status, ok.text).toBe(201);
    const id = (JSON.parse(ok.text) as { data: { user: { id: string } } }).data.user.id;
    const edit = await call('admin', 'PATCH', `/api/console/users/${id}`, { mailboxes: [GRANTED, FOREIGN] });
    expect(edit.status).toBe(403);
    expect(JSON.parse(edit.text).error).toContain(FOREIGN);
    const users = JSON.parse((await call('admin', 'GET', '/api/console/users')).text).data as {
      email: string;
      mailboxes: string[];
    }[];
    expect(users.find((u) => u.email === 'new@console.test')?.mailboxes).toEqual(['info@acme.example', GRANTED]);
    expect(upstreamNaming(FOREIGN)).toEqual([]);
  });
});
