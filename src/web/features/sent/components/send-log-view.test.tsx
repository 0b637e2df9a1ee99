// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendJob, SendLogItem, Template } from '@contract/index';
import { createQueryClient } from '@web/lib/query-client';
import { fail, mockApi, ok } from '@web/testing/mock-api';
import { SendLogView } from './send-log-view';

const item = (id: string, patch: Partial<SendLogItem> = {}): SendLogItem => ({
  id,
  createdAt: '2026-01-10T08:00:00.000Z',
  user: { id: 'u1', email: 'admin@acme.example', name: 'Demo Admin' },
  from: 'support@acme.example',
  to: ['ada@example.org'],
  cc: [],
  subject: `Subject ${id}`,
  templateId: null,
  lang: null,
  attachments: [],
  jobId: null,
  mailLogId: null,
  status: 'queued',
  scheduledAt: null,
  error: null,
  ...patch,
});

const template: Template = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  name: { en: 'Welcome mail', de: 'Willkommen' },
  subject: { en: 'Welcome' },
  mjmlBody: { en: '<mjml></mjml>' },
  variables: [],
  domainId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const job = (jobId: string, state: SendJob['state'], failedReason: string | null = null): SendJob => ({
  jobId,
  state,
  progress: state === 'completed' ? 100 : 0,
  attemptsMade: 1,
  failedReason,
  finishedOn: null,
  processedOn: null,
});

function renderView() {
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError: vi.fn() });
  const router = createMemoryRouter([{ path: '/sent', element: <SendLogView /> }], { initialEntries: ['/sent'] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return queryClient;
}

const row = (subject: string) =>
  within(screen.getByRole('table', { name: 'Messages sent through the console, newest first' })).getByRole('row', {
    name: new RegExp(subject),
  });

/** Lets fetches resolve and React render, then moves the clock. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

let queryClient: ReturnType<typeof renderView> | undefined;

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: false }));
afterEach(() => {
  // Stop the polling before the environment goes: no refetch may be scheduled after the test.
  queryClient?.clear();
  queryClient = undefined;
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SendLogView', () => {
  it('shows the template name in the reader language, not its id', async () => {
    mockApi({
      'GET /api/console/send-log': () =>
        ok({
          items: [item('a', { templateId: template.id, lang: 'de' }), item('b', { templateId: 'gone' })],
          page: 1,
          limit: 25,
          total: 2,
        }),
      'GET /api/templates': () => ok([template]),
    });
    queryClient = renderView();
    await advance(10);
    expect(row('Subject a').textContent).toContain('Welcome mail (de)');
    expect(row('Subject a').textContent).not.toContain('6f1c2d3e');
    expect(row('Subject b').textContent).toContain('deleted template');
  });

  it('follows a job with backoff until it is final, then stops asking', async () => {
    const states: SendJob['state'][] = ['waiting', 'active', 'completed'];
    let asked = 0;
    const api = mockApi({
      'GET /api/console/send-log': () =>
        ok({ items: [item('a', { jobId: '7', mailLogId: 'log-7' })], page: 1, limit: 25, total: 1 }),
      'GET /api/templates': () => ok([]),
      'GET /api/send/7': () => ok(job('7', states[Math.min(asked++, states.length - 1)]!)),
    });
    queryClient = renderView();
    await advance(10);
    expect(within(row('Subject a')).getByText('queued')).toBeTruthy();
    expect(asked).toBe(1);

    // 2 s later: sending; the next look waits longer (4 s), not another 2 s.
    await advance(2_000);
    expect(within(row('Subject a')).getByText('sending')).toBeTruthy();
    await advance(2_000);
    expect(asked).toBe(2);
    await advance(2_000);
    expect(asked).toBe(3);
    expect(within(row('Subject a')).getByText('sent')).toBeTruthy();

    // Final: no more requests however long the page stays open.
    await advance(10 * 60_000);
    expect(api.calls.filter((c) => c === 'GET /api/send/7')).toHaveLength(3);
  });

  it('shows a failed job with its reason, and does not follow rows that never got a job', async () => {
    const api = mockApi({
      'GET /api/console/send-log': () =>
        ok({
          items: [item('a', { jobId: '8' }), item('b', { status: 'failed', error: 'Domain not found or not active' })],
          page: 1,
          limit: 25,
          total: 2,
        }),
      'GET /api/templates': () => ok([]),
      'GET /api/send/8': () => ok(job('8', 'failed', 'Mailbox full')),
    });
    queryClient = renderView();
    await advance(10);
    expect(within(row('Subject a')).getByText('failed')).toBeTruthy();
    expect(row('Subject a').textContent).toContain('Mailbox full');
    expect(within(row('Subject b')).getByText('failed')).toBeTruthy();
    expect(row('Subject b').textContent).toContain('Domain not found or not active');
    await advance(5 * 60_000);
    expect(api.calls.filter((c) => c.startsWith('GET /api/send/'))).toEqual(['GET /api/send/8']);
  });

  it('stops following a job the platform no longer knows, and says so', async () => {
    const api = mockApi({
      'GET /api/console/send-log': () => ok({ items: [item('a', { jobId: '9' })], page: 1, limit: 25, total: 1 }),
      'GET /api/templates': () => ok([]),
      'GET /api/send/9': () => fail(404, 'Job not found'),
    });
    queryClient = renderView();
    await advance(10);
    expect(row('Subject a').textContent).toContain('The platform no longer tracks this job.');
    // The console's own record stays visible.
    expect(within(row('Subject a')).getByText('queued')).toBeTruthy();
    await advance(5 * 60_000);
    expect(api.calls.filter((c) => c === 'GET /api/send/9')).toHaveLength(1);
  });

  it('keeps following through a passing failure (5xx), with backoff, and says the status is unavailable meanwhile', async () => {
    let asked = 0;
    mockApi({
      'GET /api/console/send-log': () => ok({ items: [item('a', { jobId: '10' })], page: 1, limit: 25, total: 1 }),
      'GET /api/templates': () => ok([]),
      'GET /api/send/10': () => (++asked <= 3 ? fail(502, 'Sentroy is not reachable') : ok(job('10', 'completed'))),
    });
    queryClient = renderView();
    // The query's own retries (1 s, 2 s) come first, then the poll picks it up again.
    await advance(4_000);
    expect(row('Subject a').textContent).toContain('Status unavailable: Sentroy is not reachable');
    await advance(10_000);
    expect(within(row('Subject a')).getByText('sent')).toBeTruthy();
    expect(row('Subject a').textContent).not.toContain('Status unavailable');
  });

  it('shows hostile subjects and file names isolated, with controls made visible', async () => {
    mockApi({
      'GET /api/console/send-log': () =>
        ok({
          items: [
            item('a', {
              subject: 'Invoice \u202Efdp.exe',
              attachments: [{ filename: 'report\u202Efdp.exe', contentType: null, size: 10 }],
            }),
          ],
          page: 1,
          limit: 25,
          total: 1,
        }),
      'GET /api/templates': () => ok([]),
    });
    queryClient = renderView();
    await advance(10);
    const r = row('Invoice');
    const bdis = [...r.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(bdis).toContain('Invoice ⟨U+202E⟩fdp.exe');
    expect(bdis).toContain('report⟨U+202E⟩fdp.exe');
    expect(r.textContent).not.toContain('\u202E');
  });
});
