import {
  managedUserSchema,
  userWithPasswordSchema,
  type CreateUserRequest,
  type ManagedUser,
  type UpdateUserRequest,
  type UserWithPassword,
} from '@contract/index';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import type { AppQueryMeta } from '@web/lib/query-client';
import { userKeys } from './keys';

const userPath = (id: string) => `/api/console/users/${encodeURIComponent(id)}`;

export function createUser(body: CreateUserRequest): Promise<UserWithPassword> {
  return apiClient.post('/api/console/users', body, { schema: userWithPasswordSchema });
}

export function updateUser({ id, ...patch }: UpdateUserRequest & { id: string }): Promise<ManagedUser> {
  return apiClient.patch(userPath(id), patch, { schema: managedUserSchema });
}

export function resetUserPassword(id: string): Promise<UserWithPassword> {
  return apiClient.post(`${userPath(id)}/reset-password`, undefined, { schema: userWithPasswordSchema });
}

export function deleteUser(id: string): Promise<unknown> {
  return apiClient.delete(userPath(id));
}

/**
 * Every user mutation refreshes the list when it settles. Errors go through the global toast path, unless the
 * caller shows them itself (`errorHandling: 'local'`: the create and edit forms, next to the fields).
 */
function useUserMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  meta?: AppQueryMeta,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export const useCreateUser = (meta?: AppQueryMeta) => useUserMutation(createUser, meta);
export const useUpdateUser = (meta?: AppQueryMeta) => useUserMutation(updateUser, meta);
export const useResetUserPassword = () => useUserMutation(resetUserPassword);
export const useDeleteUser = () => useUserMutation(deleteUser);
