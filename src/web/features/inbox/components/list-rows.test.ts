import type { MessageSummary } from '@contract/index';
import { describe, expect, it } from 'vitest';
import { conversationRows, messageRow } from './list-rows';

const SELF = 'support@acme.example';

let uid = 0;
function summary(p: Partial<MessageSummary> & { subject: string; date: string }): MessageSummary {
  uid += 1;
  return {
    uid: p.uid ?? uid,
    subject: p.subject,
    from: p.from ?? { name: 'Maria Garcia', address: 'maria@globex.example' },
    to: [{ name: '', address: SELF }],
    date: p.date,
    seen: p.seen ?? true,
    flagged: false,
    size: 10,
    hasAttachments: p.hasAttachments ?? false,
    preview: '',
    messageId: p.messageId ?? null,
    inReplyTo: p.inReplyTo ?? null,
    category: 'primary',
  };
}

const me = { name: 'Acme Support', address: SELF };

describe('conversationRows', () => {
  const first = summary({ subject: 'Invoice', messageId: '<a@g>', date: '2026-03-01T08:00:00Z', uid: 1 });
  const answer = summary({
    subject: 'Re: Invoice',
    messageId: '<b@acme>',
    inReplyTo: '<a@g>',
    from: me,
    date: '2026-03-01T09:00:00Z',
    uid: 1,
  });
  const followUp = summary({
    subject: 'Re: Invoice',
    messageId: '<c@g>',
    inReplyTo: '<b@acme>',
    date: '2026-03-01T10:00:00Z',
    seen: false,
    hasAttachments: true,
    uid: 2,
  });
  const otherInvoice = summary({ subject: 'Invoice', messageId: '<d@h>', date: '2026-03-02T08:00:00Z', uid: 3 });

  it('links a reply to the first mail through your answer in Sent, which counts but is not shown', () => {
    const rows = conversationRows([otherInvoice, followUp, first], SELF, [answer]);
    expect(rows.map((r) => r.messages.map((m) => m.uid))).toEqual([[3], [1, 2]]);
    const thread = rows[1]!;
    expect(thread.message).toBe(followUp);
    expect(thread.size).toBe(3);
    expect(thread.participants).toEqual(['Maria Garcia', 'me']);
    expect(thread.unread).toBe(true);
    expect(thread.hasAttachments).toBe(true);
    // Two unrelated "Invoice" mails stay apart.
    expect(rows[0]!.size).toBe(1);
    expect(rows[0]!.participants).toEqual([]);
  });

  it('without the linking answer the reply stands alone (no guess by subject for a reply with headers)', () => {
    const rows = conversationRows([followUp, first], SELF);
    expect(rows.map((r) => r.messages.map((m) => m.uid))).toEqual([[2], [1]]);
  });

  it('orders conversations by the newest message this folder holds and keeps UID-colliding rows apart', () => {
    const a = summary({ subject: 'A', messageId: '<x@1>', date: '2026-03-05T08:00:00Z', uid: 7 });
    const b = summary({ subject: 'B', messageId: '<y@1>', date: '2026-03-06T08:00:00Z', uid: 7 });
    const rows = conversationRows([a, b], SELF, [
      summary({ subject: 'Re: A', messageId: '<z@1>', inReplyTo: '<x@1>', from: me, date: '2026-03-09T00:00:00Z' }),
    ]);
    expect(rows.map((r) => r.message.subject)).toEqual(['B', 'A']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('ignores a linking copy of a message that the folder already shows', () => {
    const rows = conversationRows([first], SELF, [first]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.size).toBe(1);
  });
});

describe('messageRow', () => {
  it('is one message, keyed by UID and Message-ID', () => {
    const row = messageRow(first());
    expect(row.size).toBe(1);
    expect(row.key).toBe('m42|<m@x>');
    expect(row.unread).toBe(true);
  });
  function first() {
    return summary({ subject: 'x', messageId: '<m@x>', date: '2026-03-01T00:00:00Z', uid: 42, seen: false });
  }
});
