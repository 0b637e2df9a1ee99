/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role -- the table
   roles are written out on purpose: the narrow layout makes its parts display:block, and browsers (Safari above all)
   then drop the implicit table semantics unless the roles are explicit. */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Whether the element's content is wider than the element, kept current as either changes size. */
function useOverflowing<T extends HTMLElement>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return [ref, overflowing];
}

export interface DataTableColumn<Row> {
  /** Stable key of the column (React key). */
  id: string;
  /** The column header; on narrow screens it is also the label in front of each value. */
  header: string;
  /** The header is for screen readers only (e.g. "Actions"); the narrow layout shows no label for it either. */
  headerHidden?: boolean;
  cell: (row: Row, index: number) => ReactNode;
  /** This column names the row (`<th scope="row">`): its text becomes the row's accessible name. */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (e.g. `font-mono`, `whitespace-nowrap` on wide screens). */
  className?: string;
}

/** Below this width the rows stack: `md` (768 px) for most tables, `lg`/`xl` (1024/1280 px) for wide ones. */
export type StackBelow = 'md' | 'lg' | 'xl';

export interface DataTableProps<Row> {
  /** The table's accessible name (a visually hidden `<caption>`). */
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  rowClassName?: (row: Row) => string | undefined;
  stackBelow?: StackBelow;
}

/*
 * Class sets per breakpoint, written out in full so Tailwind sees every class. Below the breakpoint each row is a
 * card: the header row is visually hidden (still read by screen readers) and every cell shows its column's name in
 * front of its value, with the value given the rest of the width so nothing is pushed sideways.
 */
const stacked = {
  md: {
    table: 'max-md:block',
    thead: 'max-md:sr-only',
    tbody: 'max-md:block max-md:divide-y-0',
    tr: 'max-md:block max-md:border-b max-md:border-slate-200 max-md:py-2 dark:max-md:border-slate-800',
    cell: 'max-md:relative max-md:block max-md:py-1.5 max-md:pr-3 max-md:pl-32 max-md:min-h-8 max-md:[overflow-wrap:anywhere]',
    cellNoLabel: 'max-md:block max-md:py-1.5 max-md:px-3',
    label: 'md:hidden',
  },
  xl: {
    table: 'max-xl:block',
    thead: 'max-xl:sr-only',
    tbody: 'max-xl:block max-xl:divide-y-0',
    tr: 'max-xl:block max-xl:border-b max-xl:border-slate-200 max-xl:py-2 dark:max-xl:border-slate-800',
    cell: 'max-xl:relative max-xl:block max-xl:py-1.5 max-xl:pr-3 max-xl:pl-32 max-xl:min-h-8 max-xl:[overflow-wrap:anywhere]',
    cellNoLabel: 'max-xl:block max-xl:py-1.5 max-xl:px-3',
    label: 'xl:hidden',
  },
  lg: {
    table: 'max-lg:block',
    thead: 'max-lg:sr-only',
    tbody: 'max-lg:block max-lg:divide-y-0',
    tr: 'max-lg:block max-lg:border-b max-lg:border-slate-200 max-lg:py-2 dark:max-lg:border-slate-800',
    cell: 'max-lg:relative max-lg:block max-lg:py-1.5 max-lg:pr-3 max-lg:pl-32 max-lg:min-h-8 max-lg:[overflow-wrap:anywhere]',
    cellNoLabel: 'max-lg:block max-lg:py-1.5 max-lg:px-3',
    label: 'lg:hidden',
  },
} as const;

const th = 'px-3 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
/*
 * Long addresses, ids and DNS values wrap instead of widening the page: at a word's end where possible on wide
 * screens (`break-words` leaves column widths to the words), anywhere in the stacked cards (the `cell` sets above).
 */
const td = 'px-3 py-3 text-left align-top text-sm break-words text-slate-700 dark:text-slate-200';
const labelClass =
  'absolute top-1.5 left-3 w-26 font-sans text-xs leading-5 font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';

/**
 * The console's one table: a real `<table>` on wide screens and stacked, labelled rows on narrow ones, so every
 * list page looks and behaves alike and none scrolls sideways on a phone. The explicit ARIA roles keep the table
 * semantics when CSS turns the parts into blocks (Safari and others drop them otherwise); the narrow-screen labels
 * are aria-hidden because the column headers already name each cell for assistive technology.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  stackBelow = 'md',
}: DataTableProps<Row>) {
  const s = stacked[stackBelow];
  const [box, overflowing] = useOverflowing<HTMLDivElement>();
  return (
    // On a screen just too narrow for every column the table scrolls inside its box, never the page; the box is
    // then a labelled, focusable region so keyboard users can scroll it too (axe: scrollable-region-focusable).
    <div
      ref={box}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-800 dark:bg-slate-950"
      {...(overflowing ? { role: 'region', 'aria-label': caption, tabIndex: 0 } : {})}
    >
      <table role="table" className={`w-full border-collapse ${s.table}`}>
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className={`bg-slate-50 dark:bg-slate-900 ${s.thead}`}>
          <tr role="row" className="border-b border-slate-200 dark:border-slate-800">
            {columns.map((column) => (
              <th key={column.id} role="columnheader" scope="col" className={th}>
                {column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className={`divide-y divide-slate-200 dark:divide-slate-800 ${s.tbody}`}>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} role="row" className={`${s.tr} ${rowClassName?.(row) ?? ''}`}>
              {columns.map((column) => {
                const className = `${td} ${column.headerHidden ? s.cellNoLabel : s.cell} ${column.className ?? ''} ${
                  column.rowHeader ? 'font-medium' : ''
                }`;
                const content = (
                  <>
                    {!column.headerHidden && (
                      <span aria-hidden="true" className={`${labelClass} ${s.label}`}>
                        {column.header}
                      </span>
                    )}
                    {column.cell(row, index)}
                  </>
                );
                return column.rowHeader ? (
                  <th key={column.id} role="rowheader" scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={column.id} role="cell" className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
