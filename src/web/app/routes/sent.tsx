import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { SendLogView } from '@web/features/sent/components/send-log-view';

export function SentRoute() {
  return (
    <>
      <title>Sent · Sentroy Console</title>
      <PageHeader
        title="Sent"
        description="Every message sent through this console: who, what, and what the platform answered."
      />
      <PaneErrorBoundary title="The send log could not be shown.">
        <SendLogView />
      </PaneErrorBoundary>
    </>
  );
}
