// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDomains } from '@web/testing/mock-api';
import { DomainsTable } from './domains-table';

afterEach(cleanup);

/** Badge text is split over spans (the check name is visually hidden): match on the whole text content. */
const fullText = (text: string) => (_: string, element: Element | null) => element?.textContent === text;

function renderTable() {
  // Links need a router; a memory router keeps the test away from window.location.
  const router = createMemoryRouter([{ path: '/', element: <DomainsTable domains={demoDomains} /> }]);
  return render(<RouterProvider router={router} />);
}

describe('DomainsTable', () => {
  it('is a captioned table with column headers', () => {
    renderTable();
    const table = screen.getByRole('table', { name: /domains of your company/i });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Domain', 'Status', 'SPF', 'DKIM', 'DMARC', 'Created', 'Updated']);
  });

  it('shows each status and check in words, not colour alone', () => {
    renderTable();
    const active = screen.getByRole('row', { name: /^acme\.example/ });
    expect(within(active).getByText('active')).toBeTruthy();
    for (const check of ['SPF', 'DKIM', 'DMARC']) {
      expect(within(active).getByText(fullText(`${check} verified`))).toBeTruthy();
    }

    const verifying = screen.getByRole('row', { name: /^acme-mail\.example/ });
    expect(within(verifying).getByText('verifying')).toBeTruthy();
    expect(within(verifying).getByText(fullText('SPF verified'))).toBeTruthy();
    expect(within(verifying).getByText(fullText('DKIM failing'))).toBeTruthy();
    expect(within(verifying).getByText(fullText('DMARC failing'))).toBeTruthy();
  });

  it('links each domain name to its detail page', () => {
    renderTable();
    expect(screen.getByRole('link', { name: 'acme-mail.example' }).getAttribute('href')).toBe('/domains/d-mail');
  });

  it('renders dates as <time> with the ISO value', () => {
    renderTable();
    const row = screen.getByRole('row', { name: /^acme\.example/ });
    const times = row.querySelectorAll('time');
    expect([...times].map((t) => t.getAttribute('datetime'))).toEqual([
      '2026-01-10T08:00:00.000Z',
      '2026-01-10T09:00:00.000Z',
    ]);
  });
});
