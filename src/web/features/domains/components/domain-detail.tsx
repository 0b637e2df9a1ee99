import type { DomainDetail as DomainDetailData } from '@contract/index';
import { EmptyState } from '@web/components/ui/status-message';
import { formatDateTime } from '@web/lib/format-date';
import { CheckBadge, DomainStatusBadge } from './domain-badges';
import { DnsRecordsTable } from './dns-records-table';

const dt = 'text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const dd = 'mt-1 text-sm text-slate-900 dark:text-slate-100';

/** One domain: its status, the three checks, and the DNS records that make them pass. */
export function DomainDetail({ domain }: { domain: DomainDetailData }) {
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <dt className={dt}>Status</dt>
          <dd className={dd}>
            <DomainStatusBadge status={domain.status} />
          </dd>
        </div>
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
        <h2 id="dns-records-heading" className="mb-3 text-lg font-semibold text-slate-900 dark:text-slate-50">
          DNS records
        </h2>
        {domain.dnsRecords.length === 0 ? (
          <EmptyState title="No DNS records">
            <p>The platform has not generated records for this domain yet.</p>
          </EmptyState>
        ) : (
          <DnsRecordsTable records={domain.dnsRecords} domain={domain.domain} />
        )}
      </section>
    </div>
  );
}
