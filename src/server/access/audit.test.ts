import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsoleRole } from '@contract/index';
import { main as usersCli } from '../cli/users';
import { createConsoleStore, openConsoleDatabase } from '../db/index';
import { GRANTED, MEMBER, OPERATOR, UNGRANTED, useAccessFixture } from './access-fixture';
import { csvCell, toCsv } from './csv';

/** The audit log and its CSV, the users CLI, and the send log's scope per role (issue #5). */
const f = useAccessFixture();

describe('audit log', () => {
  it('has a row for each audited action, with actor, mailbox and ip', async () => {
    const cookie = f.cookies.member;
    await f.h.request('/auth/login', { method: 'POST', json: { email: MEMBER.email, password: 'wrong password' } });
    await f.h.request('/api/send', {
      method: 'POST',
      headers: { cookie },
      json: { from: GRANTED, to: 'x@example.org', subject: 'Audit me', domainId: 'd1', text: 'hi' },
    });
    await f.h.request('/api/inbox/7/move', {
      method: 'POST',
      headers: { cookie },
      json: { mailbox: GRANTED, to: 'Archive' },
    });
    await f.h.request(`/api/inbox/7?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
    await f.h.request('/api/inbox/7/read', { method: 'POST', headers: { cookie }, json: { mailbox: GRANTED } });
    await f.h.request(`/api/inbox/7/read?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
    const throwaway = await f.signIn(MEMBER);
    await f.h.request('/auth/logout', { method: 'POST', headers: { cookie: throwaway } });

    const rows = await f.h.store.auditRead.all({}, 1000);
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
    ]) {
      expect(actions, action).toContain(action);
    }
    const sent = rows.find((r) => r.action === 'mail.send')!;
    expect(sent).toMatchObject({ actorEmail: MEMBER.email, mailbox: GRANTED });
    expect(sent.detail).toMatchObject({ from: GRANTED, to: 'x@example.org', subject: 'Audit me' });
    expect(rows.find((r) => r.action === 'mail.move')).toMatchObject({ mailbox: GRANTED, target: '7' });
    const failure = rows.find((r) => r.action === 'login.failure')!;
    expect(failure.target).toBe(MEMBER.email);
    // user.* and account.* rows: user-admin.test.ts.
  });

  it('audits refused and failed mail actions (detail.result) and idempotent replays (detail.replayed)', async () => {
    const cookie = f.cookies.member;
    const previous = f.fake.handler;
    f.fake.handler = (req, n) => {
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
        f.h.request('/api/send', { method: 'POST', headers: { cookie, ...headers }, json });
      const message = { to: 'r@example.org', domainId: 'd1', text: 'hi' };

      // Refused by the console: a mailbox that is not granted (never reaches Sentroy), invalid input.
      const before = f.fake.requests.length;
      expect((await send({ ...message, from: UNGRANTED, subject: 'Not my mailbox' })).status).toBe(403);
      const move = await f.h.request('/api/inbox/9/move', {
        method: 'POST',
        headers: { cookie },
        json: { mailbox: UNGRANTED, to: 'Archive' },
      });
      expect(move.status).toBe(403);
      const invalid = await f.h.request(`/api/inbox/abc?mailbox=${GRANTED}`, { method: 'DELETE', headers: { cookie } });
      expect(invalid.status).toBe(400);
      expect(f.fake.requests.length).toBe(before);

      // Failed: Sentroy answered with an error.
      expect((await send({ ...message, from: GRANTED, subject: 'Upstream says no' })).status).toBe(400);
      const failedMove = await f.h.request('/api/inbox/11/move', {
        method: 'POST',
        headers: { cookie },
        json: { mailbox: GRANTED, to: 'Archive' },
      });
      expect(failedMove.status).toBe(404);

      // Replayed: the same Idempotency-Key answers with the first result and sends nothing.
      const key = { 'Idempotency-Key': crypto.randomUUID() };
      const first = await send({ ...message, from: GRANTED, subject: 'Sent once' }, key);
      expect(first.status).toBe(201);
      const sends = f.fake.requests.filter((r) => r.path.endsWith('/send')).length;
      const again = await send({ ...message, from: GRANTED, subject: 'Sent once' }, key);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(f.fake.requests.filter((r) => r.path.endsWith('/send')).length).toBe(sends);
    } finally {
      f.fake.handler = previous;
    }

    const rows = await f.h.store.auditRead.all({ actor: MEMBER.email, action: 'mail' }, 1000);
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
      JSON.parse((await f.h.request(`/api/console/audit?${q}`, { headers: { cookie: f.cookies.admin } })).text_).data;
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
    const db = await openConsoleDatabase(path.dirname(f.h.config.dataDir + '/x'));
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await db.destroy();
  });

  it('exports CSV with the same filters, quoted and formula-safe', async () => {
    await f.h.request('/api/send', {
      method: 'POST',
      headers: { cookie: f.cookies.member },
      json: {
        from: GRANTED,
        to: 'y@example.org',
        subject: '=HYPERLINK("http://evil","x"), "quoted"',
        domainId: 'd1',
        text: 'hi',
      },
    });
    const res = await f.h.request('/api/console/audit.csv?action=mail.send', { headers: { cookie: f.cookies.admin } });
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
        env: { CONSOLE_DATA_DIR: dir, ...f.upstreamEnv() },
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
    await f.h.request('/api/send', {
      method: 'POST',
      headers: { cookie: f.cookies.operator },
      json: { from: UNGRANTED, to: 'z@example.org', subject: 'Operator send', domainId: 'd1', text: 'hi' },
    });
    const rows = async (role: ConsoleRole) => {
      const res = await f.h.request('/api/console/send-log?limit=100', { headers: { cookie: f.cookies[role] } });
      return (JSON.parse(res.text_).data.items as { user: { email: string } | null }[]).map((i) => i.user?.email);
    };
    const member = await rows('member');
    expect(member.length).toBeGreaterThan(0);
    expect(new Set(member)).toEqual(new Set([MEMBER.email]));
    expect(await rows('operator')).toContain(MEMBER.email);
    expect(await rows('admin')).toContain(OPERATOR.email);
  });
});
