import type { DomainDetail as DomainDetailData } from '@contract/index';
import { useEffect, useState } from 'react';
import { CopyButton } from '@web/components/ui/copy-button';
import { EmptyState } from '@web/components/ui/status-message';
import { formatDateTime } from '@web/lib/format-date';
import { checkPasses, formatDuration, statusMeaning, verifyTimeLeftMs, zoneFileSnippet } from '../utils/dns-checks';
import { CheckBadge, DomainStatusBadge } from './domain-badges';
import { DnsRecordsTable } from './dns-records-table';
import { DomainRelations } from './domain-relations';

const dt = 'text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const dd = 'mt-1 text-sm text-slate-900 dark:text-slate-100';
const h2 = 'mb-3 text-lg font-semibold text-slate-900 dark:text-slate-50';

/** "Fails in 2 h 10 min" for a verifying domain, refreshed every minute. */
function VerifyCountdown({ createdAt }: { createdAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const left = verifyTimeLeftMs(createdAt, now);
  return (
    <p className="mt-2 text-sm font-medium text-sky-900 dark:text-sky-100">
      {left > 0
        ? `Time left before it is marked failed: ${formatDuration(left)}.`
        : 'The 4-hour window has passed: the platform marks it failed at its next check.'}
    </p>
  );
}

/** One domain: its status and what it means, the three checks, the DNS records that make them pass, what uses it. */
export function DomainDetail({ domain }: { domain: DomainDetailData }) {
  const failingChecks = (['SPF', 'DKIM', 'DMARC'] as const).filter((check) => !checkPasses(domain, check));
  return (
    <div className="space-y-8">
      <section
        aria-labelledby="domain-status-heading"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950"
      >
        <h2 id="domain-status-heading" className="sr-only">
          Status
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <DomainStatusBadge status={domain.status} />
          <p className="text-sm text-slate-700 dark:text-slate-200">{statusMeaning[domain.status]}</p>
        </div>
        {domain.status === 'verifying' && <VerifyCountdown createdAt={domain.createdAt} />}
        {failingChecks.length > 0 && (
          <p className="mt-2 text-sm font-medium text-red-800 dark:text-red-200">
            To fix: publish the {failingChecks.join(' and ')} record{failingChecks.length > 1 ? 's' : ''} marked below
            at your DNS provider.
          </p>
        )}
      </section>

      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <dt className={dt}>SPF</dt>
          <dd className={dd}>
            <CheckBadge check="SPF" verified={domain.spfVerified} />
          </dd>
        </div>
        <div>
          <dt className={dt}>DKIM</dt>
          <dd className={dd}>
            <CheckBadge check="DKIM" verified={domain.dkimVerified} />
          </dd>
        </div>
        <div>
          <dt className={dt}>DMARC</dt>
          <dd className={dd}>
            <CheckBadge check="DMARC" verified={domain.dmarcVerified} />
          </dd>
        </div>
        <div>
          <dt className={dt}>Created</dt>
          <dd className={dd}>
            <time dateTime={domain.createdAt}>{formatDateTime(domain.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt className={dt}>Updated</dt>
          <dd className={dd}>
            <time dateTime={domain.updatedAt}>{formatDateTime(domain.updatedAt)}</time>
          </dd>
        </div>
        {domain.dkimSelector && (
          <div>
            <dt className={dt}>DKIM selector</dt>
            <dd className={`${dd} font-mono`}>{domain.dkimSelector}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="dns-records-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="dns-records-heading" className={h2.replace('mb-3 ', '')}>
            DNS records
          </h2>
          {domain.dnsRecords.length > 0 && (
            <CopyButton value={zoneFileSnippet(domain.domain, domain.dnsRecords)} label="Copy all as zone-file snippet">
              Copy all as zone-file snippet
            </CopyButton>
          )}
        </div>
        {domain.dnsRecords.length === 0 ? (
          <EmptyState title="No DNS records">
            <p>The platform has not generated records for this domain yet.</p>
          </EmptyState>
        ) : (
          <DnsRecordsTable domain={domain} />
        )}
      </section>

      <DomainRelations domainId={domain.id} domainName={domain.domain} />
    </div>
  );
}
