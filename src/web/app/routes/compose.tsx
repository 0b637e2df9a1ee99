import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { LoadingState } from '@web/components/ui/status-message';
import { useMe } from '@web/features/auth/api';
import { domainsQueryOptions, mailboxesQueryOptions } from '@web/lib/company-queries';
import { ComposeView } from '@web/features/compose/components/compose-view';

export const composeLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(mailboxesQueryOptions());
  void queryClient.prefetchQuery(domainsQueryOptions());
  return null;
};

export function ComposeRoute() {
  // Loaded by the protected parent route before any page renders.
  const me = useMe().data;
  return (
    <>
      <title>Compose · Sentroy Console</title>
      <PageHeader
        title="Compose"
        description="Write and send from your company's mailboxes. Drafts are saved to the Drafts folder of the From mailbox as you type."
      />
      <PaneErrorBoundary title="The compose form could not be shown.">
        {me ? (
          <ComposeView sender={{ userId: me.user.id, role: me.user.role, mailboxGrants: me.mailboxGrants }} />
        ) : (
          <LoadingState label="Loading…" />
        )}
      </PaneErrorBoundary>
    </>
  );
}
