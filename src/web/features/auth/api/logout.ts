import { actionResultSchema, type ActionResult } from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { clearLocalDrafts } from '@web/lib/local-drafts';

export function logout(): Promise<ActionResult> {
  return apiClient.post('/auth/logout', undefined, { schema: actionResultSchema });
}

export interface UseLogoutOptions {
  /**
   * Runs whether or not the request succeeded (either way this browser must stop showing the user's data),
   * typically a navigation to the sign-in page; a returned promise is awaited before the cache is cleared.
   */
  onSettled?: () => unknown;
}

export function useLogout({ onSettled }: UseLogoutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // A 401 here means the session was already gone, which is what the user asked for.
    meta: { errorHandling: 'local' },
    onSettled: async () => {
      // Drafts buffered in this browser are the user's unsent mail: the next person here must not find them.
      await clearLocalDrafts();
      await onSettled?.();
      // Only once the signed-in pages are gone, so their mounted queries do not refetch on the way out.
      queryClient.clear();
    },
  });
}
