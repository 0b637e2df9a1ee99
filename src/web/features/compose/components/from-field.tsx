import type { Domain, Mailbox } from '@contract/index';
import { useId } from 'react';
import { Link } from 'react-router';
import { paths } from '@web/config/paths';

export const inputClass =
  'mt-1 block w-full rounded-md border px-3 py-2 text-sm dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600';

export interface FromFieldProps {
  value: string;
  mailboxes: readonly Mailbox[];
  loading: boolean;
  error: string | undefined;
  /** Why sending from this mailbox's domain would be refused, and the domain to fix. */
  problem: string | undefined;
  domain: Domain | undefined;
  sendAnyway: boolean;
  onChange: (from: string) => void;
  onSendAnyway: (checked: boolean) => void;
}

/** The From mailbox, with what blocks sending from it and the explicit "Send anyway". */
export function FromField(props: FromFieldProps) {
  const { value, mailboxes, loading, error, problem, domain, sendAnyway } = props;
  const ids = { from: useId(), note: useId(), sendAnyway: useId() };
  const invalid = Boolean(error || (problem && !sendAnyway));
  return (
    <div>
      <label htmlFor={ids.from} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
        From
      </label>
      <select
        id={ids.from}
        value={value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={problem || error ? ids.note : undefined}
        className={`${inputClass} ${invalid ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'} bg-white`}
      >
        <option value="">
          {loading
            ? 'Loading mailboxes…'
            : mailboxes.length === 0
              ? 'No mailbox you may send from'
              : 'Choose a mailbox…'}
        </option>
        {mailboxes.map((m) => (
          <option key={m.email} value={m.email}>
            {m.email}
          </option>
        ))}
      </select>
      {(error || problem) && (
        <div id={ids.note} className="mt-1 text-sm text-red-700 dark:text-red-300">
          <p role="alert">
            {error ?? problem}
            {problem && !sendAnyway ? ' Sending is blocked until it is verified.' : ''}
          </p>
          {problem && domain && (
            <p className="mt-1">
              <Link to={paths.domain.getHref(domain.id)} className="underline">
                See what to fix for {domain.domain}
              </Link>
            </p>
          )}
        </div>
      )}
      {problem && (
        <label
          htmlFor={ids.sendAnyway}
          className="mt-2 flex items-start gap-2 text-xs text-slate-700 dark:text-slate-200"
        >
          <input
            id={ids.sendAnyway}
            type="checkbox"
            className="mt-0.5"
            checked={sendAnyway}
            onChange={(e) => props.onSendAnyway(e.target.checked)}
          />
          <span>
            Send anyway: the domain may have been verified since this page loaded. The platform checks it again and
            refuses the message if it is still not active.
          </span>
        </label>
      )}
      {domain && !problem && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">Sends through {domain.domain}.</p>
      )}
    </div>
  );
}
