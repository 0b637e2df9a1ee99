import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { domainQueryOptions } from '@web/lib/company-queries';
import { DomainDetailView } from '@web/features/domains/components/domain-detail-view';

export const domainDetailLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (params.id) void queryClient.prefetchQuery(domainQueryOptions(params.id));
    return null;
  };

export function DomainDetailRoute() {
  const { id = '' } = useParams();
  return (
    // Keyed by id: moving between domains starts from a fresh view rather than the previous one's state.
    <PaneErrorBoundary key={id} title="This domain could not be shown.">
      <DomainDetailView id={id} />
    </PaneErrorBoundary>
  );
}
