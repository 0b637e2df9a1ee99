import type { SendResponse } from '@contract/index';
import { Link } from 'react-router';
import { paths } from '@web/config/paths';

/** What the platform answered: job id, mail log id and status, per recipient for a batch. */
export function SendResult({ result }: { result: SendResponse }) {
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <p className="font-semibold">
        {'jobId' in result
          ? result.status === 'scheduled'
            ? `Scheduled for ${result.scheduledAt ?? ''}`
            : 'Message sent'
          : `Sent to ${result.totalQueued} recipients, each their own message`}
      </p>
      {'jobId' in result ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>Job id</dt>
          <dd className="font-mono">{result.jobId}</dd>
          <dt>Mail log id</dt>
          <dd className="font-mono">{result.mailLogId}</dd>
          <dt>Status</dt>
          <dd>{result.status}</dd>
        </dl>
      ) : (
        <ul className="mt-2 space-y-1">
          {result.jobs.map((job) => (
            <li key={job.jobId}>
              {job.to}: job <span className="font-mono">{job.jobId}</span>, mail log{' '}
              <span className="font-mono">{job.mailLogId}</span>
              {job.suppressed ? ' (suppressed)' : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link to={paths.sent.getHref()} className="underline">
          See the send log
        </Link>
      </p>
    </div>
  );
}
