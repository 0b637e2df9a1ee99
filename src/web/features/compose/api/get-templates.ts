import {
  buildPath,
  sentroyEndpoints,
  templatePreviewSchema,
  type Template,
  type TemplatePreview,
  type TemplateVariables,
} from '@contract/index';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { composeKeys } from './keys';

export function getTemplates(signal?: AbortSignal): Promise<Template[]> {
  const endpoint = sentroyEndpoints.listTemplates;
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export function getTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  const endpoint = sentroyEndpoints.getTemplate;
  return apiClient.get(`/api${buildPath(endpoint.path, { id })}`, { schema: endpoint.response, signal });
}

export function previewTemplate(
  id: string,
  body: { lang?: string; variables: TemplateVariables },
  signal?: AbortSignal,
): Promise<TemplatePreview> {
  return apiClient.post(`/api/console/templates/${encodeURIComponent(id)}/preview`, body, {
    schema: templatePreviewSchema,
    signal,
  });
}

export const templatesQueryOptions = () =>
  queryOptions({ queryKey: composeKeys.templates(), queryFn: ({ signal }) => getTemplates(signal) });

export const templateQueryOptions = (id: string) =>
  queryOptions({ queryKey: composeKeys.template(id), queryFn: ({ signal }) => getTemplate(id, signal) });

export const templatePreviewQueryOptions = (id: string, lang: string | undefined, variables: TemplateVariables) =>
  queryOptions({
    queryKey: composeKeys.preview(id, lang, variables),
    queryFn: ({ signal }) => previewTemplate(id, { lang, variables }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    meta: { errorHandling: 'local' },
  });

export function useTemplates() {
  return useQuery(templatesQueryOptions());
}
export function useTemplate(id: string) {
  return useQuery({ ...templateQueryOptions(id), enabled: id !== '' });
}
export function useTemplatePreview(id: string, lang: string | undefined, variables: TemplateVariables) {
  return useQuery({ ...templatePreviewQueryOptions(id, lang, variables), enabled: id !== '' });
}
