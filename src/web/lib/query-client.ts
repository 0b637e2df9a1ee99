import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from './api-client';

/**
 * `meta.errorHandling: 'local'` opts a query or mutation out of the global error path because its caller shows
 * the error itself: the sign-in form, and the `/auth/me` probe whose 401 simply means "not signed in".
 */
export interface AppQueryMeta extends Record<string, unknown> {
  errorHandling?: 'global' | 'local';
}

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    queryMeta: AppQueryMeta;
    mutationMeta: AppQueryMeta;
  }
}

export interface QueryClientOptions {
  /** The session is gone: the app clears the cache and sends the user to the sign-in page. */
  onUnauthorized: () => void;
  /** Any other failure: the app shows a toast with this message. */
  onError: (message: string) => void;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Client errors (4xx) will not heal on their own; network errors and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The one error path of the SPA: every query and mutation failure ends up here unless it opted out. */
export function createQueryClient({ onUnauthorized, onError }: QueryClientOptions): QueryClient {
  const handle = (error: unknown, meta: AppQueryMeta | undefined) => {
    if (meta?.errorHandling === 'local') return;
    if (isUnauthorized(error)) onUnauthorized();
    else onError(messageOf(error));
  };

  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => handle(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        // Focus refetches would re-toast a persistent error every time the window is focused.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
