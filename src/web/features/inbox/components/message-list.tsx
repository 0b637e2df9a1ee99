import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { Icon } from '@web/components/ui/icon';
import { DRAG_TYPE } from './folder-pane';
import type { ListRow } from './list-rows';

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
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Today → the time, older → the date. */
export function listDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dayFormat.format(date);
}

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

function Row({
  index,
  row,
  isOpen: isOpenRow,
  checked,
  selectable,
  hrefFor,
  onToggleCheck,
  onDragRow,
}: MessageListProps & { index: number; row: ListRow }) {
  const m = row.message;
  const isChecked = selectable && row.messages.every((r) => checked.has(r.uid));
  const isOpen = isOpenRow(row);
  const size = row.size;
  const sender = row.participants.length
    ? row.participants.join(', ')
    : m.from.name || m.from.address || '(unknown sender)';
  const subject = m.subject || '(no subject)';
  const check = (event: MouseEvent) => {
    event.stopPropagation();
    onToggleCheck(index, row, event.shiftKey);
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={isChecked || (checked.size === 0 && isOpen)}
      tabIndex={-1}
      draggable={selectable}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, String(m.uid));
        event.dataTransfer.effectAllowed = 'move';
        onDragRow(row);
      }}
      className={`flex h-full items-center gap-3 border-b border-slate-100 px-3 text-sm dark:border-slate-800 ${
        isOpen
          ? 'bg-indigo-50 dark:bg-indigo-950'
          : isChecked
            ? 'bg-sky-50 dark:bg-sky-950'
            : 'hover:bg-slate-50 dark:hover:bg-slate-900'
      } ${row.unread ? 'font-semibold text-slate-950 dark:text-white' : 'text-slate-700 dark:text-slate-300'}`}
    >
      {selectable && (
        <div role="gridcell" className="shrink-0">
          <input
            type="checkbox"
            checked={isChecked}
            onChange={() => {}}
            onClick={check}
            aria-label={size > 1 ? `Select conversation ${subject}` : `Select ${subject}`}
            className="size-4"
          />
        </div>
      )}
      <div role="gridcell" className="min-w-0 flex-1">
        <Link to={hrefFor(row)} className="block min-w-0 focus-visible:outline-2 focus-visible:outline-indigo-600">
          <span className="flex items-baseline gap-2">
            <span className="truncate">{sender}</span>
            {size > 1 && (
              <span className="shrink-0 text-xs font-normal text-slate-500 dark:text-slate-400">
                {size}
                <span className="sr-only"> messages</span>
              </span>
            )}
            {row.unread && <span className="sr-only">(unread)</span>}
            <span className="ml-auto shrink-0 text-xs font-normal text-slate-500 dark:text-slate-400">
              {listDate(m.date)}
            </span>
          </span>
          <span className="flex items-center gap-1">
            <span className="truncate">{subject}</span>
            {row.hasAttachments && (
              <Icon name="paperclip" label="Has attachments" className="h-3.5 w-3.5 text-slate-500" />
            )}
          </span>
        </Link>
      </div>
    </div>
  );
}
