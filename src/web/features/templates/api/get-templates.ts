import { sentroyEndpoints, type Template } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { templateKeys } from './keys';

const endpoint = sentroyEndpoints.listTemplates;

export function getTemplates(signal?: AbortSignal): Promise<Template[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export const templatesQueryOptions = () =>
  queryOptions({ queryKey: templateKeys.list(), queryFn: ({ signal }) => getTemplates(signal) });

export function useTemplates() {
  return useQuery(templatesQueryOptions());
}
