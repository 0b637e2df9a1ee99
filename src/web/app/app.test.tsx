// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToastStore } from '@web/components/ui/toast';
import { demoDomainDetail, demoDomains, demoMe, fail, mockApi, ok, type MockRoute } from '@web/testing/mock-api';
import { App } from './app';
import { createApp } from './create-app';
import { createRoutes } from './router';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The whole SPA (routes, guard, query client, toasts) over a mocked BFF, starting at `path`. */
function renderApp(path: string, routes: Record<string, MockRoute>) {
  const api = mockApi(routes);
  let router: ReturnType<typeof createMemoryRouter> | undefined;
  const app = createApp({
    toastStore: createToastStore(),
    createRouter: (queryClient) => (router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] })),
  });
  render(<App app={app} />);
  return { ...api, location: () => router!.state.location, user: userEvent.setup() };
}

/** A BFF whose session starts signed out and is opened by the demo admin's password. */
function sessionRoutes(extra: Record<string, MockRoute> = {}): Record<string, MockRoute> {
  let signedIn = false;
  return {
    'GET /auth/me': () => (signedIn ? ok(demoMe) : fail(401, 'Not signed in')),
    // The inbox route redirects to the first company mailbox and lists its (here empty) INBOX.
    'GET /api/mailboxes': () => ok([{ email: 'info@acme.example', domain: 'acme.example', username: 'info' }]),
    'GET /api/inbox/mailboxes': () =>
      ok([{ name: 'INBOX', path: 'INBOX', specialUse: null, totalMessages: 0, unreadMessages: 0 }]),
    'GET /api/inbox': () => ok([]),
    'POST /auth/login': ({ init }) => {
      const body = JSON.parse(String(init?.body)) as { password: string };
      if (body.password !== 'demo-admin-password') return fail(401, 'Email or password is incorrect');
      signedIn = true;
      return ok(demoMe);
    },
    'POST /auth/logout': () => {
      signedIn = false;
      return ok({ message: 'Signed out' });
    },
    'GET /api/domains': () => ok(demoDomains),
    ...extra,
  };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, password = 'demo-admin-password') {
  await user.type(await screen.findByLabelText('Email'), 'Admin@Acme.example ');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('App', () => {
  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const { user, location, fetchMock } = renderApp(
      '/domains/d-mail',
      sessionRoutes({
        'GET /api/domains/d-mail': () => ok(demoDomainDetail),
      }),
    );

    await screen.findByRole('heading', { name: 'Sign in to Sentroy Console' });
    expect(location().pathname).toBe('/login');
    expect(location().search).toBe('?next=%2Fdomains%2Fd-mail');
    // They never had a session: nothing says it ended (the page's own 401 is not a lost session).
    expect(screen.queryByText('Your session has ended. Please sign in again.')).toBeNull();

    await signIn(user);
    await screen.findByRole('heading', { level: 1, name: 'acme-mail.example' });
    expect(location().pathname).toBe('/domains/d-mail');
    // The form sent the contract-normalised email.
    const loginCall = fetchMock.mock.calls.find(([url]) => String(url) === '/auth/login');
    expect(JSON.parse(String(loginCall?.[1]?.body))).toEqual({
      email: 'admin@acme.example',
      password: 'demo-admin-password',
    });

    const records = screen.getByRole('table', { name: /dns records/i });
    expect(within(records).getAllByRole('row')).toHaveLength(4);
    expect(within(records).getByText('mx.sentroy.com')).toBeTruthy();
  });

  it('asks a visitor who opens a deep link to sign in without saying a session ended', async () => {
    // The inbox loader asks for the mailboxes in parallel with the guard's /auth/me: both answer 401.
    const { location } = renderApp('/inbox', {
      'GET /auth/me': () => fail(401, 'Not signed in'),
      'GET /api/mailboxes': () => fail(401, 'Not signed in'),
    });
    await screen.findByRole('heading', { name: 'Sign in to Sentroy Console' });
    expect(location().pathname).toBe('/login');
    expect(screen.queryByText('Your session has ended. Please sign in again.')).toBeNull();
  });

  it('shows the envelope message of a refused sign-in in an alert', async () => {
    const { user } = renderApp('/login', sessionRoutes());
    await signIn(user, 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Email or password is incorrect');
  });

  it('validates the form with the contract before sending', async () => {
    const { user, calls } = renderApp('/login', sessionRoutes());
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBe(document.activeElement);
    expect(calls).not.toContain('POST /auth/login');
  });

  it('renders the layout: navigation, demo banner, user, domains; sign-out returns to the sign-in page', async () => {
    const { user, location } = renderApp('/', sessionRoutes());
    await signIn(user);

    await screen.findByRole('table', { name: /domains of your company/i });
    expect(location().pathname).toBe('/domains');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Domains', 'Templates', 'Compose', 'Sent', 'Inbox', 'Users', 'Audit', 'Account']);
    expect(screen.getByText('Demo mode — data comes from the built-in Sentroy emulator')).toBeTruthy();
    expect(screen.getByText('Demo Admin')).toBeTruthy();

    await user.click(within(nav).getByRole('link', { name: 'Inbox' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    // Focus follows the route change to the new page's heading.
    await waitFor(() => expect(document.activeElement).toBe(heading));

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to Sentroy Console' });
    expect(location().pathname).toBe('/login');
  });

  it('goes back to sign-in when the session ends mid-use (global 401 path)', async () => {
    let sessionAlive = true;
    const { location } = renderApp('/inbox', {
      'GET /auth/me': () => (sessionAlive ? ok(demoMe) : fail(401, 'Not signed in')),
      'GET /api/domains': () => (sessionAlive ? ok(demoDomains) : fail(401, 'Not signed in')),
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    sessionAlive = false;
    await userEvent.setup().click(within(nav).getByRole('link', { name: 'Domains' }));

    await screen.findByRole('heading', { name: 'Sign in to Sentroy Console' });
    expect(location().pathname).toBe('/login');
    // The domains page is the default destination, so `next` is left out.
    expect(location().search).toBe('');
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeTruthy();
  });

  it('toasts other failures with the envelope message and shows an inline error with retry', async () => {
    let failing = true;
    const { user } = renderApp('/domains', {
      'GET /auth/me': () => ok(demoMe),
      'GET /api/domains': () => (failing ? fail(403, 'Token lacks the domains scope') : ok([])),
    });

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Token lacks the domains scope')]),
    );
    // The loader's prefetch and the page's own fetch both fail; dismiss once both have (the inline error is shown),
    // or a toast from the second failure can land after the click.
    await screen.findByRole('button', { name: 'Try again' });
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    await user.click(within(toasts).getByRole('button', { name: /dismiss/i }));
    expect(within(toasts).queryByRole('alert')).toBeNull();

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('No domains yet');
  });
});
