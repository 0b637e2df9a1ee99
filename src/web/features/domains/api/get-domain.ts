import { buildPath, sentroyEndpoints, type DomainDetail } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { domainKeys } from './keys';

const endpoint = sentroyEndpoints.getDomain;

export function getDomain(id: string, signal?: AbortSignal): Promise<DomainDetail> {
  return apiClient.get(`/api${buildPath(endpoint.path, { id })}`, { schema: endpoint.response, signal });
}

export const domainQueryOptions = (id: string) =>
  queryOptions({
    queryKey: domainKeys.detail(id),
    queryFn: ({ signal }) => getDomain(id, signal),
  });

export function useDomain(id: string) {
  return useQuery(domainQueryOptions(id));
}
