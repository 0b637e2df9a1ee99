import type { QueryClient } from '@tanstack/react-query';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { AuditPage } from '@web/features/audit/components/audit-page';
import { requireAbility } from './require-ability';

/** Admins only (ROLE_ABILITIES.readAudit): others get the "no access" page, not a failing pane. */
export const auditLoader = (queryClient: QueryClient) => async () => {
  await requireAbility(queryClient, 'readAudit');
  return null;
};

export function AuditRoute() {
  return (
    <>
      <title>Audit log · Sentroy Console</title>
      <PageHeader title="Audit log" description="Sign-ins, sends, mailbox actions and user changes, newest first." />
      <PaneErrorBoundary title="The audit log could not be shown.">
        <AuditPage />
      </PaneErrorBoundary>
    </>
  );
}
