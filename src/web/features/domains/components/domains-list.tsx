import type { Domain } from '@contract/index';
import { useId, useMemo, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useDomains } from '@web/lib/company-queries';
import { needsAttention } from '../utils/dns-checks';
import { DomainsTable } from './domains-table';

type SortKey = 'attention' | 'name' | 'status' | 'newest' | 'oldest';

const sortLabels: Record<SortKey, string> = {
  attention: 'Needs attention first',
  name: 'Name (A–Z)',
  status: 'Status',
  newest: 'Newest first',
  oldest: 'Oldest first',
};

const statusOrder = { failed: 0, pending: 1, verifying: 2, active: 3 } as const;

function sortDomains(domains: readonly Domain[], key: SortKey): Domain[] {
  const byName = (a: Domain, b: Domain) => a.domain.localeCompare(b.domain);
  const sorted = [...domains];
  switch (key) {
    case 'attention':
      return sorted.sort((a, b) => Number(needsAttention(b)) - Number(needsAttention(a)) || byName(a, b));
    case 'name':
      return sorted.sort(byName);
    case 'status':
      return sorted.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || byName(a, b));
    case 'newest':
      return sorted.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    case 'oldest':
      return sorted.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

/** The domains pane: pending, error (with retry), empty, or the table with sorting and a "needs attention" filter. */
export function DomainsList() {
  const domainsQuery = useDomains();
  const [sortKey, setSortKey] = useState<SortKey>('attention');
  const [onlyAttention, setOnlyAttention] = useState(false);
  const sortId = useId();
  const filterId = useId();

  const shown = useMemo(() => {
    const all = domainsQuery.data ?? [];
    return sortDomains(onlyAttention ? all.filter(needsAttention) : all, sortKey);
  }, [domainsQuery.data, onlyAttention, sortKey]);

  if (domainsQuery.isPending) return <LoadingState label="Loading domains…" />;
  if (domainsQuery.isError) {
    return (
      <ErrorState
        title="Could not load the domains."
        message={domainsQuery.error.message}
        onRetry={() => void domainsQuery.refetch()}
      />
    );
  }
  if (domainsQuery.data.length === 0) {
    return (
      <EmptyState title="No domains yet">
        <p>Add a sending domain in your Sentroy dashboard; it appears here with its DNS checks.</p>
      </EmptyState>
    );
  }
  const attentionCount = domainsQuery.data.filter(needsAttention).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label htmlFor={sortId} className="flex items-center gap-2 text-slate-700 dark:text-slate-200">
          Sort by
          <select
            id={sortId}
            value={sortKey}
            onChange={(e) => setSortKey(e.target.value as SortKey)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {(Object.keys(sortLabels) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={filterId} className="flex items-center gap-2 text-slate-700 dark:text-slate-200">
          <input
            id={filterId}
            type="checkbox"
            checked={onlyAttention}
            onChange={(e) => setOnlyAttention(e.target.checked)}
          />
          Only domains that need attention ({attentionCount})
        </label>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="Every domain is fine">
          <p>All domains are active with SPF, DKIM and DMARC verified.</p>
        </EmptyState>
      ) : (
        <DomainsTable domains={shown} />
      )}
    </div>
  );
}
