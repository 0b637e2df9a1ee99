import { describe, expect, it } from 'vitest';
import { buildThreads, normalizeMessageId, threadContaining, type ThreadableMessage } from './threading';

let n = 0;
function msg(partial: Partial<ThreadableMessage> & { subject: string }): ThreadableMessage {
  n += 1;
  return {
    key: partial.key ?? `k${n}`,
    messageId: partial.messageId ?? null,
    inReplyTo: partial.inReplyTo ?? null,
    references: partial.references ?? [],
    subject: partial.subject,
    date: partial.date ?? new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  };
}

const keysOf = (threads: ReturnType<typeof buildThreads>) => threads.map((t) => t.messages.map((m) => m.key));

describe('buildThreads', () => {
  it('joins a chain by References and In-Reply-To, oldest first', () => {
    const a = msg({ key: 'a', messageId: '<a@x>', subject: 'Plan', date: '2026-01-01T10:00:00Z' });
    const b = msg({
      key: 'b',
      messageId: '<b@x>',
      inReplyTo: '<a@x>',
      references: ['<a@x>'],
      subject: 'Re: Plan',
      date: '2026-01-01T11:00:00Z',
    });
    const c = msg({
      key: 'c',
      messageId: '<c@x>',
      inReplyTo: '<b@x>',
      references: ['<a@x> <b@x>'],
      subject: 'Re: Plan',
      date: '2026-01-01T12:00:00Z',
    });
    expect(keysOf(buildThreads([c, a, b]))).toEqual([['a', 'b', 'c']]);
  });

  it('joins a reply whose subject was renamed, by its headers', () => {
    const a = msg({ key: 'a', messageId: '<a@x>', subject: 'Contract renewal' });
    const b = msg({
      key: 'b',
      messageId: '<b@x>',
      inReplyTo: '<a@x>',
      subject: 'Updated terms attached (was: renewal)',
    });
    expect(keysOf(buildThreads([a, b]))).toEqual([['a', 'b']]);
  });

  it('keeps two unrelated mails with the same subject apart', () => {
    const a = msg({ key: 'a', messageId: '<inv1@x>', subject: 'Invoice' });
    const b = msg({ key: 'b', messageId: '<inv2@y>', subject: 'Invoice' });
    const threads = buildThreads([a, b]);
    expect(threads).toHaveLength(2);
    expect(threadContaining([a, b], 'a')?.messages.map((m) => m.key)).toEqual(['a']);
  });

  it('puts replies to two different invoices in their own thread', () => {
    const a = msg({ key: 'a', messageId: '<inv1@x>', subject: 'Invoice', date: '2026-01-01T00:00:00Z' });
    const b = msg({ key: 'b', messageId: '<inv2@y>', subject: 'Invoice', date: '2026-01-02T00:00:00Z' });
    const ra = msg({
      key: 'ra',
      messageId: '<ra@x>',
      inReplyTo: '<inv1@x>',
      subject: 'Re: Invoice',
      date: '2026-01-03T00:00:00Z',
    });
    expect(threadContaining([a, b, ra], 'ra')?.messages.map((m) => m.key)).toEqual(['a', 'ra']);
  });

  it('joins a headerless "Re:" by subject only, and only to an earlier thread', () => {
    const a = msg({ key: 'a', messageId: '<a@x>', subject: 'Meeting next Tuesday', date: '2026-01-01T00:00:00Z' });
    const r = msg({ key: 'r', messageId: '<r@x>', subject: 'RE: meeting next tuesday', date: '2026-01-02T00:00:00Z' });
    const early = msg({ key: 'e', messageId: '<e@x>', subject: 'Re: Something else', date: '2025-12-01T00:00:00Z' });
    const later = msg({ key: 'l', messageId: '<l@x>', subject: 'Something else', date: '2026-01-05T00:00:00Z' });
    const threads = buildThreads([a, r, early, later]);
    expect(threadContaining([a, r, early, later], 'r')?.messages.map((m) => m.key)).toEqual(['a', 'r']);
    expect(threads).toHaveLength(3);
  });

  it('groups siblings under a missing parent', () => {
    const b = msg({ key: 'b', messageId: '<b@x>', inReplyTo: '<gone@x>', subject: 'Re: Lost' });
    const c = msg({ key: 'c', messageId: '<c@x>', references: ['<gone@x>'], subject: 'Re: Lost' });
    expect(keysOf(buildThreads([b, c]))).toEqual([['b', 'c']]);
  });

  it('survives reference cycles and self references', () => {
    const a = msg({
      key: 'a',
      messageId: '<a@x>',
      inReplyTo: '<b@x>',
      references: ['<a@x>', '<b@x>'],
      subject: 'Loop',
    });
    const b = msg({
      key: 'b',
      messageId: '<b@x>',
      inReplyTo: '<a@x>',
      references: ['<b@x>', '<a@x>'],
      subject: 'Re: Loop',
    });
    const threads = buildThreads([a, b]);
    expect(threads.flatMap((t) => t.messages.map((m) => m.key)).sort()).toEqual(['a', 'b']);
    expect(threads).toHaveLength(1);
  });

  it('keeps messages without or with duplicate Message-IDs', () => {
    const a = msg({ key: 'a', messageId: null, subject: 'One' });
    const b = msg({ key: 'b', messageId: '<dup@x>', subject: 'Two' });
    const c = msg({ key: 'c', messageId: '<dup@x>', subject: 'Two' });
    expect(buildThreads([a, b, c]).flatMap((t) => t.messages)).toHaveLength(3);
  });

  it('orders threads by their newest message', () => {
    const old = msg({ key: 'old', messageId: '<o@x>', subject: 'Old', date: '2026-01-01T00:00:00Z' });
    const fresh = msg({ key: 'new', messageId: '<n@x>', subject: 'New', date: '2026-01-02T00:00:00Z' });
    const reply = msg({
      key: 'r',
      messageId: '<r@x>',
      inReplyTo: '<o@x>',
      subject: 'Re: Old',
      date: '2026-01-03T00:00:00Z',
    });
    expect(buildThreads([old, fresh, reply]).map((t) => t.key)).toEqual(['old', 'new']);
  });
});

describe('normalizeMessageId', () => {
  it('strips brackets and case', () => {
    expect(normalizeMessageId(' <AbC@Example.COM> ')).toBe('abc@example.com');
    expect(normalizeMessageId('')).toBeNull();
  });
});
