// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '@contract/index';
import { createQueryClient } from '@web/lib/query-client';
import { fail, mockApi, ok } from '@web/testing/mock-api';
import { AuditPage } from './audit-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entry = (id: number, patch: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id,
  at: '2026-01-10T08:00:00.000Z',
  actorUserId: 'u2',
  actorEmail: 'agent@acme.example',
  action: 'mail.send',
  target: 'x@example.org',
  mailbox: 'support@acme.example',
  detail: { subject: `Mail ${id}`, result: 'ok' },
  ip: '127.0.0.1',
  ...patch,
});

/** 120 entries; the mock pages and filters them like the BFF (action prefix, mailbox). */
function auditApi() {
  const all = Array.from({ length: 120 }, (_, i) =>
    entry(120 - i, i % 3 === 0 ? { action: 'login.success', mailbox: null, detail: null } : {}),
  );
  const queries: URLSearchParams[] = [];
  const api = mockApi({
    'GET /api/console/audit': ({ url }) => {
      queries.push(url.searchParams);
      const action = url.searchParams.get('action') ?? '';
      const page = Number(url.searchParams.get('page') ?? 1);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const matching = all.filter((e) => e.action.startsWith(action));
      return ok({ entries: matching.slice((page - 1) * limit, page * limit), total: matching.length, page, limit });
    },
  });
  return { ...api, queries };
}

function renderPage() {
  const onError = vi.fn();
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError });
  render(
    <QueryClientProvider client={queryClient}>
      <AuditPage />
    </QueryClientProvider>,
  );
  return { onError, user: userEvent.setup() };
}

describe('AuditPage', () => {
  it('shows the newest entries with actor, action, mailbox and detail, a page at a time', async () => {
    const api = auditApi();
    const { user } = renderPage();
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    const row = within(table).getAllByRole('row')[2]!;
    expect(row.textContent).toContain('agent@acme.example');
    expect(row.textContent).toContain('mail.send');
    expect(row.textContent).toContain('support@acme.example');
    expect(row.textContent).toContain('Sent mail');
    // Detail as labelled lines, not JSON.
    expect(row.textContent).toContain('Mail 119');
    expect(row.textContent).not.toContain('{"');
    expect(screen.getByText('Page 1 of 3 (120 entries)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 2 of 3 (120 entries)');
    expect(api.queries.at(-1)?.get('page')).toBe('2');
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('applies filters to the list and to the CSV export link', async () => {
    const api = auditApi();
    const { user } = renderPage();
    await screen.findByRole('table');
    const form = screen.getByRole('search', { name: 'Filter the audit log' });
    await user.selectOptions(within(form).getByLabelText('Action'), 'login');
    await user.type(within(form).getByLabelText('Actor'), 'agent@');
    await user.type(within(form).getByLabelText('From date'), '2026-01-01');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));

    await screen.findByText('Page 1 of 1 (40 entries)');
    const last = api.queries.at(-1)!;
    expect(Object.fromEntries(last)).toEqual({
      action: 'login',
      actor: 'agent@',
      from: '2026-01-01',
      page: '1',
      limit: '50',
    });
    expect(within(form).getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/console/audit.csv?actor=agent%40&action=login&from=2026-01-01',
    );
  });

  it('says when nothing matches, and shows a failure with a retry', async () => {
    let failing = true;
    mockApi({
      'GET /api/console/audit': () =>
        failing ? fail(403, 'Your role does not allow this') : ok({ entries: [], total: 0, page: 1, limit: 50 }),
    });
    const { user, onError } = renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your role does not allow this');
    expect(onError).toHaveBeenCalledWith('Your role does not allow this');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText('No audit entries match these filters')).toBeTruthy());
  });
});
