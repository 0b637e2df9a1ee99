import { meSchema, type Me } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { authKeys } from './keys';

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiClient.get('/auth/me', { schema: meSchema, signal });
}

/**
 * Who is signed in. Its 401 means "not signed in", which the route guard turns into a redirect, so it opts out
 * of the global error path (that would toast it or redirect twice). The session only changes through sign-in
 * and sign-out, which write this cache entry themselves, so it never goes stale on its own.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: Infinity,
    retry: false,
    meta: { errorHandling: 'local' },
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
