import { meSchema, type LoginRequest, type Me } from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { authKeys } from './keys';

export function login(credentials: LoginRequest): Promise<Me> {
  return apiClient.post('/auth/login', credentials, { schema: meSchema });
}

export interface UseLoginOptions {
  onSuccess?: (me: Me) => void;
}

/** Signs in and primes `/auth/me` with the answer, so the guarded page after it renders without another request. */
export function useLogin({ onSuccess }: UseLoginOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The form shows "Email or password is incorrect" itself; a 401 here must not mean "session expired".
    meta: { errorHandling: 'local' },
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
      onSuccess?.(me);
    },
  });
}
