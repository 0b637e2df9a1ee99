import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useDomains } from '../api/get-domains';
import { DomainsTable } from './domains-table';

/** The domains pane: pending, error (with retry), empty, or the table. */
export function DomainsList() {
  const domainsQuery = useDomains();

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
  return <DomainsTable domains={domainsQuery.data} />;
}
