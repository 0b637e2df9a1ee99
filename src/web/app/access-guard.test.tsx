// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleRole, Me } from '@contract/index';
import { createToastStore } from '@web/components/ui/toast';
import { demoMe, mockApi, ok, type MockRoute } from '@web/testing/mock-api';
import { App } from './app';
import { createApp } from './create-app';
import { createRoutes } from './router';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const meAs = (role: ConsoleRole, grants?: string[]): Me => ({
  ...demoMe,
  user: { ...demoMe.user, email: `${role}@acme.example`, name: `Demo ${role}`, role },
  mailboxGrants: grants ?? (role === 'member' ? ['support@acme.example'] : []),
});

function renderAt(path: string, role: ConsoleRole, extra: Record<string, MockRoute> = {}, grants?: string[]) {
  const api = mockApi({
    'GET /auth/me': () => ok(meAs(role, grants)),
    'GET /api/console/users': () => ok([]),
    'GET /api/mailboxes': () => ok([]),
    'GET /api/console/audit': () => ok({ entries: [], total: 0, page: 1, limit: 50 }),
    ...extra,
  });
  const app = createApp({
    toastStore: createToastStore(),
    createRouter: (queryClient) => createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] }),
  });
  render(<App app={app} />);
  return api;
}

describe('role-aware route guard', () => {
  it.each([
    ['/users', 'operator', /an operator, and this page needs user administration/],
    ['/users', 'member', /a member, and this page needs user administration/],
    ['/audit', 'operator', /an operator, and this page needs the audit log/],
    ['/audit', 'member', /a member, and this page needs the audit log/],
  ] as const)('%s as %s: the "no access" page inside the layout, and no data request', async (path, role, reason) => {
    const api = renderAt(path, role);
    const heading = await screen.findByRole('heading', { level: 1, name: "You don't have access to this page" });
    expect(heading.closest('section')?.textContent).toMatch(reason);
    // Not a failing pane or an error: no alert, and the page's data was never asked for.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.calls.filter((c) => c.includes('/api/console/'))).toEqual([]);
    // The layout stays: navigation without the admin pages, and a way on.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the domains' }).getAttribute('href')).toBe('/domains');
  });

  it('lets the admin in', async () => {
    renderAt('/users', 'admin');
    await screen.findByRole('heading', { level: 1, name: 'Users' });
    expect(screen.queryByText("You don't have access to this page")).toBeNull();
    cleanup();
    renderAt('/audit', 'admin');
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
  });

  describe('the inbox', () => {
    const inboxRoutes: Record<string, MockRoute> = {
      'GET /api/mailboxes': () => ok([{ email: 'support@acme.example', domain: 'acme.example', username: 'support' }]),
      'GET /api/inbox/mailboxes': () =>
        ok([{ name: 'INBOX', path: 'INBOX', specialUse: null, totalMessages: 0, unreadMessages: 0 }]),
      'GET /api/inbox': () => ok([]),
    };
    const noAccess = async (reason: RegExp) => {
      const heading = await screen.findByRole('heading', { level: 1, name: "You don't have access to this page" });
      expect(heading.closest('section')?.textContent).toMatch(reason);
      expect(screen.queryByRole('alert')).toBeNull();
    };

    it.each(['/inbox', '/inbox/info%40acme.example/INBOX', '/inbox/info%40acme.example/INBOX/7'])(
      'an operator without mailboxes following %s gets the "no access" page, and no mailbox is asked for',
      async (path) => {
        const api = renderAt(path, 'operator', inboxRoutes);
        await noAccess(/an operator, and this page needs a company mailbox granted to you/);
        expect(api.calls.filter((c) => c.includes('/api/inbox'))).toEqual([]);
        const nav = screen.getByRole('navigation', { name: 'Main' });
        expect(within(nav).queryByRole('link', { name: 'Inbox' })).toBeNull();
      },
    );

    it('a member following a link to a mailbox not granted to them gets the "no access" page', async () => {
      const api = renderAt('/inbox/info%40acme.example/INBOX', 'member', inboxRoutes);
      await noAccess(/a member, and this page needs the mailbox info@acme\.example/);
      expect(api.calls.filter((c) => c.includes('/api/inbox'))).toEqual([]);
    });

    it('lets in a member, and an operator, with a granted mailbox', async () => {
      renderAt('/inbox', 'member', inboxRoutes);
      await screen.findByRole('heading', { level: 1, name: 'Inbox' });
      expect(await screen.findByText('No messages here.')).toBeTruthy();
      cleanup();
      renderAt('/inbox/support%40acme.example/INBOX', 'operator', inboxRoutes, ['support@acme.example']);
      await screen.findByRole('heading', { level: 1, name: 'Inbox' });
      expect(screen.queryByText("You don't have access to this page")).toBeNull();
    });
  });
});
