import type { SendLogItem, Template } from '@contract/index';
import { Badge } from '@web/components/ui/badge';
import { BidiText } from '@web/components/ui/bidi-text';
import type { DataTableColumn } from '@web/components/ui/data-table';
import { isApiError } from '@web/lib/api-client';
import { formatBytes } from '@web/lib/format-bytes';
import { formatDateTime } from '@web/lib/format-date';
import { templateName, uiLanguage } from '@web/lib/template-variables';
import { useSendJob } from '../api/get-send-job';
import { shouldFollow, shownStatus } from '../utils/job-status';

/** The send's current state: followed on the platform (`GET /send/{jobId}`) until it is final. */
function StatusCell({ item }: { item: SendLogItem }) {
  const follow = shouldFollow(item);
  const job = useSendJob(item.jobId, follow);
  const status = shownStatus(item, job.data);
  const error = item.error ?? (job.data?.state === 'failed' ? job.data.failedReason : null);
  return (
    <>
      <Badge tone={status.tone}>{status.label}</Badge>
      {status.pending && follow && !job.isError && (
        <span className="sr-only"> (checking the platform for updates)</span>
      )}
      {item.scheduledAt && <div className="text-xs">for {formatDateTime(item.scheduledAt)}</div>}
      {(item.jobId || item.mailLogId) && (
        <div className="mt-1 font-mono text-xs break-all text-slate-500 dark:text-slate-400">
          {item.jobId && <div>job {item.jobId}</div>}
          {item.mailLogId && <div>log {item.mailLogId}</div>}
        </div>
      )}
      {job.isError && (
        <div className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {/* The queue forgets finished jobs after a while: for an old send that is normal, not an error. */}
          {isApiError(job.error) && job.error.status === 404
            ? 'The platform no longer tracks this job.'
            : `Status unavailable: ${job.error.message}`}
        </div>
      )}
      {error && (
        <div className="mt-1 text-xs text-red-700 dark:text-red-300">
          <BidiText text={error} />
        </div>
      )}
    </>
  );
}

/** The template's name in the reader's language; an id the company no longer has is said so, not shown raw. */
type Templates = readonly Template[] | null | undefined;

function TemplateCell({ item, templates }: { item: SendLogItem; templates: Templates }) {
  if (!item.templateId) return <>message</>;
  const lang = item.lang ? ` (${item.lang})` : '';
  if (templates === null) return <span>a template (names could not be loaded){lang}</span>;
  if (!templates) return <span className="text-slate-500 dark:text-slate-400">loading template…</span>;
  const template = templates.find((t) => t.id === item.templateId);
  if (!template) return <span>deleted template{lang}</span>;
  return (
    <span>
      <BidiText text={templateName(template, uiLanguage())} />
      {lang}
    </span>
  );
}

const addresses = (list: readonly string[]) => list.map((a, i) => <BidiText key={i} text={i ? `, ${a}` : a} />);

/** The Sent page's columns; the subject names each row. */
export function sendLogColumns(templates: Templates): DataTableColumn<SendLogItem>[] {
  return [
    {
      id: 'subject',
      header: 'Subject',
      rowHeader: true,
      cell: (item) => (item.subject ? <BidiText text={item.subject} /> : '—'),
    },
    {
      id: 'when',
      header: 'When',
      className: 'xl:whitespace-nowrap',
      cell: (item) => <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>,
    },
    {
      id: 'who',
      header: 'Who',
      cell: (item) => (item.user ? <BidiText text={item.user.name ?? item.user.email} /> : 'deleted user'),
    },
    { id: 'from', header: 'From', cell: (item) => <BidiText text={item.from} /> },
    {
      id: 'to',
      header: 'To',
      cell: (item) => (
        <>
          {addresses(item.to)}
          {item.cc.length > 0 && (
            <div className="text-xs text-slate-500 dark:text-slate-400">Cc: {addresses(item.cc)}</div>
          )}
        </>
      ),
    },
    { id: 'template', header: 'Template', cell: (item) => <TemplateCell item={item} templates={templates} /> },
    {
      id: 'attachments',
      header: 'Attachments',
      cell: (item) =>
        item.attachments.length === 0 ? (
          '—'
        ) : (
          <ul>
            {item.attachments.map((a, i) => (
              <li key={i}>
                <BidiText text={a.filename} /> ({formatBytes(a.size)})
              </li>
            ))}
          </ul>
        ),
    },
    { id: 'status', header: 'Status', cell: (item) => <StatusCell item={item} /> },
  ];
}
