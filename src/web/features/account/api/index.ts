import {
  accountSessionSchema,
  signOutEverywhereResultSchema,
  type AccountSession,
  type ChangePasswordRequest,
  type SignOutEverywhereRequest,
} from '@contract/index';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';

/** Query keys of the account feature. */
export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};

export function getSessions(signal?: AbortSignal): Promise<AccountSession[]> {
  return apiClient.get('/api/console/account/sessions', { schema: accountSessionSchema.array(), signal });
}

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.sessions(), queryFn: ({ signal }) => getSessions(signal) });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

export function changePassword(body: ChangePasswordRequest): Promise<unknown> {
  return apiClient.post('/api/console/account/password', body);
}

/** The form shows a wrong current password itself, so errors stay local. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    meta: { errorHandling: 'local' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function signOutEverywhere(body: SignOutEverywhereRequest): Promise<{ ended: number }> {
  return apiClient.post('/api/console/account/sign-out-everywhere', body, { schema: signOutEverywhereResultSchema });
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

/** End one of the user's other sessions (`DELETE /api/console/account/sessions/:id`); the current one is refused. */
export function endSession(id: string): Promise<unknown> {
  return apiClient.delete(`/api/console/account/sessions/${encodeURIComponent(id)}`);
}

/** Optimistic: the row leaves the list at once and comes back with a toast if the BFF refuses. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onMutate: async (id: string) => {
      await queryClient.cancelQueries({ queryKey: accountKeys.sessions() });
      const previous = queryClient.getQueryData<AccountSession[]>(accountKeys.sessions());
      queryClient.setQueryData<AccountSession[]>(accountKeys.sessions(), (list) => list?.filter((s) => s.id !== id));
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(accountKeys.sessions(), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}
