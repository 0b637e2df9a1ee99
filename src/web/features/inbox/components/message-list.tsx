import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ListRow } from './list-rows';
import { Row } from './message-row';

export interface MessageListProps {
  label: string;
  count: number;
  /** The row at an index (a message or a conversation), or undefined while its page loads. */
  getRow: (index: number) => ListRow | undefined;
  /** Index of a row to scroll into view (the open or cursor message). */
  scrollToIndex: number | null;
  isOpen: (row: ListRow) => boolean;
  /** Checked UIDs; a conversation row is checked when all its messages are. */
  checked: ReadonlySet<number>;
  /** False where the rows cannot be acted on as a selection (the virtual All folder): no checkboxes, no drag. */
  selectable: boolean;
  hrefFor: (row: ListRow) => string;
  onRangeChange: (first: number, last: number) => void;
  onToggleCheck: (index: number, row: ListRow, range: boolean) => void;
  /** Drag started on a row: the caller decides which messages move (the row, or the selection holding it). */
  onDragRow: (row: ListRow) => void;
}

const ROW_HEIGHT = 60;

/**
 * The message list as an ARIA grid, virtualised with TanStack Virtual: only the rows in view (plus overscan) exist
 * in the DOM, whatever the folder's size; the caller loads the API pages that the visible range falls into.
 */
export function MessageList(props: MessageListProps) {
  const { count, getRow, scrollToIndex, onRangeChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; this component reads it every render and is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      if (items.length) onRangeChange(items[0]!.index, items.at(-1)!.index);
    },
  });

  useEffect(() => {
    const items = virtualizer.getVirtualItems();
    onRangeChange(items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  }, [count, virtualizer, onRangeChange]);

  useEffect(() => {
    if (scrollToIndex !== null && scrollToIndex < count) virtualizer.scrollToIndex(scrollToIndex, { align: 'auto' });
  }, [scrollToIndex, count, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count}
      aria-multiselectable={props.selectable}
      data-testid="message-list"
      className="h-full overflow-y-auto"
    >
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = getRow(row.index);
          return (
            <div
              key={item ? item.key : `i${row.index}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: row.size,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {item ? <Row {...props} index={row.index} row={item} /> : <PendingRow index={row.index} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function PendingRow({ index }: { index: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      className="flex h-full items-center border-b border-slate-100 px-3 dark:border-slate-800"
    >
      <div role="gridcell" className="h-3 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-700">
        <span className="sr-only">Loading…</span>
      </div>
    </div>
  );
}
