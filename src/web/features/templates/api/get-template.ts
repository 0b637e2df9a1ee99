import { buildPath, sentroyEndpoints, type Template } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { templateKeys } from './keys';

const endpoint = sentroyEndpoints.getTemplate;

export function getTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  return apiClient.get(`/api${buildPath(endpoint.path, { id })}`, { schema: endpoint.response, signal });
}

export const templateQueryOptions = (id: string) =>
  queryOptions({ queryKey: templateKeys.detail(id), queryFn: ({ signal }) => getTemplate(id, signal) });

export function useTemplate(id: string) {
  return useQuery(templateQueryOptions(id));
}
