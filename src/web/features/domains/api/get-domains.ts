import { sentroyEndpoints, type Domain } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { domainKeys } from './keys';

const endpoint = sentroyEndpoints.listDomains;

export function getDomains(signal?: AbortSignal): Promise<Domain[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

/** Shared by the route loader (warms the cache) and the page (reads it). */
export const domainsQueryOptions = () =>
  queryOptions({
    queryKey: domainKeys.lists(),
    queryFn: ({ signal }) => getDomains(signal),
  });

export function useDomains() {
  return useQuery(domainsQueryOptions());
}
