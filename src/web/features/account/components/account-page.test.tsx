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

const session = (id: string, patch: Partial<AccountSession> = {}): AccountSession => ({
  id,
  createdAt: '2026-01-10T08:00:00.000Z',
  lastSeenAt: '2026-01-10T09:00:00.000Z',
  expiresAt: '2026-01-17T09:00:00.000Z',
  ip: '10.0.0.1',
  userAgent: 'Firefox on Linux',
  current: false,
  ...patch,
});

function accountApi(extra: Record<string, MockRoute> = {}) {
  let sessions = [
    session('aaaaaaaaaaaaaaaa', { current: true, userAgent: 'Chrome on Mac', ip: '10.0.0.9' }),
    session('bbbbbbbbbbbbbbbb', { userAgent: 'Safari on iPhone', ip: '10.0.0.2' }),
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
    expect(rows()[0]!.textContent).toContain('(this device)');
    // No button to end the session in use: that is "Sign out".
    expect(within(rows()[0]!).queryByRole('button')).toBeNull();

    await user.click(
      screen.getByRole('button', { name: /^Sign out the session on Safari on iPhone from 10\.0\.0\.2/ }),
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(api.calls).toContain('DELETE /api/console/account/sessions/bbbbbbbbbbbbbbbb');
    expect(screen.queryByText('Safari on iPhone')).toBeNull();
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
