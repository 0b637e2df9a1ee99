import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as usersCli } from '../cli/users';
import {
  createHarness,
  startFakeUpstream,
  TEST_SLUG,
  TEST_TOKEN,
  type FakeUpstream,
  type Harness,
} from '../test-support';

/**
 * The company boundary through the BFF (issue 8) with the real directory over a fake Sentroy that, like the
 * platform, answers for any mailbox it is asked about: foreign mailboxes refused for every role (admins too) before
 * anything reaches Sentroy, refusals audited, grants only of company mailboxes (API and CLI), fail closed when the
 * list cannot be had, and members following only their own send jobs. The full sweep over every contract route is
 * src/integration/company-boundary.test.ts.
 */

const COMPANY = ['support@acme.example', 'info@acme.example'];
const FOREIGN = 'ceo@rival.example';
const OPERATOR = { email: 'op@console.test', password: 'operator password 1' };
const MEMBER = { email: 'member@console.test', password: 'member password 12' };
const OTHER_MEMBER = { email: 'other@console.test', password: 'member password 34' };

let fake: FakeUpstream;
let h: Harness;
let mailboxListDown = false;
let nextJob = 100;
const cookies: Record<'admin' | 'operator' | 'member' | 'other', string> = {
  admin: '',
  operator: '',
  member: '',
  other: '',
};

const mailboxList = () =>
  Response.json({
    data: COMPANY.map((email) => ({ email, domain: 'acme.example', username: email.split('@')[0] })),
  });

async function signIn(credentials: { email: string; password: string }) {
  const res = await h.request('/auth/login', { method: 'POST', json: credentials });
  expect(res.status, res.text_).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const errorOf = (res: { text_: string }) => (JSON.parse(res.text_) as { error: string }).error;
/** Every request that reached the fake Sentroy and names `mailbox` anywhere. */
const naming = (mailbox: string) =>
  fake.requests.filter((r) => decodeURIComponent(`${r.path}?${r.query} ${r.body}`).toLowerCase().includes(mailbox));

beforeAll(async () => {
  fake = await startFakeUpstream();
  fake.handler = (req) => {
    if (req.path === `/api/mail/companies/${TEST_SLUG}/mailboxes`) {
      return mailboxListDown
        ? Response.json({ data: null, error: 'Mail server unavailable' }, { status: 503 })
        : mailboxList();
    }
    if (req.method === 'POST' && req.path.endsWith('/send')) {
      const jobId = String(nextJob++);
      return Response.json(
        { data: { jobId, mailLogId: `log-${jobId}`, status: 'queued', scheduledAt: null } },
        { status: 201 },
      );
    }
    return undefined;
  };
  h = await createHarness({ upstreamUrl: fake.url, companyMailboxes: 'upstream', retry: { attempts: 1 } });
  cookies.admin = await h.login();
  for (const [user, role] of [
    [OPERATOR, 'operator'],
    [MEMBER, 'member'],
    [OTHER_MEMBER, 'member'],
  ] as const) {
    const res = await h.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: cookies.admin },
      json: { ...user, role, mailboxes: ['support@acme.example'] },
    });
    expect(res.status, res.text_).toBe(201);
  }
  cookies.operator = await signIn(OPERATOR);
  cookies.member = await signIn(MEMBER);
  cookies.other = await signIn(OTHER_MEMBER);
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

beforeEach(() => {
  mailboxListDown = false;
});

describe('foreign mailboxes on inbox routes and sends', () => {
  it('refuses an admin reading a mailbox of another company (403), with nothing sent to Sentroy, and audits it', async () => {
    const res = await h.request(`/api/inbox?mailbox=${FOREIGN}`, { headers: { cookie: cookies.admin } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: `${FOREIGN} is not a mailbox of this company` });
    expect(naming(FOREIGN)).toEqual([]);
    const rows = await h.store.auditRead.all({ action: 'access.refused', mailbox: FOREIGN }, 10);
    expect(rows[0]).toMatchObject({
      actorEmail: 'admin@console.test',
      target: 'GET /api/inbox',
      mailbox: FOREIGN,
      detail: { result: 'refused', status: 403, error: `${FOREIGN} is not a mailbox of this company` },
    });
  });

  it('still serves company mailboxes to admins, in any spelling', async () => {
    for (const m of ['info@acme.example', ' INFO@Acme.Example ']) {
      const res = await h.request(`/api/inbox?mailbox=${encodeURIComponent(m)}`, {
        headers: { cookie: cookies.admin },
      });
      expect(res.status, res.text_).toBe(200);
    }
  });

  it('refuses a send from a foreign mailbox for admins and operators, audited as a refused mail.send', async () => {
    for (const role of ['admin', 'operator'] as const) {
      const res = await h.request('/api/send', {
        method: 'POST',
        headers: { cookie: cookies[role] },
        json: { from: FOREIGN, to: 'x@example.org', subject: `Boundary ${role}`, domainId: 'd1', text: 'hi' },
      });
      expect(res.status, res.text_).toBe(403);
    }
    expect(naming(FOREIGN)).toEqual([]);
    const rows = await h.store.auditRead.all({ action: 'mail.send', mailbox: FOREIGN }, 10);
    expect(rows.map((r) => r.detail)).toEqual([
      expect.objectContaining({ result: 'refused', status: 403, subject: 'Boundary operator' }),
      expect.objectContaining({ result: 'refused', status: 403, subject: 'Boundary admin' }),
    ]);
  });

  it('refuses tricks: repeated query keys, body against query, display names, lookalikes', async () => {
    const admin = { cookie: cookies.admin };
    const tries = [
      h.request(`/api/inbox?mailbox=info@acme.example&mailbox=${FOREIGN}`, { headers: admin }),
      h.request(`/api/inbox?mailbox=${FOREIGN}&mailbox=info@acme.example`, { headers: admin }),
      h.request(`/api/inbox/7/read?mailbox=${FOREIGN}`, {
        method: 'POST',
        headers: admin,
        json: { mailbox: 'info@acme.example' },
      }),
      h.request(`/api/inbox/7?mailbox=info@acme.example`, {
        method: 'DELETE',
        headers: admin,
        json: { mailbox: FOREIGN },
      }),
      h.request('/api/send', {
        method: 'POST',
        headers: admin,
        json: { from: `info@acme.example <${FOREIGN}>`, to: 'x@example.org', subject: 's', domainId: 'd', text: 't' },
      }),
    ];
    for (const res of await Promise.all(tries)) expect(res.status, res.text_).toBe(403);
    const lookalike = await h.request(`/api/inbox?mailbox=${encodeURIComponent('іnfo@acme.example')}`, {
      headers: admin,
    });
    expect(lookalike.status).toBe(400);
    expect(errorOf(lookalike)).toBe('mailbox must be an email address');
    expect(naming(FOREIGN)).toEqual([]);
  });

  it('refuses a member a granted mailbox that is not the company’s (a grant from before the boundary)', async () => {
    const me = JSON.parse((await h.request('/auth/me', { headers: { cookie: cookies.other } })).text_).data.user.id;
    await h.store.userAdmin.update(me, { mailboxes: ['support@acme.example', FOREIGN] }, new Date());
    const res = await h.request(`/api/inbox?mailbox=${FOREIGN}`, { headers: { cookie: cookies.other } });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toBe(`${FOREIGN} is not a mailbox of this company`);
    await h.store.userAdmin.update(me, { mailboxes: ['support@acme.example'] }, new Date());
  });

  it('fails closed with 503 when the company’s mailbox list cannot be fetched', async () => {
    // A fresh app, so no list is cached yet.
    const cold = await createHarness({ upstreamUrl: fake.url, companyMailboxes: 'upstream', retry: { attempts: 1 } });
    try {
      mailboxListDown = true;
      const cookie = await cold.login();
      const before = fake.requests.length;
      const res = await cold.request('/api/inbox?mailbox=info@acme.example', { headers: { cookie } });
      expect(res.status).toBe(503);
      expect(errorOf(res)).toMatch(/cannot check mailboxes against the company's list/);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(fake.requests.slice(before).map((r) => r.path)).toEqual([`/api/mail/companies/${TEST_SLUG}/mailboxes`]);
    } finally {
      await cold.close();
    }
  });
});

describe('grants of company mailboxes only', () => {
  it('refuses creating a user with a foreign grant (403 naming it), audited; company grants still work', async () => {
    const res = await h.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: cookies.admin },
      json: { email: 'spy@console.test', role: 'member', mailboxes: ['info@acme.example', FOREIGN.toUpperCase()] },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toBe(`${FOREIGN} is not a mailbox of this company`);
    const list = JSON.parse((await h.request('/api/console/users', { headers: { cookie: cookies.admin } })).text_);
    expect(list.data.map((u: { email: string }) => u.email)).not.toContain('spy@console.test');
    const [row] = await h.store.auditRead.all({ action: 'user.create' }, 1);
    expect(row).toMatchObject({
      target: 'spy@console.test',
      detail: { result: 'refused', status: 403, mailboxes: ['ceo@rival.example', 'info@acme.example'] },
    });
  });

  it('refuses adding a foreign grant on edit, keeps a grant held from before when other fields change', async () => {
    const me = JSON.parse((await h.request('/auth/me', { headers: { cookie: cookies.member } })).text_).data.user.id;
    const add = await h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { mailboxes: ['support@acme.example', FOREIGN] },
    });
    expect(add.status).toBe(403);
    expect(errorOf(add)).toContain(FOREIGN);
    expect(await h.store.grants.forUser(me)).toEqual(['support@acme.example']);

    await h.store.userAdmin.update(me, { mailboxes: ['support@acme.example', FOREIGN] }, new Date());
    const rename = await h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { name: 'Renamed', mailboxes: ['support@acme.example', FOREIGN, 'info@acme.example'] },
    });
    expect(rename.status, rename.text_).toBe(200);
    const revoke = await h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { mailboxes: ['support@acme.example'] },
    });
    expect(revoke.status).toBe(200);
    expect(await h.store.grants.forUser(me)).toEqual(['support@acme.example']);
  });

  it('npm run users: a foreign grant is refused with a message and exit 1; without Sentroy settings too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'users-cli-boundary-'));
    const err: string[] = [];
    const sentroy = { SENTROY_BASE_URL: fake.url, SENTROY_COMPANY_SLUG: TEST_SLUG, SENTROY_ACCESS_TOKEN: TEST_TOKEN };
    const run = (env: Record<string, string>, ...argv: string[]) =>
      usersCli(argv, { env: { CONSOLE_DATA_DIR: dir, ...env }, out: () => {}, err: (l) => err.push(l) });
    try {
      expect(await run({}, 'add', 'boss@console.test', '--role', 'admin')).toBe(0);
      expect(await run(sentroy, 'add', 'a@console.test', '--role', 'member', '--mailbox', FOREIGN)).toBe(1);
      expect(err.pop()).toBe(`${FOREIGN} is not a mailbox of this company`);
      expect(await run(sentroy, 'add', 'a@console.test', '--role', 'member', '--mailbox', 'info@acme.example')).toBe(0);
      expect(await run(sentroy, 'grant', 'a@console.test', 'support@acme.example', FOREIGN)).toBe(1);
      expect(err.pop()).toBe(`${FOREIGN} is not a mailbox of this company`);
      expect(await run({}, 'grant', 'a@console.test', 'support@acme.example')).toBe(1);
      expect(err.pop()).toMatch(/SENTROY_ACCESS_TOKEN and SENTROY_COMPANY_SLUG are not set/);
      // Taking access away needs no check.
      expect(await run({}, 'revoke', 'a@console.test', 'info@acme.example')).toBe(0);
      const out: string[] = [];
      await usersCli(['list'], { env: { CONSOLE_DATA_DIR: dir }, out: (l) => out.push(l), err: () => {} });
      expect(out.find((l) => l.startsWith('a@console.test'))).toMatch(/\t-$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(naming(FOREIGN)).toEqual([]);
  });
});

describe('GET /api/send/:id', () => {
  const send = (cookie: string) =>
    h.request('/api/send', {
      method: 'POST',
      headers: { cookie },
      json: { from: 'support@acme.example', to: 'x@example.org', subject: 'Job', domainId: 'd1', text: 'hi' },
    });
  const jobOf = async (res: { text_: string; status: number }) => {
    expect(res.status, res.text_).toBe(201);
    return (JSON.parse(res.text_) as { data: { jobId: string } }).data.jobId;
  };

  it('members follow their own jobs only; another user’s is 404 like a missing one, audited; admins and operators any', async () => {
    const mine = await jobOf(await send(cookies.member));
    const theirs = await jobOf(await send(cookies.other));
    const get = (cookie: string, id: string) => h.request(`/api/send/${id}`, { headers: { cookie } });

    expect((await get(cookies.member, mine)).status).toBe(200);
    const before = fake.requests.length;
    const refused = await get(cookies.member, theirs);
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.text_)).toEqual({ data: null, error: 'Job not found' });
    expect(JSON.parse((await get(cookies.member, '99999')).text_)).toEqual({ data: null, error: 'Job not found' });
    expect(fake.requests.length).toBe(before);
    for (const role of ['admin', 'operator'] as const) {
      expect((await get(cookies[role], theirs)).status).toBe(200);
      expect((await get(cookies[role], '99999')).status).toBe(200);
    }
    const [row] = await h.store.auditRead.all({ action: 'access.refused', actor: MEMBER.email }, 5);
    expect(row).toMatchObject({ target: 'GET /api/send/:id', detail: { result: 'refused', status: 404 } });
  });

  it('finds a member’s job inside a batch row (comma-joined ids), and no partial match', async () => {
    const me = JSON.parse((await h.request('/auth/me', { headers: { cookie: cookies.member } })).text_).data.user.id;
    const id = await h.store.sendLog.begin({
      userId: me,
      from: 'support@acme.example',
      to: ['a@x.example', 'b@x.example'],
      cc: [],
      subject: 'Batch',
      templateId: null,
      lang: null,
      attachments: [],
      scheduledAt: null,
      idempotencyKey: null,
      now: new Date(),
    });
    await h.store.sendLog.finish(
      id!,
      { status: 'queued', jobId: '7001,7002', mailLogId: null, error: null, responseStatus: 201, responseBody: '{}' },
      { releaseKey: false },
    );
    expect(await h.store.sendLog.hasJob('7002', me)).toBe(true);
    expect(await h.store.sendLog.hasJob('7001', me)).toBe(true);
    expect(await h.store.sendLog.hasJob('700', me)).toBe(false);
    expect(await h.store.sendLog.hasJob('7001,7002', me)).toBe(false);
    expect(await h.store.sendLog.hasJob('%', me)).toBe(false);
  });
});
