// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@web/lib/query-client';
import { demoDomains, fail, mockApi, ok, type MockRoute } from '@web/testing/mock-api';
import { DomainsList } from './domains-list';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderList(route: MockRoute) {
  mockApi({ 'GET /api/domains': route });
  const onError = vi.fn();
  const queryClient = createQueryClient({ onUnauthorized: vi.fn(), onError });
  const router = createMemoryRouter([{ path: '/', element: <DomainsList /> }]);
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { onError };
}

describe('DomainsList', () => {
  it('announces loading, then shows the table', async () => {
    renderList(() => ok(demoDomains));
    expect(screen.getByRole('status').textContent).toBe('Loading domains…');
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows an empty state when the company has no domains', async () => {
    renderList(() => ok([]));
    expect(await screen.findByText('No domains yet')).toBeTruthy();
  });

  it('shows the envelope message inline and hands it to the global error path once', async () => {
    const { onError } = renderList(() => fail(404, 'Company not found'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the domains.');
    expect(alert.textContent).toContain('Company not found');
    expect(onError).toHaveBeenCalledExactlyOnceWith('Company not found');
  });
});
