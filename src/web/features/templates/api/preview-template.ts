import { templatePreviewSchema, type TemplatePreview, type TemplateVariables } from '@contract/index';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { templateKeys } from './keys';

/** POST /api/console/templates/:id/preview: the BFF renders with the platform's rules. */
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

/** A render is a pure function of its inputs: cached per (id, lang, variables), the last one kept while typing. */
export const templatePreviewQueryOptions = (id: string, lang: string | undefined, variables: TemplateVariables) =>
  queryOptions({
    queryKey: templateKeys.preview(id, lang, variables),
    queryFn: ({ signal }) => previewTemplate(id, { lang, variables }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    meta: { errorHandling: 'local' },
  });

export function useTemplatePreview(id: string, lang: string | undefined, variables: TemplateVariables) {
  return useQuery(templatePreviewQueryOptions(id, lang, variables));
}
