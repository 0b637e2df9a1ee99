// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManagedUser } from '@contract/index';
import { createQueryClient } from '@web/lib/query-client';
import { fail, mockApi, ok, type MockRoute } from '@web/testing/mock-api';
import { UsersPage } from './users-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const at = '2026-01-10T08:00:00.000Z';
const user = (patch: Partial<ManagedUser> & Pick<ManagedUser, 'id' | 'email' | 'role'>): ManagedUser => ({
  name: null,
  disabled: false,
  mailboxes: [],
  createdAt: at,
  updatedAt: at,
  ...patch,
});

const MAILBOXES = ['info@acme.example', 'support@acme.example'].map((email) => ({
  email,
  domain: 'acme.example',
  username: email.split('@')[0]!,
}));

/** A users API over an in-memory list, recording request bodies. */
function usersApi(extra: Record<string, MockRoute> = {}) {
  const users: ManagedUser[] = [
    user({ id: 'u1', email: 'admin@acme.example', role: 'admin', name: 'Demo Admin' }),
    user({ id: 'u2', email: 'agent@acme.example', role: 'member', mailboxes: ['support@acme.example'] }),
  ];
  const bodies: { key: string; body: unknown }[] = [];
  const body = (init: RequestInit | undefined) => (init?.body ? (JSON.parse(String(init.body)) as unknown) : null);
  const api = mockApi({
    'GET /api/console/users': () => ok(users),
    'GET /api/mailboxes': () => ok(MAILBOXES),
    'POST /api/console/users': ({ init }) => {
      const request = body(init) as { email: string; role: ManagedUser['role']; mailboxes: string[] };
      bodies.push({ key: 'create', body: request });
      const created = user({ id: 'u3', email: request.email, role: request.role, mailboxes: request.mailboxes });
      users.push(created);
      return { status: 201, body: { data: { user: created, password: 'shown-once-password-123' } } };
    },
    'PATCH /api/console/users/u2': ({ init }) => {
      const patch = body(init) as Partial<ManagedUser>;
      bodies.push({ key: 'patch', body: patch });
      Object.assign(users[1]!, patch);
      return ok(users[1]);
    },
    'POST /api/console/users/u2/reset-password': () => ok({ user: users[1], password: 'a-new-password-once-456' }),
    ...extra,
  });
  return { ...api, users, bodies };
}

/** The "shown once" panel around its heading line. */
const passwordPanel = (line: HTMLElement) => line.closest<HTMLElement>('[role="status"]')!;

function renderPage() {
  const onError = vi.fn();
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError });
  render(
    <QueryClientProvider client={queryClient}>
      <UsersPage />
    </QueryClientProvider>,
  );
  return { onError, user: userEvent.setup() };
}

describe('UsersPage', () => {
  it('lists users with role, mailboxes and state', async () => {
    usersApi();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Console users' });
    const agent = within(table).getByRole('row', { name: /agent@acme\.example/ });
    expect(agent.textContent).toContain('member');
    expect(agent.textContent).toContain('support@acme.example');
    expect(agent.textContent).toContain('Active');
  });

  it('creates a user with a role and a grant, and shows the password once', async () => {
    const api = usersApi();
    const { user: u } = renderPage();
    const form = await screen.findByRole('form', { name: 'Add a user' });
    await u.type(within(form).getByLabelText('Email'), 'new@acme.example');
    await u.selectOptions(within(form).getByLabelText('Role'), 'operator');
    await u.click(await within(form).findByRole('checkbox', { name: 'info@acme.example' }));
    await u.click(within(form).getByRole('button', { name: 'Create user' }));

    const shown = passwordPanel(await screen.findByText(/Password for new@acme\.example/));
    expect(within(shown).getByText('shown-once-password-123')).toBeTruthy();
    expect(api.bodies).toContainEqual({
      key: 'create',
      body: { email: 'new@acme.example', name: null, role: 'operator', mailboxes: ['info@acme.example'] },
    });
    await screen.findByRole('row', { name: /new@acme\.example/ });
    await u.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('shown-once-password-123')).toBeNull();
  });

  it('changes grants, disables and resets the password of a user', async () => {
    const api = usersApi();
    const { user: u } = renderPage();
    await u.click(await screen.findByRole('button', { name: 'Edit agent@acme.example' }));
    const edit = screen.getByRole('form', { name: 'Edit agent@acme.example' });
    await u.click(within(edit).getByRole('checkbox', { name: 'info@acme.example' }));
    await u.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit agent@acme.example' })).toBeNull());
    expect(api.bodies).toContainEqual({
      key: 'patch',
      body: { role: 'member', name: null, mailboxes: ['support@acme.example', 'info@acme.example'] },
    });

    await u.click(screen.getByRole('button', { name: 'Disable agent@acme.example' }));
    await screen.findByRole('button', { name: 'Enable agent@acme.example' });
    expect(api.bodies).toContainEqual({ key: 'patch', body: { disabled: true } });
    expect(screen.getByRole('row', { name: /agent@acme\.example/ }).textContent).toContain('Disabled');

    await u.click(screen.getByRole('button', { name: 'Reset password of agent@acme.example' }));
    const panel = passwordPanel(await screen.findByText(/Password for agent@acme\.example/));
    expect(panel.textContent).toContain('a-new-password-once-456');
  });

  it('hands a refused change to the global error path (toast) and keeps the list', async () => {
    usersApi({ 'PATCH /api/console/users/u2': () => fail(409, 'At least one enabled admin must remain') });
    const { user: u, onError } = renderPage();
    await u.click(await screen.findByRole('button', { name: 'Disable agent@acme.example' }));
    await waitFor(() => expect(onError).toHaveBeenCalledWith('At least one enabled admin must remain'));
    expect(screen.getByRole('row', { name: /agent@acme\.example/ }).textContent).toContain('Active');
  });

  it('offers only the company mailboxes, and shows the server refusing a grant next to the form', async () => {
    usersApi({
      'POST /api/console/users': () => fail(403, 'ceo@rival.example is not a mailbox of this company'),
    });
    const { user: u, onError } = renderPage();
    const form = await screen.findByRole('form', { name: 'Add a user' });
    const offered = (await within(form).findAllByRole('checkbox')).map((c) => c.closest('label')?.textContent);
    expect(offered).toEqual(['info@acme.example', 'support@acme.example']);
    await u.type(within(form).getByLabelText('Email'), 'new@acme.example');
    await u.click(within(form).getByRole('checkbox', { name: 'info@acme.example' }));
    await u.click(within(form).getByRole('button', { name: 'Create user' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'ceo@rival.example is not a mailbox of this company',
    );
    // Shown once, beside the form, not again as a toast.
    expect(onError).not.toHaveBeenCalled();
  });

  it('marks a grant held from before that is not a company mailbox, and lets the admin take it away', async () => {
    const api = usersApi();
    api.users[1]!.mailboxes = ['ceo@rival.example', 'support@acme.example'];
    const { user: u } = renderPage();
    await u.click(await screen.findByRole('button', { name: 'Edit agent@acme.example' }));
    const edit = screen.getByRole('form', { name: 'Edit agent@acme.example' });
    const stray = within(edit).getByRole('checkbox', { name: 'ceo@rival.example (not a company mailbox)' });
    expect(within(edit).getByText(/Not mailboxes of this company/)).toBeTruthy();
    await u.click(stray);
    await u.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api.bodies.at(-1)).toEqual({
        key: 'patch',
        body: { role: 'member', name: null, mailboxes: ['support@acme.example'] },
      }),
    );
  });

  it('says so when the company mailboxes cannot be loaded, instead of loading forever', async () => {
    // A 4xx is not retried by the query client, so the failure shows at once (Sentroy's own rate limit here).
    usersApi({ 'GET /api/mailboxes': () => fail(429, 'Too many requests. Please try again later.') });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Add a user' });
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain("The company's mailboxes could not be loaded");
    expect(alert.textContent).toContain('Too many requests');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
