import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
// From 'react-router', not 'react-router/dom': one module instance in Vite and in Vitest (no dual-package split).
import { RouterProvider } from 'react-router';
import { ErrorBoundary } from '@web/components/errors/error-boundary';
import { ErrorFallback, errorMessage } from '@web/components/errors/error-fallback';
import { Toaster } from '@web/components/ui/toast';
import { createApp, type CreateAppOptions } from './create-app';

/** The app-level error boundary, the query cache, the router and the toasts. */
export function App(options: CreateAppOptions) {
  const [{ queryClient, router, toastStore }] = useState(() => createApp(options));

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
