import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { domainsQueryOptions, mailboxesQueryOptions } from '@web/features/compose/api/get-senders';
import { ComposeView } from '@web/features/compose/components/compose-view';

export const composeLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(mailboxesQueryOptions());
  void queryClient.prefetchQuery(domainsQueryOptions());
  return null;
};

export function ComposeRoute() {
  return (
    <>
      <title>Compose · Sentroy Console</title>
      <PageHeader
        title="Compose"
        description="Write and send from your company's mailboxes. Drafts are saved in this browser."
      />
      <PaneErrorBoundary title="The compose form could not be shown.">
        <ComposeView />
      </PaneErrorBoundary>
    </>
  );
}
