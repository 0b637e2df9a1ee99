import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { domainsQueryOptions } from '@web/lib/company-queries';
import { DomainsList } from '@web/features/domains/components/domains-list';

/** Starts the request while the route renders; not awaited, so the page shows its own loading and error states. */
export const domainsLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(domainsQueryOptions());
  return null;
};

export function DomainsRoute() {
  return (
    <>
      <title>Domains · Sentroy Console</title>
      <PageHeader
        title="Domains"
        description="Sending domains of your company and the state of their SPF, DKIM and DMARC records."
      />
      <PaneErrorBoundary title="The domains could not be shown.">
        <DomainsList />
      </PaneErrorBoundary>
    </>
  );
}
