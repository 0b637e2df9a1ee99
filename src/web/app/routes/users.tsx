import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { UsersPage } from '@web/features/users/components/users-page';

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
