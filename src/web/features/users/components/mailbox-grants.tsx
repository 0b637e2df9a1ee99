import type { Mailbox } from '@contract/index';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';

export interface MailboxGrantsProps {
  legend: string;
  /** The company's mailboxes (GET /api/mailboxes: an admin's list is the company's whole list). */
  mailboxes: { data: Mailbox[] | undefined; error: Error | null; onRetry: () => void };
  selected: string[];
  onChange: (next: string[]) => void;
}

/**
 * The mailboxes a user may be granted: only the company's own, as Sentroy lists them (the BFF refuses any other,
 * issue 8). A grant the user already holds that is not on that list (given before the console checked) is shown
 * apart, marked, so the admin can take it away; it is refused wherever it is used.
 */
export function MailboxGrants({ legend, mailboxes, selected, onChange }: MailboxGrantsProps) {
  if (mailboxes.error && !mailboxes.data) {
    return (
      <ErrorState
        title="The company's mailboxes could not be loaded, so no mailbox can be granted now."
        message={mailboxes.error.message}
        onRetry={mailboxes.onRetry}
      />
    );
  }
  if (!mailboxes.data) return <LoadingState label="Loading mailboxes…" />;
  const company = mailboxes.data.map((m) => m.email.toLowerCase());
  const outside = selected.filter((s) => !company.includes(s));
  const toggle = (email: string, on: boolean) =>
    onChange(on ? [...selected, email] : selected.filter((s) => s !== email));

  return (
    <fieldset className="mt-3">
      <legend className="text-sm font-medium">{legend}</legend>
      {company.length === 0 && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">This company has no mailboxes yet.</p>
      )}
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {company.map((email) => (
          <label key={email} className="flex items-center gap-2 text-sm break-all">
            <input
              type="checkbox"
              checked={selected.includes(email)}
              onChange={(e) => toggle(email, e.target.checked)}
            />
            {email}
          </label>
        ))}
      </div>
      {outside.length > 0 && (
        <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p>Not mailboxes of this company: the console refuses them. Untick them to take them away.</p>
          {outside.map((email) => (
            <label key={email} className="mt-1 flex items-center gap-2 break-all">
              <input type="checkbox" checked onChange={(e) => toggle(email, e.target.checked)} />
              {email} (not a company mailbox)
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The server's answer to a refused create or save, next to the form (a grant outside the company, a duplicate…). */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      className="mt-3 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      {error.message}
    </p>
  );
}
