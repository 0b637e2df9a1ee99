// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, type DataTableColumn } from './data-table';

afterEach(cleanup);

interface Person {
  id: string;
  name: string;
  email: string;
}

const people: Person[] = [
  { id: '1', name: 'Ada Lovelace', email: 'ada@example.org' },
  { id: '2', name: 'Alan Turing', email: 'alan@example.org' },
];

const columns: DataTableColumn<Person>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (p) => p.name },
  { id: 'email', header: 'Email', className: 'font-mono', cell: (p) => p.email },
  { id: 'actions', header: 'Actions', headerHidden: true, cell: (p) => <button>Edit {p.name}</button> },
];

function renderTable(stackBelow?: 'md' | 'lg') {
  return render(
    <DataTable
      caption="People"
      columns={columns}
      rows={people}
      rowKey={(p) => p.id}
      rowClassName={(p) => (p.id === '2' ? 'marked' : undefined)}
      stackBelow={stackBelow}
    />,
  );
}

describe('DataTable', () => {
  it('is a captioned table with column headers, row headers and cells', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'People' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Email', 'Actions']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.getAttribute('scope')),
    ).toEqual(['row', 'row']);
    // Header row + one per person.
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const ada = within(table).getByRole('row', { name: /^Ada Lovelace/ });
    expect(within(ada).getAllByRole('cell')).toHaveLength(2);
    expect(within(ada).getByRole('button', { name: 'Edit Ada Lovelace' })).toBeTruthy();
  });

  it('keeps the table roles explicit, so a stacked layout does not lose them', () => {
    const { container } = renderTable();
    expect(container.querySelector('table')?.getAttribute('role')).toBe('table');
    expect([...container.querySelectorAll('thead, tbody')].map((g) => g.getAttribute('role'))).toEqual([
      'rowgroup',
      'rowgroup',
    ]);
    expect(container.querySelectorAll('tr[role="row"]')).toHaveLength(3);
  });

  it('labels each value for the narrow layout without changing what assistive technology reads', () => {
    renderTable();
    const ada = screen.getByRole('row', { name: /^Ada Lovelace/ });
    const labels = [...ada.querySelectorAll('[aria-hidden="true"]')].map((l) => l.textContent);
    // No label for the hidden "Actions" header: a button says what it does.
    expect(labels).toEqual(['Name', 'Email']);
    // The row's name is its content only, not "Name Ada Lovelace Email …".
    expect(screen.getByRole('row', { name: 'Ada Lovelace ada@example.org Edit Ada Lovelace' })).toBe(ada);
    // The header for "Actions" is there for screen readers but not shown.
    expect(screen.getByRole('columnheader', { name: 'Actions' }).querySelector('.sr-only')).toBeTruthy();
  });

  it('stacks below md by default and below lg when asked', () => {
    const { container, unmount } = renderTable();
    expect(container.querySelector('table')?.className).toContain('max-md:block');
    expect(container.querySelector('thead')?.className).toContain('max-md:sr-only');
    expect(container.querySelector('td')?.className).toContain('font-mono');
    unmount();
    const wide = renderTable('lg');
    expect(wide.container.querySelector('table')?.className).toContain('max-lg:block');
    expect(wide.container.querySelector('tbody tr:nth-child(2)')?.className).toContain('marked');
  });
});
