import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@web/components/ui/button';
import { DataTable } from '@web/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useTemplates } from '@web/lib/company-queries';
import { useSendLog } from '../api/get-send-log';
import { sendLogColumns } from './send-log-columns';

export const SEND_LOG_PAGE_SIZE = 25;

/** Every send made through the console, newest first, a page at a time (page in the URL). */
export function SendLogView() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const logQuery = useSendLog(page, SEND_LOG_PAGE_SIZE);
  const templatesQuery = useTemplates();
  // null: the names could not be loaded (that failure is toasted once); the rows then say so instead of waiting.
  const templates = templatesQuery.isError ? null : templatesQuery.data;
  const columns = useMemo(() => sendLogColumns(templates), [templates]);

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
      <DataTable
        caption="Messages sent through the console, newest first"
        columns={columns}
        rows={items}
        rowKey={(item) => item.id}
        stackBelow="xl"
      />
      <nav aria-label="Send log pages" className="flex flex-wrap items-center gap-3 text-sm">
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
