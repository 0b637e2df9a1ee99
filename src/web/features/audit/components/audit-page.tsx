import { useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, type AuditEntryView, type AuditQuery } from '@contract/index';
import { BidiText } from '@web/components/ui/bidi-text';
import { Button } from '@web/components/ui/button';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { formatDateTime } from '@web/lib/format-date';
import { auditCsvHref, useAudit } from '../api';
import { outcomeOf } from '../utils/describe-entry';
import { AuditAction, AuditDetail } from './audit-detail';

const PAGE_SIZE = 50;
const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

interface Filters {
  actor: string;
  action: string;
  mailbox: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { actor: '', action: '', mailbox: '', from: '', to: '' };

const text = (value: string | null) => (value ? <BidiText text={value} /> : '—');

const columns: DataTableColumn<AuditEntryView>[] = [
  {
    id: 'time',
    header: 'Time',
    rowHeader: true,
    className: 'xl:whitespace-nowrap',
    cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
  },
  { id: 'actor', header: 'Actor', cell: (e) => text(e.actorEmail) },
  { id: 'action', header: 'Action', cell: (e) => <AuditAction entry={e} /> },
  { id: 'target', header: 'Target', cell: (e) => text(e.target) },
  { id: 'mailbox', header: 'Mailbox', cell: (e) => text(e.mailbox) },
  { id: 'ip', header: 'IP', cell: (e) => e.ip ?? '—' },
  { id: 'detail', header: 'Detail', className: 'xl:min-w-56', cell: (e) => <AuditDetail entry={e} /> },
];

/** Audit page (admins): filters, paging, CSV export of the same filters. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const query: AuditQuery = { ...applied, page, limit: PAGE_SIZE };
  const audit = useAudit(query);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setPage(1);
  };
  const field = (key: keyof Filters, label: string, type = 'text') => (
    <label className="text-sm font-medium">
      {label}
      <input
        className={inputClass}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <form
        role="search"
        aria-label="Filter the audit log"
        onSubmit={apply}
        className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-6"
      >
        {field('actor', 'Actor')}
        <label className="text-sm font-medium">
          Action
          <select
            className={inputClass}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">Any</option>
            <option value="login">login.*</option>
            <option value="mail">mail.*</option>
            <option value="user">user.*</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {field('mailbox', 'Mailbox')}
        {field('from', 'From date', 'date')}
        {field('to', 'To date', 'date')}
        <div className="col-span-2 flex flex-wrap items-end gap-2 lg:col-span-1">
          <Button type="submit">Apply filters</Button>
          <a
            href={auditCsvHref(query)}
            download
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium dark:border-slate-600"
          >
            Export CSV
          </a>
        </div>
      </form>

      {audit.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState
          title="The audit log could not be loaded."
          message={audit.error.message}
          onRetry={() => void audit.refetch()}
        />
      ) : audit.data.entries.length === 0 ? (
        <EmptyState title="No audit entries match these filters" />
      ) : (
        <>
          <DataTable
            caption="Audit log entries, newest first"
            columns={columns}
            rows={audit.data.entries}
            rowKey={(e) => e.id}
            stackBelow="xl"
            rowClassName={(e) =>
              outcomeOf(e) === 'refused' || outcomeOf(e) === 'failed' ? 'bg-red-50/60 dark:bg-red-950/30' : undefined
            }
          />
          <nav aria-label="Audit pages" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous page
            </Button>
            <span>
              Page {page} of {pages} ({audit.data.total} entries)
            </span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Next page
            </Button>
          </nav>
        </>
      )}
    </>
  );
}
