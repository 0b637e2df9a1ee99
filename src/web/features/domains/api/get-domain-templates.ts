import { sentroyEndpoints, type Template } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { templateKeys } from './keys';

const endpoint = sentroyEndpoints.listTemplates;

/** The templates that belong to one domain (`GET /templates?domainId=`). */
export function getDomainTemplates(domainId: string, signal?: AbortSignal): Promise<Template[]> {
  return apiClient.get(`/api${endpoint.path}`, { query: { domainId }, schema: endpoint.response, signal });
}

export const domainTemplatesQueryOptions = (domainId: string) =>
  queryOptions({
    queryKey: templateKeys.list(domainId),
    queryFn: ({ signal }) => getDomainTemplates(domainId, signal),
  });

export function useDomainTemplates(domainId: string) {
  return useQuery(domainTemplatesQueryOptions(domainId));
}
