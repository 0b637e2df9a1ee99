import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { paths } from '@web/config/paths';
import { AccountPage } from '@web/features/account/components/account-page';

export function AccountRoute() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <title>Account · Sentroy Console</title>
      <PageHeader title="Account" description="Your password and where you are signed in." />
      <PaneErrorBoundary title="Your account could not be shown.">
        <AccountPage
          onSignedOutHere={() => {
            void Promise.resolve(navigate(paths.login.getHref(), { replace: true })).then(() => queryClient.clear());
          }}
        />
      </PaneErrorBoundary>
    </>
  );
}
