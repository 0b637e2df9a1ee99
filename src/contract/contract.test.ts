import { describe, expect, it } from 'vitest';
import {
  buildPath,
  folderPathSchema,
  listMessagesQuerySchema,
  mailboxAddressSchema,
  moveBodySchema,
  resolveLocalized,
  resourceIdSchema,
  sendRequestSchema,
  sentroyEndpoints,
  uidSchema,
} from './index';

describe('path parameters', () => {
  it.each(['1', '42', '4294967295'])('accepts uid %s', (uid) => {
    expect(uidSchema.parse(uid)).toBe(Number(uid));
  });
  it.each(['0', '-1', 'abc', '1.5', '4294967296', '', '1e3x'])('rejects uid %j', (uid) => {
    expect(uidSchema.safeParse(uid).success).toBe(false);
  });
  it.each(['a1b2c3d4-0000-4000-8000-000000000000', 'job_42', 'x.y'])('accepts id %s', (id) => {
    expect(resourceIdSchema.parse(id)).toBe(id);
  });
  it.each(['..', 'a/b', 'a..b', '../etc', '.hidden', 'a\\b', 'a b', '%2F', ''])('rejects id %j', (id) => {
    expect(resourceIdSchema.safeParse(id).success).toBe(false);
  });
  it('encodes each parameter as one path segment', () => {
    expect(buildPath('/inbox/:uid/attachments/:partId/download', { uid: 7, partId: '1.2' })).toBe(
      '/inbox/7/attachments/1.2/download',
    );
    expect(buildPath('/domains/:id', { id: 'a b/c' })).toBe('/domains/a%20b%2Fc');
    expect(() => buildPath('/domains/:id', {})).toThrow(/missing path parameter id/);
  });
});

describe('inbox parameters', () => {
  it('normalises the mailbox address and requires one', () => {
    expect(mailboxAddressSchema.parse(' Info@Acme.Example ')).toBe('info@acme.example');
    expect(mailboxAddressSchema.safeParse('INBOX').success).toBe(false);
  });
  it('allows folder hierarchies but not traversal or control characters', () => {
    expect(folderPathSchema.parse('Projects/2026')).toBe('Projects/2026');
    expect(folderPathSchema.safeParse('Projects/../INBOX').success).toBe(false);
    expect(folderPathSchema.safeParse('IN\nBOX').success).toBe(false);
  });
  it('bounds page and limit and reads query booleans', () => {
    const q = listMessagesQuerySchema.parse({ mailbox: 'info@acme.example', page: '2', limit: '50', unread: 'true' });
    expect(q).toMatchObject({ page: 2, limit: 50, unread: true });
    expect(listMessagesQuerySchema.safeParse({ mailbox: 'info@acme.example', limit: '201' }).success).toBe(false);
    expect(listMessagesQuerySchema.safeParse({ mailbox: 'info@acme.example', page: '0' }).success).toBe(false);
    expect(listMessagesQuerySchema.safeParse({ mailbox: 'info@acme.example', unread: 'yes' }).success).toBe(false);
  });
  it('requires a destination folder to move to', () => {
    const result = moveBodySchema.safeParse({ to: '  ', mailbox: 'info@acme.example' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Destination folder is required');
  });
});

describe('send request', () => {
  const base = { from: 'info@acme.example', subject: 'Hi', domainId: 'd1', html: '<p>x</p>' };
  it('takes one address in to', () => {
    expect(sendRequestSchema.safeParse({ ...base, to: 'a@b.example' }).success).toBe(true);
    expect(sendRequestSchema.safeParse({ ...base, to: ['a@b.example', 'c@d.example'] }).success).toBe(false);
  });
  it('takes a recipients batch instead of to, not both', () => {
    expect(sendRequestSchema.safeParse({ ...base, recipients: [{ to: 'a@b.example' }] }).success).toBe(true);
    expect(
      sendRequestSchema.safeParse({ ...base, to: 'a@b.example', recipients: [{ to: 'c@d.example' }] }).success,
    ).toBe(false);
    expect(sendRequestSchema.safeParse({ ...base }).success).toBe(false);
  });
  it('needs a template, html or text', () => {
    const result = sendRequestSchema.safeParse({ ...base, html: undefined, to: 'a@b.example' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('Either templateId, html, or text must be provided');
  });
  it('refuses reserved and multi-line headers', () => {
    expect(sendRequestSchema.safeParse({ ...base, to: 'a@b.example', headers: { 'X-Campaign': 'q4' } }).success).toBe(
      true,
    );
    expect(sendRequestSchema.safeParse({ ...base, to: 'a@b.example', headers: { From: 'x@y.z' } }).success).toBe(false);
    expect(sendRequestSchema.safeParse({ ...base, to: 'a@b.example', headers: { 'X-A': 'a\r\nBcc: x' } }).success).toBe(
      false,
    );
  });
  it('requires scheduledAt in ISO 8601 UTC', () => {
    expect(
      sendRequestSchema.safeParse({ ...base, to: 'a@b.example', scheduledAt: '2026-12-01T10:00:00Z' }).success,
    ).toBe(true);
    expect(sendRequestSchema.safeParse({ ...base, to: 'a@b.example', scheduledAt: 'tomorrow' }).success).toBe(false);
  });
});

describe('localized values', () => {
  const value = { tr: 'Merhaba', en: 'Hello', de: 'Hallo' };
  it('chooses requested → en → first', () => {
    expect(resolveLocalized(value, 'tr')).toBe('Merhaba');
    expect(resolveLocalized(value, 'fr')).toBe('Hello');
    expect(resolveLocalized({ tr: 'Merhaba', de: 'Hallo' }, 'fr')).toBe('Merhaba');
    expect(resolveLocalized('Plain', 'tr')).toBe('Plain');
    expect(resolveLocalized(null)).toBe('');
  });
});

describe('endpoint table', () => {
  it('covers every endpoint of the published reference', () => {
    const reference = Object.values(sentroyEndpoints)
      .filter((e) => e.inReference)
      .map((e) => `${e.method} ${e.path}`)
      .sort();
    expect(reference).toEqual(
      [
        'GET /domains',
        'GET /domains/:id',
        'GET /mailboxes',
        'GET /templates',
        'GET /templates/:id',
        'POST /send',
        'GET /inbox',
        'GET /inbox/:uid',
        'GET /inbox/mailboxes',
        'GET /inbox/thread',
        'POST /inbox/:uid/read',
        'DELETE /inbox/:uid/read',
        'POST /inbox/:uid/move',
        'DELETE /inbox/:uid',
      ].sort(),
    );
  });
});
