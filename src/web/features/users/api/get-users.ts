import { managedUserSchema, type ManagedUser } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { userKeys } from './keys';

export function getUsers(signal?: AbortSignal): Promise<ManagedUser[]> {
  return apiClient.get('/api/console/users', { schema: managedUserSchema.array(), signal });
}

export const usersQueryOptions = () =>
  queryOptions({ queryKey: userKeys.lists(), queryFn: ({ signal }) => getUsers(signal) });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
