import type { ReactNode } from 'react';
import { ErrorState } from '@web/components/ui/status-message';
import { ErrorBoundary } from './error-boundary';
import { errorMessage } from './error-fallback';

export interface PaneErrorBoundaryProps {
  /** What failed, e.g. "The domains could not be shown." */
  title: string;
  children: ReactNode;
}

/** A crash while rendering one pane replaces that pane only; the page, navigation and other panes keep working. */
export function PaneErrorBoundary({ title, children }: PaneErrorBoundaryProps) {
  return (
    <ErrorBoundary
      fallback={({ error, reset }) => <ErrorState title={title} message={errorMessage(error)} onRetry={reset} />}
    >
      {children}
    </ErrorBoundary>
  );
}
