import { QueryClientProvider } from '@tanstack/react-query';
// From 'react-router', not 'react-router/dom': one module instance in Vite and in Vitest (no dual-package split).
import { RouterProvider } from 'react-router';
import { ErrorBoundary } from '@web/components/errors/error-boundary';
import { ErrorFallback, errorMessage } from '@web/components/errors/error-fallback';
import { Toaster } from '@web/components/ui/toast';
import type { ConsoleApp } from './create-app';

/**
 * The app-level error boundary, the query cache, the router and the toasts. The app is created by the caller,
 * once, outside React: StrictMode runs state initialisers twice, and a second browser router would listen to
 * history and run loaders for nothing.
 */
export function App({ app: { queryClient, router, toastStore } }: { app: ConsoleApp }) {
  return (
    <ErrorBoundary
      fallback={({ error }) => (
        <ErrorFallback
          title="Sentroy Console stopped working."
          message={errorMessage(error)}
          onRetry={() => window.location.reload()}
          retryLabel="Reload the page"
        />
      )}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster store={toastStore} />
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
