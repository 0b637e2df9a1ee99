import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TRIGGER_HEADER, parseConsoleTrigger } from '@contract/console-trigger';
import type { AppDeps, AppEnv, SessionContext } from '../app-types';
import type { AuditEntry } from '../db/store';
import { auditSentroyAction } from './sentroy-hooks';

describe('parseConsoleTrigger', () => {
  it('only the word auto is automatic; missing, unknown or hostile values are a user action', () => {
    expect(parseConsoleTrigger('auto')).toBe('auto');
    expect(parseConsoleTrigger(' AUTO ')).toBe('auto');
    expect(parseConsoleTrigger('user')).toBe('user');
    expect(parseConsoleTrigger(undefined)).toBe('user');
    expect(parseConsoleTrigger('')).toBe('user');
    expect(parseConsoleTrigger('auto\r\nX-Evil: 1')).toBe('user');
    expect(parseConsoleTrigger('automatic')).toBe('user');
  });
});

/** Runs the audit hook for one action inside a real Hono request, recording what it writes. */
async function auditOf(name: 'markRead' | 'markUnread', headers: Record<string, string>) {
  const written: AuditEntry[] = [];
  const deps = {
    store: { audit: { write: async (entry: AuditEntry) => void written.push(entry) } },
    config: { trustProxy: 0, publicOrigin: undefined },
    now: () => new Date('2026-12-03T12:00:00Z'),
  } as unknown as Pick<AppDeps, 'store' | 'config' | 'now'>;
  const app = new Hono<AppEnv>().post('/api/inbox/:uid/read', async (c) => {
    c.set('session', { user: { id: 'u1', email: 'admin@acme.example' } } as unknown as SessionContext);
    await auditSentroyAction(
      c,
      deps,
      name,
      { params: { uid: 7 }, query: undefined, body: { mailbox: 'support@acme.example', folder: 'INBOX' } },
      { result: 'ok' },
    );
    return c.text('ok');
  });
  const res = await app.request('/api/inbox/7/read', { method: 'POST', headers });
  expect(res.status).toBe(200);
  expect(written).toHaveLength(1);
  return written[0]!;
}

describe('mark-read audit rows say who asked', () => {
  it('the reader’s auto-read timer is recorded as trigger auto', async () => {
    const row = await auditOf('markRead', { [CONSOLE_TRIGGER_HEADER]: 'auto' });
    expect(row.action).toBe('mail.mark-read');
    expect(row.detail).toMatchObject({ uid: 7, folder: 'INBOX', trigger: 'auto', result: 'ok' });
  });

  it('a user’s mark-read (no header, or anything else) is recorded as trigger user', async () => {
    expect((await auditOf('markRead', {})).detail).toMatchObject({ trigger: 'user' });
    expect((await auditOf('markRead', { [CONSOLE_TRIGGER_HEADER]: '<b>auto</b>' })).detail).toMatchObject({
      trigger: 'user',
    });
  });

  it('mark-unread is always the user’s: no trigger field', async () => {
    const row = await auditOf('markUnread', { [CONSOLE_TRIGGER_HEADER]: 'auto' });
    expect(row.detail).not.toHaveProperty('trigger');
  });
});
