import type { MessageSummary } from '@contract/index';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { DRAG_TYPE } from './folder-pane';

export interface MessageListProps {
  label: string;
  count: number;
  getItem: (index: number) => MessageSummary | undefined;
  /** Index of a row to scroll into view (the open or cursor message). */
  scrollToIndex: number | null;
  openUid: number | undefined;
  checked: ReadonlySet<number>;
  hrefFor: (uid: number) => string;
  onRangeChange: (first: number, last: number) => void;
  onToggleCheck: (index: number, uid: number, range: boolean) => void;
  /** Drag started on a row: the caller decides which messages move (the row, or the selection holding it). */
  onDragRow: (uid: number) => void;
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
  const { count, getItem, scrollToIndex, onRangeChange } = props;
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
      aria-multiselectable="true"
      data-testid="message-list"
      className="h-full overflow-y-auto"
    >
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const m = getItem(row.index);
          return (
            <div
              key={m ? `m${m.uid}` : `i${row.index}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: row.size,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {m ? <Row {...props} index={row.index} message={m} /> : <PendingRow index={row.index} />}
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
  message: m,
  openUid,
  checked,
  hrefFor,
  onToggleCheck,
  onDragRow,
}: MessageListProps & { index: number; message: MessageSummary }) {
  const isChecked = checked.has(m.uid);
  const isOpen = m.uid === openUid;
  const sender = m.from.name || m.from.address || '(unknown sender)';
  const subject = m.subject || '(no subject)';
  const check = (event: MouseEvent) => {
    event.stopPropagation();
    onToggleCheck(index, m.uid, event.shiftKey);
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={isChecked || (checked.size === 0 && isOpen)}
      tabIndex={-1}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, String(m.uid));
        event.dataTransfer.effectAllowed = 'move';
        onDragRow(m.uid);
      }}
      className={`flex h-full items-center gap-3 border-b border-slate-100 px-3 text-sm dark:border-slate-800 ${
        isOpen
          ? 'bg-indigo-50 dark:bg-indigo-950'
          : isChecked
            ? 'bg-sky-50 dark:bg-sky-950'
            : 'hover:bg-slate-50 dark:hover:bg-slate-900'
      } ${m.seen ? 'text-slate-700 dark:text-slate-300' : 'font-semibold text-slate-950 dark:text-white'}`}
    >
      <div role="gridcell" className="shrink-0">
        <input
          type="checkbox"
          checked={isChecked}
          onChange={() => {}}
          onClick={check}
          aria-label={`Select ${subject}`}
          className="size-4"
        />
      </div>
      <div role="gridcell" className="min-w-0 flex-1">
        <Link to={hrefFor(m.uid)} className="block min-w-0 focus-visible:outline-2 focus-visible:outline-indigo-600">
          <span className="flex items-baseline gap-2">
            <span className="truncate">{sender}</span>
            {!m.seen && <span className="sr-only">(unread)</span>}
            <span className="ml-auto shrink-0 text-xs font-normal text-slate-500 dark:text-slate-400">
              {listDate(m.date)}
            </span>
          </span>
          <span className="flex items-center gap-1">
            <span className="truncate">{subject}</span>
            {m.hasAttachments && (
              <span role="img" aria-label="Has attachments" className="shrink-0 font-normal">
                📎
              </span>
            )}
          </span>
        </Link>
      </div>
    </div>
  );
}
