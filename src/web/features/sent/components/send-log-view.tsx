import type { SendLogItem } from '@contract/index';
import { useSearchParams } from 'react-router';
import { Badge } from '@web/components/ui/badge';
import { Button } from '@web/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { formatBytes } from '@web/lib/format-bytes';
import { formatDateTime } from '@web/lib/format-date';
import { useSendLog } from '../api/get-send-log';

export const SEND_LOG_PAGE_SIZE = 25;

const th = 'px-3 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-3 py-3 align-top text-sm text-slate-700 dark:text-slate-200';

const statusTone = { queued: 'success', scheduled: 'info', sending: 'warning', failed: 'danger' } as const;

function Row({ item }: { item: SendLogItem }) {
  return (
    <tr>
      <td className={`${td} whitespace-nowrap`}>
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
      </td>
      <td className={td}>{item.user ? (item.user.name ?? item.user.email) : 'deleted user'}</td>
      <td className={`${td} break-all`}>{item.from}</td>
      <td className={`${td} break-all`}>
        {item.to.join(', ')}
        {item.cc.length > 0 && <div className="text-xs text-slate-500">Cc: {item.cc.join(', ')}</div>}
      </td>
      <th scope="row" className={`${td} text-left font-medium`}>
        {item.subject ?? '—'}
      </th>
      <td className={td}>
        {item.templateId ? (
          <span className="font-mono text-xs">
            {item.templateId.slice(0, 8)}…{item.lang ? ` (${item.lang})` : ''}
          </span>
        ) : (
          'message'
        )}
      </td>
      <td className={td}>
        {item.attachments.length === 0 ? (
          '—'
        ) : (
          <ul>
            {item.attachments.map((a, i) => (
              <li key={i} className="break-all">
                {a.filename} ({formatBytes(a.size)})
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={`${td} font-mono text-xs break-all`}>
        {item.jobId && <div>job {item.jobId}</div>}
        {item.mailLogId && <div>log {item.mailLogId}</div>}
      </td>
      <td className={td}>
        <Badge tone={statusTone[item.status]}>{item.status}</Badge>
        {item.scheduledAt && <div className="text-xs">for {formatDateTime(item.scheduledAt)}</div>}
        {item.error && <div className="mt-1 text-xs text-red-700 dark:text-red-300">{item.error}</div>}
      </td>
    </tr>
  );
}

/** Every send made through the console, newest first, a page at a time (page in the URL). */
export function SendLogView() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const logQuery = useSendLog(page, SEND_LOG_PAGE_SIZE);

  if (logQuery.isPending) return <LoadingState label="Loading the send log…" />;
  if (logQuery.isError) {
    return (
      <ErrorState
        title="Could not load the send log."
        message={logQuery.error.message}
        onRetry={() => void logQuery.refetch()}
      />
    );
  }
  const { items, total } = logQuery.data;
  if (total === 0) {
    return (
      <EmptyState title="Nothing sent yet">
        <p>Messages sent from Compose and template tests appear here.</p>
      </EmptyState>
    );
  }
  const pages = Math.max(1, Math.ceil(total / SEND_LOG_PAGE_SIZE));
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
          <caption className="sr-only">Messages sent through the console, newest first</caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              {['When', 'Who', 'From', 'To', 'Subject', 'Template', 'Attachments', 'Job', 'Status'].map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-800 dark:bg-slate-950">
            {items.map((item) => (
              <Row key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Send log pages" className="flex items-center gap-3 text-sm">
        <Button variant="secondary" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
          Newer
        </Button>
        <span>
          Page {page} of {pages} ({total} sends)
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => setParams({ page: String(page + 1) })}>
          Older
        </Button>
      </nav>
    </div>
  );
}
