import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '@contract/index';
import {
  ADMIN,
  createHarness,
  startFakeUpstream,
  TEST_SLUG,
  TEST_TOKEN,
  type FakeUpstream,
  type Harness,
} from '../test-support';
import { findRoutePolicy } from './route-policy';
import { csvCell, toCsv } from './csv';
import { main as usersCli } from '../cli/users';
import { createConsoleStore, openConsoleDatabase } from '../db/index';

/**
 * Route × role × mailbox, written out by hand (not derived from route-policy.ts, which it checks).
 *   allow  the role may call it        deny  403 for the role
 *   grant  allowed only for a mailbox granted to the user (the ungranted one is 403)
 *   public no session needed
 */
type Expect = 'allow' | 'deny' | 'grant' | 'public';
type Row = Record<ConsoleRole, Expect>;
const all: Row = { admin: 'allow', operator: 'allow', member: 'allow' };
const adminOnly: Row = { admin: 'allow', operator: 'deny', member: 'deny' };
const inbox: Row = { admin: 'allow', operator: 'grant', member: 'grant' };
const send: Row = { admin: 'allow', operator: 'allow', member: 'grant' };
const open: Row = { admin: 'public', operator: 'public', member: 'public' };

const EXPECTED: Record<string, Row> = {
  'GET /healthz': open,
  'POST /auth/login': open,
  'POST /auth/logout': open,
  'GET /auth/me': all,
  'GET /api/domains': all,
  'GET /api/domains/:id': all,
  'GET /api/mailboxes': all,
  'GET /api/templates': all,
  'GET /api/templates/:id': all,
  'POST /api/send': send,
  'GET /api/send/:id': all,
  'GET /api/inbox': inbox,
  'GET /api/inbox/mailboxes': inbox,
  'GET /api/inbox/thread': inbox,
  'GET /api/inbox/unread-count': inbox,
  'POST /api/inbox/drafts': send,
  'GET /api/inbox/:uid': inbox,
  'GET /api/inbox/:uid/attachments/:partId/download': inbox,
  'POST /api/inbox/:uid/read': inbox,
  'DELETE /api/inbox/:uid/read': inbox,
  'POST /api/inbox/:uid/move': inbox,
  'DELETE /api/inbox/:uid': inbox,
  'GET /api/console/inbox/message-body': inbox,
  'POST /api/console/templates/:id/preview': all,
  'GET /api/console/send-log': all,
  'GET /api/console/users': adminOnly,
  'POST /api/console/users': adminOnly,
  'PATCH /api/console/users/:id': adminOnly,
  'POST /api/console/users/:id/reset-password': adminOnly,
  'DELETE /api/console/users/:id': adminOnly,
  'GET /api/console/audit': adminOnly,
  'GET /api/console/audit.csv': adminOnly,
  'GET /api/console/account/sessions': all,
  'DELETE /api/console/account/sessions/:id': all,
  'POST /api/console/account/password': all,
  'POST /api/console/account/sign-out-everywhere': all,
  'GET /*': open,
  'HEAD /*': open,
};

const GRANTED = 'support@acme.example';
const UNGRANTED = 'info@acme.example';
const OPERATOR = { email: 'operator@console.test', password: 'operator password 1' };
const MEMBER = { email: 'member@console.test', password: 'member password 12' };

/** A request for a route pattern, naming `mailbox` where the route reads one. */
function requestFor(
  method: string,
  pattern: string,
  mailbox: string,
): { url: string; init: RequestInit & { json?: unknown } } {
  const filled = pattern
    .replace(':uid', '7')
    .replace(':partId', '2')
    .replace(':id', 'x1')
    .replace('/*', '/some/deep-link');
  const q = new URLSearchParams({ mailbox });
  if (pattern === '/api/inbox/thread') q.set('subject', 'Hello');
  const body: Record<string, unknown> = { mailbox };
  if (pattern === '/api/send')
    Object.assign(body, { from: mailbox, to: 'someone@example.org', subject: 'Hi', domainId: 'd1', text: 'Hi' });
  if (pattern.endsWith('/move')) body.to = 'Archive';
  if (pattern.endsWith('/sign-out-everywhere')) body.includeThisDevice = false;
  const hasBody = method === 'POST' || method === 'PATCH';
  return { url: `${filled}?${q}`, init: { method, json: hasBody ? body : undefined } };
}

let fake: FakeUpstream;
let h: Harness;
const cookies = {} as Record<ConsoleRole, string>;

async function signIn(credentials: { email: string; password: string }): Promise<string> {
  const res = await h.request('/auth/login', { method: 'POST', json: credentials });
  expect(res.status, res.text_).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function createUser(body: Record<string, unknown>) {
  const res = await h.request('/api/console/users', { method: 'POST', headers: { cookie: cookies.admin }, json: body });
  expect(res.status, res.text_).toBe(201);
  return JSON.parse(res.text_).data as { user: { id: string }; password: string };
}

beforeAll(async () => {
  fake = await startFakeUpstream();
  fake.handler = (req) =>
    req.path.endsWith('/mailboxes') && !req.path.includes('/inbox/')
      ? Response.json({
          data: [GRANTED, UNGRANTED, 'news@acme-mail.example'].map((email) => ({
            email,
            domain: email.split('@')[1],
            username: email.split('@')[0],
          })),
        })
      : undefined;
  h = await createHarness({ upstreamUrl: fake.url, companyMailboxes: 'upstream' });
  cookies.admin = await h.login();
  await createUser({ ...OPERATOR, role: 'operator', mailboxes: [GRANTED] });
  await createUser({ ...MEMBER, role: 'member', mailboxes: [GRANTED.toUpperCase()] });
  cookies.operator = await signIn(OPERATOR);
  cookies.member = await signIn(MEMBER);
});

afterAll(async () => {
  await h.close();
  await fake.close();
});

/** The Sentroy settings of the CLI, pointed at the fake (its GET /mailboxes lists the company's mailboxes). */
const upstreamEnv = () => ({
  SENTROY_BASE_URL: fake.url,
  SENTROY_COMPANY_SLUG: TEST_SLUG,
  SENTROY_ACCESS_TOKEN: TEST_TOKEN,
});

const appRoutes = () => [
  ...new Set(h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
];

describe('route policy table', () => {
  it('every route of the real app has a policy and an expectation here (a new route fails this test)', () => {
    for (const key of appRoutes()) {
      const [method, pattern] = key.split(' ') as [string, string];
      expect(findRoutePolicy(method, pattern), `no policy for ${key}`).toBeDefined();
      expect(EXPECTED[key], `no expectation for ${key}: add it to EXPECTED`).toBeDefined();
    }
  });

  it('only middleware is registered for every method (an .all() route would escape the table)', () => {
    const allRoutes = h.app.routes.filter((r) => r.method === 'ALL').map((r) => r.path);
    // '/*': the app-wide middleware; the two large-body paths: the concurrent large-send gate (app.use, not routes).
    expect(new Set(allRoutes)).toEqual(new Set(['/*', '/api/send', '/api/inbox/drafts']));
  });

  it('a route without a policy is refused for everyone, admins included (default deny)', async () => {
    const fresh = await createHarness({ upstreamUrl: fake.url });
    try {
      // Registered after createApp, as a colleague's new route would be, but never classified.
      fresh.app.get('/api/console/unclassified', (c) => c.json({ data: 'leak' }));
      const cookie = await fresh.login();
      const res = await fresh.request('/api/console/unclassified', { headers: { cookie } });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text_).error).toMatch(/no access policy/);
      expect(fresh.logs.join('\n')).toMatch(/no policy for GET \/api\/console\/unclassified/);
    } finally {
      await fresh.close();
    }
  });
});

describe('every route × role × granted/ungranted mailbox', () => {
  const cases: [string, ConsoleRole, 'granted' | 'ungranted'][] = [];
  for (const key of Object.keys(EXPECTED)) {
    for (const role of ['admin', 'operator', 'member'] as const) {
      cases.push([key, role, 'granted'], [key, role, 'ungranted']);
    }
  }

  it.each(cases)('%s as %s, %s mailbox', async (key, role, which) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const mailbox = which === 'granted' ? GRANTED : UNGRANTED;
    const expectation = EXPECTED[key]![role];
    const { url, init } = requestFor(method, pattern, mailbox);
    // Public routes are called without a session (logout would end it).
    const cookie = expectation === 'public' ? undefined : cookies[role];
    const res = await h.request(url, { ...init, headers: cookie ? { cookie } : {} });

    const allowed =
      expectation === 'allow' || expectation === 'public' || (expectation === 'grant' && which === 'granted');
    if (allowed) {
      expect([401, 403], `${key} as ${role}: ${res.status} ${res.text_}`).not.toContain(res.status);
    } else {
      expect(res.status, `${key} as ${role}: ${res.text_}`).toBe(403);
      if (expectation === 'grant') {
        expect(JSON.parse(res.text_)).toEqual({ data: null, error: `You do not have access to mailbox ${mailbox}` });
      }
    }
  });

  it('without a session every non-public route is 401', async () => {
    for (const [key, row] of Object.entries(EXPECTED)) {
      if (row.admin === 'public') continue;
      const [method, pattern] = key.split(' ') as [string, string];
      const { url, init } = requestFor(method, pattern, GRANTED);
      const res = await h.request(url, init);
      expect(res.status, key).toBe(401);
    }
  });

  it('a refused request never reaches Sentroy', async () => {
    const before = fake.requests.length;
    const res = await h.request(`/api/inbox?mailbox=${UNGRANTED}`, { headers: { cookie: cookies.member } });
    expect(res.status).toBe(403);
    expect(fake.requests.length).toBe(before);
  });

  it('mailbox spelling does not get around a grant (case, spaces)', async () => {
    for (const m of [' INFO@acme.example ', 'Info@Acme.Example']) {
      const res = await h.request(`/api/inbox?mailbox=${encodeURIComponent(m)}`, {
        headers: { cookie: cookies.member },
      });
      expect(res.status).toBe(403);
    }
    const ok = await h.request(`/api/inbox?mailbox=${encodeURIComponent(' Support@ACME.example')}`, {
      headers: { cookie: cookies.member },
    });
    expect(ok.status).toBe(200);
  });

  it('GET /api/mailboxes: members get their granted mailboxes only, operators and admins all', async () => {
    const list = async (role: ConsoleRole) =>
      (
        JSON.parse((await h.request('/api/mailboxes', { headers: { cookie: cookies[role] } })).text_).data as {
          email: string;
        }[]
      ).map((m) => m.email);
    expect(await list('member')).toEqual([GRANTED]);
    expect(await list('operator')).toHaveLength(3);
    expect(await list('admin')).toHaveLength(3);
  });

  it('/auth/me carries the grants', async () => {
    const res = await h.request('/auth/me', { headers: { cookie: cookies.member } });
    expect(JSON.parse(res.text_).data).toMatchObject({ user: { role: 'member' }, mailboxGrants: [GRANTED] });
  });
});

describe('user administration', () => {
  it('disabling a user refuses their existing session on its next request; enabling lets them sign in again', async () => {
    const created = await createUser({ email: 'temp@console.test', role: 'member', mailboxes: [GRANTED] });
    const cookie = await signIn({ email: 'temp@console.test', password: created.password });
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(200);

    const patch = await h.request(`/api/console/users/${created.user.id}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { disabled: true },
    });
    expect(patch.status, patch.text_).toBe(200);
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await h.request(`/api/inbox?mailbox=${GRANTED}`, { headers: { cookie } })).status).toBe(401);
    const again = await h.request('/auth/login', {
      method: 'POST',
      json: { email: 'temp@console.test', password: created.password },
    });
    expect(again.status).toBe(401);
  });

  it('keeps one enabled admin and refuses self-disable and self-delete', async () => {
    const me = JSON.parse((await h.request('/auth/me', { headers: { cookie: cookies.admin } })).text_).data.user.id;
    const demote = await h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { role: 'member' },
    });
    expect(demote.status).toBe(409);
    const disable = await h.request(`/api/console/users/${me}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin },
      json: { disabled: true },
    });
    expect(disable.status).toBe(409);
    const del = await h.request(`/api/console/users/${me}`, { method: 'DELETE', headers: { cookie: cookies.admin } });
    expect(del.status).toBe(409);
    const still = JSON.parse((await h.request('/auth/me', { headers: { cookie: cookies.admin } })).text_).data.user
      .role;
    expect(still).toBe('admin');
  });

  it('reset-password returns a new password once and ends the user sessions; delete removes the user', async () => {
    const created = await createUser({ email: 'reset@console.test', role: 'operator' });
    const cookie = await signIn({ email: 'reset@console.test', password: created.password });
    const res = await h.request(`/api/console/users/${created.user.id}/reset-password`, {
      method: 'POST',
      headers: { cookie: cookies.admin },
    });
    const { password } = JSON.parse(res.text_).data as { password: string };
    expect(password).not.toBe(created.password);
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    await signIn({ email: 'reset@console.test', password });
    const del = await h.request(`/api/console/users/${created.user.id}`, {
      method: 'DELETE',
      headers: { cookie: cookies.admin },
    });
    expect(del.status).toBe(200);
    expect(
      (await h.request('/auth/login', { method: 'POST', json: { email: 'reset@console.test', password } })).status,
    ).toBe(401);
  });

  it('rejects a duplicate email with 409', async () => {
    const res = await h.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: cookies.admin },
      json: { email: OPERATOR.email, role: 'member' },
    });
    expect(res.status).toBe(409);
  });
});

describe('account', () => {
  it('changes the own password (current one required) and ends the other sessions only', async () => {
    const created = await createUser({ email: 'acct@console.test', role: 'member' });
    const first = await signIn({ email: 'acct@console.test', password: created.password });
    const second = await signIn({ email: 'acct@console.test', password: created.password });
    const sessions = JSON.parse(
      (await h.request('/api/console/account/sessions', { headers: { cookie: first } })).text_,
    ).data;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const wrong = await h.request('/api/console/account/password', {
      method: 'POST',
      headers: { cookie: first },
      json: { currentPassword: 'nope', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(400);
    const ok = await h.request('/api/console/account/password', {
      method: 'POST',
      headers: { cookie: first },
      json: { currentPassword: created.password, newPassword: 'a brand new password' },
    });
    expect(ok.status).toBe(200);
    expect((await h.request('/auth/me', { headers: { cookie: first } })).status).toBe(200);
    expect((await h.request('/auth/me', { headers: { cookie: second } })).status).toBe(401);
    await signIn({ email: 'acct@console.test', password: 'a brand new password' });

    const everywhere = await h.request('/api/console/account/sign-out-everywhere', {
      method: 'POST',
      headers: { cookie: first },
      json: { includeThisDevice: true },
    });
    expect(JSON.parse(everywhere.text_).data.ended).toBe(2);
    expect((await h.request('/auth/me', { headers: { cookie: first } })).status).toBe(401);
  });
});

describe('account: end one other session', () => {
  it('ends one of the own other sessions, refuses the current one and never touches another user', async () => {
    const created = await createUser({ email: 'two-devices@console.test', role: 'operator' });
    const laptop = await signIn({ email: 'two-devices@console.test', password: created.password });
    const phone = await signIn({ email: 'two-devices@console.test', password: created.password });
    const list = async (cookie: string) =>
      JSON.parse((await h.request('/api/console/account/sessions', { headers: { cookie } })).text_).data as {
        id: string;
        current: boolean;
      }[];
    const sessions = await list(laptop);
    const here = sessions.find((s) => s.current)!;
    const other = sessions.find((s) => !s.current)!;

    // Another user's session id is "not found" for this user, and stays signed in.
    const memberSession = (await list(cookies.member)).find((s) => s.current)!;
    const foreign = await h.request(`/api/console/account/sessions/${memberSession.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(foreign.status).toBe(404);
    expect((await h.request('/auth/me', { headers: { cookie: cookies.member } })).status).toBe(200);

    const current = await h.request(`/api/console/account/sessions/${here.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(current.status).toBe(409);
    expect(JSON.parse(current.text_).error).toMatch(/sign out instead/);

    const ended = await h.request(`/api/console/account/sessions/${other.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(ended.status, ended.text_).toBe(200);
    expect((await h.request('/auth/me', { headers: { cookie: phone } })).status).toBe(401);
    expect((await h.request('/auth/me', { headers: { cookie: laptop } })).status).toBe(200);
    expect((await list(laptop)).map((s) => s.id)).toEqual([here.id]);

    const again = await h.request(`/api/console/account/sessions/${other.id}`, {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(again.status).toBe(404);
    const bad = await h.request('/api/console/account/sessions/not-an-id', {
      method: 'DELETE',
      headers: { cookie: laptop },
    });
    expect(bad.status).toBe(400);

    const audit = await h.store.auditRead.all({ action: 'account.session-end' }, 10);
    expect(audit).toEqual([
      expect.objectContaining({
        target: 'two-devices@console.test',
        detail: expect.objectContaining({ session: other.id }),
      }),
    ]);
  });
});

describe('audit log', () => {
  it('has a row for each audited action, with actor, mailbox and ip', async () => {
    const cookie = cookies.member;
    await h.request('/auth/login', { method: 'POST', json: { email: MEMBER.email, password: 'wrong password' } });
    await h.request('/api/send', {
      method: 'POST',
      headers: { cookie },
      json: { from: GRANTED, to: 'x@example.org', subject: 'Audit me', domainId: 'd1', text: 'hi' },
    });
    await h.request('/api/inbox/7/move', {
      method: 'POST',
      headers: { cookie },
      json: { mailbox: GRANTED, to: 'Archive' },
    });
    await h.request(`/api/inbox/7?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
    await h.request('/api/inbox/7/read', { method: 'POST', headers: { cookie }, json: { mailbox: GRANTED } });
    await h.request(`/api/inbox/7/read?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
    const throwaway = await signIn(MEMBER);
    await h.request('/auth/logout', { method: 'POST', headers: { cookie: throwaway } });

    const rows = await h.store.auditRead.all({}, 1000);
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'login.success',
      'login.failure',
      'logout',
      'mail.send',
      'mail.move',
      'mail.delete',
      'mail.mark-read',
      'mail.mark-unread',
      'user.create',
      'user.update',
      'user.password-reset',
      'user.delete',
      'account.password-change',
      'account.sign-out-everywhere',
      'account.session-end',
    ]) {
      expect(actions, action).toContain(action);
    }
    const sent = rows.find((r) => r.action === 'mail.send')!;
    expect(sent).toMatchObject({ actorEmail: MEMBER.email, mailbox: GRANTED });
    expect(sent.detail).toMatchObject({ from: GRANTED, to: 'x@example.org', subject: 'Audit me' });
    expect(rows.find((r) => r.action === 'mail.move')).toMatchObject({ mailbox: GRANTED, target: '7' });
    const failure = rows.find((r) => r.action === 'login.failure')!;
    expect(failure.target).toBe(MEMBER.email);
    const grant = rows.find((r) => r.action === 'user.update' && r.detail?.disabled === true);
    expect(grant?.actorEmail).toBe(ADMIN.email);
  });

  it('audits refused and failed mail actions (detail.result) and idempotent replays (detail.replayed)', async () => {
    const cookie = cookies.member;
    const previous = fake.handler;
    fake.handler = (req, n) => {
      if (req.method === 'POST' && req.path.endsWith('/inbox/11/move')) {
        return Response.json({ data: null, error: 'Message not found' }, { status: 404 });
      }
      if (req.method === 'POST' && req.path.endsWith('/send') && req.body.includes('Upstream says no')) {
        return Response.json({ data: null, error: 'Domain not found or not active' }, { status: 400 });
      }
      return previous?.(req, n);
    };
    try {
      const send = (json: Record<string, unknown>, headers: Record<string, string> = {}) =>
        h.request('/api/send', { method: 'POST', headers: { cookie, ...headers }, json });
      const message = { to: 'r@example.org', domainId: 'd1', text: 'hi' };

      // Refused by the console: a mailbox that is not granted (never reaches Sentroy), invalid input.
      const before = fake.requests.length;
      expect((await send({ ...message, from: UNGRANTED, subject: 'Not my mailbox' })).status).toBe(403);
      const move = await h.request('/api/inbox/9/move', {
        method: 'POST',
        headers: { cookie },
        json: { mailbox: UNGRANTED, to: 'Archive' },
      });
      expect(move.status).toBe(403);
      const invalid = await h.request(`/api/inbox/abc?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
      expect(invalid.status).toBe(400);
      expect(fake.requests.length).toBe(before);

      // Failed: Sentroy answered with an error.
      expect((await send({ ...message, from: GRANTED, subject: 'Upstream says no' })).status).toBe(400);
      const failedMove = await h.request('/api/inbox/11/move', {
        method: 'POST',
        headers: { cookie },
        json: { mailbox: GRANTED, to: 'Archive' },
      });
      expect(failedMove.status).toBe(404);

      // Replayed: the same Idempotency-Key answers with the first result and sends nothing.
      const key = { 'Idempotency-Key': crypto.randomUUID() };
      const first = await send({ ...message, from: GRANTED, subject: 'Sent once' }, key);
      expect(first.status).toBe(201);
      const sends = fake.requests.filter((r) => r.path.endsWith('/send')).length;
      const again = await send({ ...message, from: GRANTED, subject: 'Sent once' }, key);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(fake.requests.filter((r) => r.path.endsWith('/send')).length).toBe(sends);
    } finally {
      fake.handler = previous;
    }

    const rows = await h.store.auditRead.all({ actor: MEMBER.email, action: 'mail' }, 1000);
    const find = (action: string, match: (d: Record<string, unknown>) => boolean) =>
      rows.filter((r) => r.action === action && r.detail !== null && match(r.detail));

    expect(find('mail.send', (d) => d.subject === 'Not my mailbox')).toEqual([
      expect.objectContaining({
        mailbox: UNGRANTED,
        detail: expect.objectContaining({
          result: 'refused',
          status: 403,
          error: `You do not have access to mailbox ${UNGRANTED}`,
          from: UNGRANTED,
          to: 'r@example.org',
        }),
      }),
    ]);
    expect(find('mail.move', (d) => d.uid === '9')).toEqual([
      expect.objectContaining({
        mailbox: UNGRANTED,
        target: '9',
        detail: expect.objectContaining({ result: 'refused' }),
      }),
    ]);
    expect(find('mail.delete', (d) => d.result === 'refused' && d.status === 400)).toHaveLength(1);
    expect(find('mail.send', (d) => d.subject === 'Upstream says no')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({ result: 'failed', status: 400, error: 'Domain not found or not active' }),
      }),
    ]);
    expect(find('mail.move', (d) => d.uid === 11)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ result: 'failed', status: 404 }) }),
    ]);
    const once = find('mail.send', (d) => d.subject === 'Sent once');
    expect(once.map((r) => r.detail)).toEqual([
      expect.objectContaining({ result: 'ok', replayed: true }),
      expect.objectContaining({ result: 'ok' }),
    ]);
    expect(once[1]!.detail).not.toHaveProperty('replayed');
    expect(once[0]!.detail!.jobId).toEqual(once[1]!.detail!.jobId);
  });

  it('filters by actor, action, mailbox and dates, and pages', async () => {
    const get = async (q: string) =>
      JSON.parse((await h.request(`/api/console/audit?${q}`, { headers: { cookie: cookies.admin } })).text_).data;
    const mail = await get(`action=mail&mailbox=${GRANTED}&actor=member@`);
    expect(mail.total).toBeGreaterThanOrEqual(5);
    expect(mail.entries.every((e: { action: string }) => e.action.startsWith('mail.'))).toBe(true);
    const page = await get('limit=2&page=2');
    expect(page.entries).toHaveLength(2);
    expect((await get('from=2000-01-01&to=2000-01-02')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}`)).total).toBeGreaterThan(0);
  });

  it('is append-only: SQLite refuses UPDATE and DELETE of audit_log', async () => {
    const db = await openConsoleDatabase(path.dirname(h.config.dataDir + '/x'));
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await db.destroy();
  });

  it('exports CSV with the same filters, quoted and formula-safe', async () => {
    await h.request('/api/send', {
      method: 'POST',
      headers: { cookie: cookies.member },
      json: {
        from: GRANTED,
        to: 'y@example.org',
        subject: '=HYPERLINK("http://evil","x"), "quoted"',
        domainId: 'd1',
        text: 'hi',
      },
    });
    const res = await h.request('/api/console/audit.csv?action=mail.send', { headers: { cookie: cookies.admin } });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="sentroy-console-audit-/);
    const lines = res.text_.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,actor,action,target,mailbox,ip,detail');
    expect(lines.slice(1).every((l) => l.includes(',mail.send,'))).toBe(true);
    expect(res.text_).toContain('=HYPERLINK(\\""http://evil\\"",\\""x\\""), \\""quoted\\""');
  });
});

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=cmd|"/c calc"!A0,')).toBe(`"'=cmd|""/c calc""!A0,"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('npm run users (CLI, in-process)', () => {
  it('add, list, set-role, grant, revoke, disable, reset-password on a data dir', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'users-cli-'));
    const out: string[] = [];
    const err: string[] = [];
    const run = (...argv: string[]) =>
      usersCli(argv, {
        env: { CONSOLE_DATA_DIR: dir, ...upstreamEnv() },
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
    try {
      expect(await run('add', 'Boss@Acme.example', '--role', 'admin', '--name', 'Boss')).toBe(0);
      expect(out.join('\n')).toMatch(/Password \(shown once\): \S{20,}/);
      expect(
        await run(
          'add',
          'sup@acme.example',
          '--role',
          'member',
          '--mailbox',
          'support@acme.example',
          '--password',
          'long enough pw',
        ),
      ).toBe(0);
      expect(await run('add', 'sup@acme.example', '--role', 'member')).toBe(1);
      expect(err.pop()).toMatch(/already exists/);
      expect(await run('set-role', 'sup@acme.example', 'operator')).toBe(0);
      expect(await run('grant', 'sup@acme.example', 'info@acme.example', 'News@acme-mail.example')).toBe(0);
      expect(await run('revoke', 'sup@acme.example', 'support@acme.example')).toBe(0);
      expect(await run('disable', 'sup@acme.example')).toBe(0);
      expect(await run('reset-password', 'sup@acme.example')).toBe(0);
      expect(out.at(-1)).toMatch(/^New password for sup@acme.example \(shown once\): \S{20,}$/);
      expect(await run('disable', 'boss@acme.example')).toBe(1);
      expect(err.pop()).toMatch(/At least one enabled admin/);
      expect(await run('set-role', 'sup@acme.example', 'king')).toBe(2);
      expect(await run('frobnicate')).toBe(2);
      out.length = 0;
      expect(await run('list')).toBe(0);
      expect(out).toContain('sup@acme.example\toperator\tdisabled\t\tinfo@acme.example, news@acme-mail.example');
      expect(out.some((l) => l.startsWith('boss@acme.example\tadmin\tactive\tBoss'))).toBe(true);

      const store = createConsoleStore(await openConsoleDatabase(dir));
      const audit = await store.auditRead.all({}, 100);
      expect(audit.filter((a) => a.action === 'user.create')).toHaveLength(2);
      expect(audit.every((a) => a.detail?.via === 'cli')).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('send log scope', () => {
  it('members see only their own rows; operators and admins see every row', async () => {
    await h.request('/api/send', {
      method: 'POST',
      headers: { cookie: cookies.operator },
      json: { from: UNGRANTED, to: 'z@example.org', subject: 'Operator send', domainId: 'd1', text: 'hi' },
    });
    const rows = async (role: ConsoleRole) => {
      const res = await h.request('/api/console/send-log?limit=100', { headers: { cookie: cookies[role] } });
      return (JSON.parse(res.text_).data.items as { user: { email: string } | null }[]).map((i) => i.user?.email);
    };
    const member = await rows('member');
    expect(member.length).toBeGreaterThan(0);
    expect(new Set(member)).toEqual(new Set([MEMBER.email]));
    expect(await rows('operator')).toContain(MEMBER.email);
    expect(await rows('admin')).toContain(OPERATOR.email);
  });
});
