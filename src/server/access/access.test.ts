import { describe, expect, it } from 'vitest';
import type { ConsoleRole } from '@contract/index';
import { createHarness } from '../test-support';
import { GRANTED, UNGRANTED, useAccessFixture } from './access-fixture';
import { findRoutePolicy } from './route-policy';

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
const f = useAccessFixture();

const appRoutes = () => [
  ...new Set(f.h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
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
    const allRoutes = f.h.app.routes.filter((r) => r.method === 'ALL').map((r) => r.path);
    // '/*': the app-wide middleware; the two large-body paths: the concurrent large-send gate (app.use, not routes).
    expect(new Set(allRoutes)).toEqual(new Set(['/*', '/api/send', '/api/inbox/drafts']));
  });

  it('a route without a policy is refused for everyone, admins included (default deny)', async () => {
    const fresh = await createHarness({ upstreamUrl: f.fake.url });
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
    const cookie = expectation === 'public' ? undefined : f.cookies[role];
    const res = await f.h.request(url, { ...init, headers: cookie ? { cookie } : {} });

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
      const res = await f.h.request(url, init);
      expect(res.status, key).toBe(401);
    }
  });

  it('a refused request never reaches Sentroy', async () => {
    const before = f.fake.requests.length;
    const res = await f.h.request(`/api/inbox?mailbox=${UNGRANTED}`, { headers: { cookie: f.cookies.member } });
    expect(res.status).toBe(403);
    expect(f.fake.requests.length).toBe(before);
  });

  it('mailbox spelling does not get around a grant (case, spaces)', async () => {
    for (const m of [' INFO@acme.example ', 'Info@Acme.Example']) {
      const res = await f.h.request(`/api/inbox?mailbox=${encodeURIComponent(m)}`, {
        headers: { cookie: f.cookies.member },
      });
      expect(res.status).toBe(403);
    }
    const ok = await f.h.request(`/api/inbox?mailbox=${encodeURIComponent(' Support@ACME.example')}`, {
      headers: { cookie: f.cookies.member },
    });
    expect(ok.status).toBe(200);
  });

  it('GET /api/mailboxes: members get their granted mailboxes only, operators and admins all', async () => {
    const list = async (role: ConsoleRole) =>
      (
        JSON.parse((await f.h.request('/api/mailboxes', { headers: { cookie: f.cookies[role] } })).text_).data as {
          email: string;
        }[]
      ).map((m) => m.email);
    expect(await list('member')).toEqual([GRANTED]);
    expect(await list('operator')).toHaveLength(3);
    expect(await list('admin')).toHaveLength(3);
  });

  it('/auth/me carries the grants', async () => {
    const res = await f.h.request('/auth/me', { headers: { cookie: f.cookies.member } });
    expect(JSON.parse(res.text_).data).toMatchObject({ user: { role: 'member' }, mailboxGrants: [GRANTED] });
  });
});
