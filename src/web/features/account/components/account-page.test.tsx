// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountSession } from '@contract/index';
import { createQueryClient } from '@web/lib/query-client';
import { fail, mockApi, ok, type MockRoute } from '@web/testing/mock-api';
import { AccountPage } from './account-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UA = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

const session = (id: string, patch: Partial<AccountSession> = {}): AccountSession => ({
  id,
  createdAt: '2026-01-10T08:00:00.000Z',
  lastSeenAt: '2026-01-10T09:00:00.000Z',
  expiresAt: '2026-01-17T09:00:00.000Z',
  ip: '10.0.0.1',
  userAgent: UA.firefoxLinux,
  current: false,
  ...patch,
});

function accountApi(extra: Record<string, MockRoute> = {}) {
  let sessions = [
    session('aaaaaaaaaaaaaaaa', { current: true, userAgent: UA.chromeMac, ip: '10.0.0.9' }),
    session('bbbbbbbbbbbbbbbb', { userAgent: UA.safariIphone, ip: '10.0.0.2', lastSeenAt: '2026-01-10T10:00:00.000Z' }),
    session('cccccccccccccccc'),
  ];
  const bodies: unknown[] = [];
  const api = mockApi({
    'GET /api/console/account/sessions': () => ok(sessions),
    'DELETE /api/console/account/sessions/bbbbbbbbbbbbbbbb': () => {
      sessions = sessions.filter((s) => s.id !== 'bbbbbbbbbbbbbbbb');
      return ok({ ended: 1 });
    },
    'POST /api/console/account/password': ({ init }) => {
      const body = JSON.parse(String(init?.body)) as { currentPassword: string };
      bodies.push(body);
      return body.currentPassword === 'the old password'
        ? ok({ message: 'Password changed', otherSessionsEnded: 2 })
        : fail(400, 'The current password is not correct');
    },
    'POST /api/console/account/sign-out-everywhere': ({ init }) => {
      bodies.push(JSON.parse(String(init?.body)));
      sessions = sessions.filter((s) => s.current);
      return ok({ ended: 2 });
    },
    ...extra,
  });
  return { ...api, bodies };
}

function renderPage() {
  const onError = vi.fn();
  const onSignedOutHere = vi.fn();
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError });
  render(
    <QueryClientProvider client={queryClient}>
      <AccountPage onSignedOutHere={onSignedOutHere} />
    </QueryClientProvider>,
  );
  return { onError, onSignedOutHere, user: userEvent.setup() };
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Your active sessions' }))
    .getAllByRole('row')
    .slice(1);

describe('AccountPage', () => {
  it('lists the sessions, marks this device, and ends one other session', async () => {
    const api = accountApi();
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'Your active sessions' });
    expect(rows()).toHaveLength(3);
    // Readable device names, this device first and marked.
    expect(rows()[0]!.textContent).toContain('Chrome on macOS');
    expect(rows()[0]!.textContent).toContain('this device');
    expect(rows()[1]!.textContent).toContain('Safari on iPhone');
    expect(rows()[2]!.textContent).toContain('Firefox on Linux');
    expect(screen.queryByText(/Mozilla/)).toBeNull();
    // No button to end the session in use: that is "Sign out".
    expect(within(rows()[0]!).queryByRole('button')).toBeNull();

    await user.click(
      screen.getByRole('button', { name: /^Sign out the session on Safari on iPhone from 10\.0\.0\.2/ }),
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(api.calls).toContain('DELETE /api/console/account/sessions/bbbbbbbbbbbbbbbb');
    expect(screen.queryByText('Safari on iPhone')).toBeNull();
  });

  it('keeps the list short: this device and the newest others, the rest behind "Show all"', async () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      session(`${i}`.repeat(16), {
        current: i === 8,
        lastSeenAt: `2026-01-1${i}T09:00:00.000Z`,
        userAgent: i === 8 ? UA.chromeMac : UA.firefoxLinux,
        ip: `10.0.1.${i}`,
      }),
    );
    accountApi({ 'GET /api/console/account/sessions': () => ok(many) });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'Your active sessions' });
    expect(screen.getByRole('heading', { name: 'Active sessions (9)' })).toBeTruthy();
    expect(rows()).toHaveLength(4);
    expect(rows()[0]!.textContent).toContain('this device');
    // The others newest first: last seen on the 17th, 16th, 15th.
    expect(rows().map((r) => r.textContent?.match(/10\.0\.1\.\d/)?.[0])).toEqual([
      '10.0.1.8',
      '10.0.1.7',
      '10.0.1.6',
      '10.0.1.5',
    ]);
    const more = screen.getByRole('button', { name: 'Show all 9 sessions' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(rows()).toHaveLength(9);
    await user.click(screen.getByRole('button', { name: 'Show fewer sessions' }));
    expect(rows()).toHaveLength(4);
  });

  it('styles the buttons that end sessions as destructive', async () => {
    accountApi();
    renderPage();
    await screen.findByRole('table', { name: 'Your active sessions' });
    for (const name of [/^Sign out the session on Safari/, 'Sign out all other sessions', 'Sign out everywhere']) {
      expect(screen.getByRole('button', { name }).className).toContain('bg-red-600');
    }
  });

  it('puts a session back and toasts when ending it is refused', async () => {
    accountApi({
      'DELETE /api/console/account/sessions/cccccccccccccccc': () =>
        fail(404, 'This session does not exist or has already ended'),
    });
    const { user, onError } = renderPage();
    await screen.findByRole('table', { name: 'Your active sessions' });
    await user.click(screen.getByRole('button', { name: /^Sign out the session on Firefox on Linux/ }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith('This session does not exist or has already ended'));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('changes the password (current one required) and shows a wrong one next to the form', async () => {
    const api = accountApi();
    const { user } = renderPage();
    const form = screen.getByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText('Current password'), 'wrong');
    await user.type(within(form).getByLabelText('New password'), 'a brand new password');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The current password is not correct');

    await user.clear(within(form).getByLabelText('Current password'));
    await user.type(within(form).getByLabelText('Current password'), 'the old password');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('status')).textContent).toContain('Password changed');
    expect(api.bodies.at(-1)).toEqual({ currentPassword: 'the old password', newPassword: 'a brand new password' });
    expect((within(form).getByLabelText('New password') as HTMLInputElement).value).toBe('');
  });

  it('signs out all other sessions, or everywhere (then leaves the page)', async () => {
    const api = accountApi();
    const { user, onSignedOutHere } = renderPage();
    await screen.findByRole('table', { name: 'Your active sessions' });
    await user.click(screen.getByRole('button', { name: 'Sign out all other sessions' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(api.bodies.at(-1)).toEqual({ includeThisDevice: false });
    expect(onSignedOutHere).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(onSignedOutHere).toHaveBeenCalledOnce());
    expect(api.bodies.at(-1)).toEqual({ includeThisDevice: true });
  });
});
