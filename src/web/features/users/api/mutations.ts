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

/** Every user mutation refreshes the list when it settles; errors go through the global toast path. */
function useUserMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export const useCreateUser = () => useUserMutation(createUser);
export const useUpdateUser = () => useUserMutation(updateUser);
export const useResetUserPassword = () => useUserMutation(resetUserPassword);
export const useDeleteUser = () => useUserMutation(deleteUser);
