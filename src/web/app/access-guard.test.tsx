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

const meAs = (role: ConsoleRole): Me => ({
  ...demoMe,
  user: { ...demoMe.user, email: `${role}@acme.example`, name: `Demo ${role}`, role },
  mailboxGrants: role === 'member' ? ['support@acme.example'] : [],
});

function renderAt(path: string, role: ConsoleRole, extra: Record<string, MockRoute> = {}) {
  const api = mockApi({
    'GET /auth/me': () => ok(meAs(role)),
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
});
