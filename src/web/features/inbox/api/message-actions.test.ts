import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, ok } from '@web/testing/mock-api';
import { markRead } from './message-actions';

afterEach(() => vi.unstubAllGlobals());

const triggerOf = (init: RequestInit | undefined) => new Headers(init?.headers).get('X-Console-Trigger');

describe('markRead', () => {
  it('tells the BFF whether the auto-read timer or the user asked (for the audit log)', async () => {
    const api = mockApi({ 'POST /api/inbox/7/read': () => ok({ success: true, message: 'Marked as read' }) });
    await markRead('support@acme.example', 'INBOX', 7, 'auto');
    await markRead('support@acme.example', 'INBOX', 7);
    const [auto, user] = api.fetchMock.mock.calls.map(([, init]) => init);
    expect(triggerOf(auto)).toBe('auto');
    expect(triggerOf(user)).toBe('user');
    expect(JSON.parse(String(auto?.body))).toEqual({ mailbox: 'support@acme.example', folder: 'INBOX' });
  });
});
