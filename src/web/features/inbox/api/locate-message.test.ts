// @vitest-environment jsdom
import type { MessageDetail } from '@contract/index';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, mockApi, ok } from '@web/testing/mock-api';
import { locateMessage } from './locate-message';

const detail = (messageId: string | null): MessageDetail => ({
  uid: 3,
  subject: 's',
  from: { name: '', address: 'a@b.c' },
  to: [],
  cc: [],
  replyTo: null,
  date: '2026-03-01T00:00:00Z',
  seen: true,
  flagged: false,
  textBody: 'x',
  htmlBody: null,
  attachments: [],
  headers: {},
  messageId,
  inReplyTo: null,
  references: [],
  category: 'primary',
});

/** UID 3 exists in INBOX, Sent and Archive; only Archive's is the wanted message. */
function mockFolders(byFolder: Record<string, MessageDetail | null>) {
  return mockApi({
    'GET /api/inbox/3': ({ url }) => {
      const found = byFolder[url.searchParams.get('folder') ?? ''];
      return found ? ok(found) : fail(404, 'HTTP 404: Message not found');
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('locateMessage', () => {
  const folders = ['INBOX', 'Sent', 'Drafts', 'Archive'];

  it('finds the folder whose message with that UID has the Message-ID', async () => {
    mockFolders({ INBOX: detail('<other@x>'), Sent: detail('<sent@x>'), Archive: detail('<Wanted@X>') });
    const found = await locateMessage('support@acme.example', 3, '<wanted@x>', folders);
    expect(found?.folder).toBe('Archive');
    expect(found?.uid).toBe(3);
  });

  it('is null when no folder holds it any more', async () => {
    mockFolders({ INBOX: detail('<other@x>') });
    expect(await locateMessage('support@acme.example', 3, '<gone@x>', folders)).toBeNull();
  });

  it('without a Message-ID only an unambiguous UID counts', async () => {
    mockFolders({ Archive: detail(null) });
    expect((await locateMessage('support@acme.example', 3, null, folders))?.folder).toBe('Archive');
    mockFolders({ Archive: detail(null), INBOX: detail('<x@y>') });
    expect(await locateMessage('support@acme.example', 3, null, folders)).toBeNull();
  });

  it('fails on other errors instead of pretending the message is gone', async () => {
    mockApi({ 'GET /api/inbox/3': () => fail(503, 'HTTP 503: IMAP service unavailable') });
    await expect(locateMessage('support@acme.example', 3, '<x@y>', folders)).rejects.toThrow('IMAP service');
  });
});
