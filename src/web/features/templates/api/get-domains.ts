import { sentroyEndpoints, type Domain } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { domainKeys } from './keys';

const endpoint = sentroyEndpoints.listDomains;

/** Domain names for the template list (same cache entry as the domains page). */
export function getDomains(signal?: AbortSignal): Promise<Domain[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export const domainsQueryOptions = () =>
  queryOptions({ queryKey: domainKeys.list(), queryFn: ({ signal }) => getDomains(signal) });

export function useDomains() {
  return useQuery(domainsQueryOptions());
}
