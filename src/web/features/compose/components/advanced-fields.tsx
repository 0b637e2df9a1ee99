import { RESERVED_HEADER_NAMES } from '@contract/index';
import { useId } from 'react';
import { Button } from '@web/components/ui/button';
import type { FieldErrors } from '../utils/build-send-request';
import type { HeaderRow } from '../utils/draft';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

export interface AdvancedFieldsProps {
  scheduledAt: string;
  headers: readonly HeaderRow[];
  inReplyTo: string;
  references: readonly string[];
  errors: FieldErrors;
  onScheduledAt: (value: string) => void;
  onHeaders: (rows: HeaderRow[]) => void;
}

/** Scheduled send, custom headers, and the threading headers a reply carries. */
export function AdvancedFields(props: AdvancedFieldsProps) {
  const { scheduledAt, headers, inReplyTo, references, errors } = props;
  const id = useId();
  const update = (rowId: string, patch: Partial<HeaderRow>) =>
    props.onHeaders(headers.map((h) => (h.id === rowId ? { ...h, ...patch } : h)));

  return (
    <details
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
      open={Boolean(scheduledAt || headers.length)}
    >
      <summary className="cursor-pointer text-sm font-medium text-slate-800 dark:text-slate-100">Advanced</summary>
      <div className="mt-3 space-y-4">
        <div>
          <label htmlFor={`${id}-schedule`} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
            Send later (your time zone)
          </label>
          <input
            id={`${id}-schedule`}
            type="datetime-local"
            value={scheduledAt}
            onChange={(e) => props.onScheduledAt(e.target.value)}
            aria-invalid={errors.scheduledAt ? true : undefined}
            aria-describedby={errors.scheduledAt ? `${id}-schedule-error` : undefined}
            className={`${input} max-w-xs`}
          />
          {errors.scheduledAt && (
            <p id={`${id}-schedule-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
              {errors.scheduledAt}
            </p>
          )}
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">Custom headers</legend>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Not allowed: {RESERVED_HEADER_NAMES.slice(0, 8).join(', ')} and other headers the platform sets.
          </p>
          {headers.map((row, index) => {
            const error = errors[`headers.${row.id}`];
            return (
              <div key={row.id} className="flex flex-wrap items-end gap-2">
                <label className="text-xs text-slate-700 dark:text-slate-200">
                  Header {index + 1} name
                  <input
                    value={row.name}
                    onChange={(e) => update(row.id, { name: e.target.value })}
                    aria-invalid={error ? true : undefined}
                    className={input}
                  />
                </label>
                <label className="flex-1 text-xs text-slate-700 dark:text-slate-200">
                  Header {index + 1} value
                  <input
                    value={row.value}
                    onChange={(e) => update(row.id, { value: e.target.value })}
                    className={input}
                  />
                </label>
                <Button
                  variant="ghost"
                  aria-label={`Remove header ${index + 1}`}
                  onClick={() => props.onHeaders(headers.filter((h) => h.id !== row.id))}
                >
                  Remove
                </Button>
                {error && <p className="w-full text-sm text-red-700 dark:text-red-300">{error}</p>}
              </div>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => props.onHeaders([...headers, { id: crypto.randomUUID(), name: '', value: '' }])}
          >
            Add header
          </Button>
        </fieldset>

        {(inReplyTo || references.length > 0) && (
          <dl className="text-xs text-slate-700 dark:text-slate-200">
            <dt className="font-semibold">In-Reply-To</dt>
            <dd className="font-mono break-all">{inReplyTo || '—'}</dd>
            <dt className="mt-1 font-semibold">References</dt>
            <dd className="font-mono break-all">{references.join(' ') || '—'}</dd>
          </dl>
        )}
      </div>
    </details>
  );
}
