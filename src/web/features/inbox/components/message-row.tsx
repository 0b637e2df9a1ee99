import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { BidiText } from '@web/components/ui/bidi-text';
import { Icon } from '@web/components/ui/icon';
import { visibleText } from '@web/lib/visible-text';
import { AddressText } from './address-text';
import { DRAG_TYPE } from './folder-pane';
import type { ListRow } from './list-rows';
import type { MessageListProps } from './message-list';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Today → the time, older → the date. */
export function listDate(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : dayFormat.format(date);
}

export type RowProps = Pick<
  MessageListProps,
  'isOpen' | 'checked' | 'selectable' | 'hrefFor' | 'onToggleCheck' | 'onDragRow'
> & { index: number; row: ListRow };

/**
 * One row of the message list. Sender names and subjects come from the mail: each is isolated (`<bdi dir="auto">`)
 * with its invisible characters shown, and a sender whose name looks like an address shows the real one beside it.
 */
export function Row({
  index,
  row,
  isOpen: isOpenRow,
  checked,
  selectable,
  hrefFor,
  onToggleCheck,
  onDragRow,
}: RowProps) {
  const m = row.message;
  const isChecked = selectable && row.messages.every((r) => checked.has(r.uid));
  const isOpen = isOpenRow(row);
  const size = row.size;
  const subject = visibleText(m.subject) || '(no subject)';
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
            <span className="truncate">
              {row.participants.length ? (
                row.participants.map((p, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    <BidiText text={p} />
                  </span>
                ))
              ) : (
                <AddressText address={m.from} fallback="(unknown sender)" />
              )}
            </span>
            {size > 1 && (
              <span className="shrink-0 text-xs font-normal text-slate-600 dark:text-slate-400">
                {size}
                <span className="sr-only"> messages</span>
              </span>
            )}
            {row.unread && <span className="sr-only">(unread)</span>}
            <span className="ml-auto shrink-0 text-xs font-normal text-slate-600 dark:text-slate-400">
              {listDate(m.date)}
            </span>
          </span>
          <span className="flex items-center gap-1">
            <span className="truncate">{m.subject ? <BidiText text={m.subject} /> : '(no subject)'}</span>
            {row.hasAttachments && (
              <Icon name="paperclip" label="Has attachments" className="h-3.5 w-3.5 text-slate-500" />
            )}
          </span>
        </Link>
      </div>
    </div>
  );
}
