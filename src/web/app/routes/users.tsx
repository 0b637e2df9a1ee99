import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { mailboxesQueryOptions } from '@web/lib/company-queries';
import { usersQueryOptions } from '@web/features/users/api';
import { UsersPage } from '@web/features/users/components/users-page';
import { requireAbility } from './require-ability';

/** Admins only (ROLE_ABILITIES.manageUsers): others get the "no access" page, not a failing pane. */
export const usersLoader = (queryClient: QueryClient) => async () => {
  if (await requireAbility(queryClient, 'manageUsers')) {
    void queryClient.prefetchQuery(usersQueryOptions());
    void queryClient.prefetchQuery(mailboxesQueryOptions());
  }
  return null;
};

export function UsersRoute() {
  return (
    <>
      <title>Users · Sentroy Console</title>
      <PageHeader
        title="Users"
        description="Who can sign in to the console, their role and the mailboxes they may use."
      />
      <PaneErrorBoundary title="The users could not be shown.">
        <UsersPage />
      </PaneErrorBoundary>
    </>
  );
}
