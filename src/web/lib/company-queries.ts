import {
  buildPath,
  sentroyEndpoints,
  templatePreviewSchema,
  type Domain,
  type DomainDetail,
  type Mailbox,
  type Template,
  type TemplatePreview,
  type TemplateVariables,
} from '@contract/index';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';

/**
 * The company's directory — domains, mailboxes, templates, template previews — that several features read (the
 * domains and templates pages, compose, the inbox's mailbox switcher, user grants). One fetcher and one query key
 * per endpoint here, so every feature shares one cache entry instead of each asking Sentroy again under its own key.
 * Keys follow TanStack's entity → scope → params.
 */
export const companyKeys = {
  domains: () => ['domains', 'list'] as const,
  domain: (id: string) => ['domains', 'detail', id] as const,
  mailboxes: () => ['mailboxes', 'list'] as const,
  templates: (domainId?: string) => ['templates', 'list', domainId ?? 'all'] as const,
  template: (id: string) => ['templates', 'detail', id] as const,
  templatePreview: (id: string, lang: string | undefined, variables: TemplateVariables) =>
    ['templates', 'preview', id, { lang, variables }] as const,
};

export function getDomains(signal?: AbortSignal): Promise<Domain[]> {
  const endpoint = sentroyEndpoints.listDomains;
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export function getDomain(id: string, signal?: AbortSignal): Promise<DomainDetail> {
  const endpoint = sentroyEndpoints.getDomain;
  return apiClient.get(`/api${buildPath(endpoint.path, { id })}`, { schema: endpoint.response, signal });
}

/** The mailboxes this user may see (the BFF narrows a member's list to their grants). */
export function getMailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
  const endpoint = sentroyEndpoints.listMailboxes;
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

/** `GET /templates`, optionally only one domain's (`?domainId=`). */
export function getTemplates(domainId?: string, signal?: AbortSignal): Promise<Template[]> {
  const endpoint = sentroyEndpoints.listTemplates;
  return apiClient.get(`/api${endpoint.path}`, {
    ...(domainId ? { query: { domainId } } : {}),
    schema: endpoint.response,
    signal,
  });
}

export function getTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  const endpoint = sentroyEndpoints.getTemplate;
  return apiClient.get(`/api${buildPath(endpoint.path, { id })}`, { schema: endpoint.response, signal });
}

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

/** Route loaders warm the cache with these; the hooks below read the same entries. */
export const domainsQueryOptions = () =>
  queryOptions({ queryKey: companyKeys.domains(), queryFn: ({ signal }) => getDomains(signal) });

export const domainQueryOptions = (id: string) =>
  queryOptions({ queryKey: companyKeys.domain(id), queryFn: ({ signal }) => getDomain(id, signal) });

/** Mailboxes change rarely: five minutes fresh keeps the switcher and the From list from refetching on every visit. */
export const mailboxesQueryOptions = () =>
  queryOptions({
    queryKey: companyKeys.mailboxes(),
    queryFn: ({ signal }) => getMailboxes(signal),
    staleTime: 5 * 60_000,
  });

export const templatesQueryOptions = (domainId?: string) =>
  queryOptions({
    queryKey: companyKeys.templates(domainId),
    queryFn: ({ signal }) => getTemplates(domainId, signal),
  });

export const templateQueryOptions = (id: string) =>
  queryOptions({ queryKey: companyKeys.template(id), queryFn: ({ signal }) => getTemplate(id, signal) });

/** A render is a pure function of its inputs: cached per (id, lang, variables), the last one kept while typing. */
export const templatePreviewQueryOptions = (id: string, lang: string | undefined, variables: TemplateVariables) =>
  queryOptions({
    queryKey: companyKeys.templatePreview(id, lang, variables),
    queryFn: ({ signal }) => previewTemplate(id, { lang, variables }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    meta: { errorHandling: 'local' },
  });

export function useDomains() {
  return useQuery(domainsQueryOptions());
}
export function useDomain(id: string) {
  return useQuery(domainQueryOptions(id));
}
export function useMailboxes() {
  return useQuery(mailboxesQueryOptions());
}
export function useTemplates(domainId?: string) {
  return useQuery(templatesQueryOptions(domainId));
}
/** An empty id (nothing chosen yet) asks for nothing. */
export function useTemplate(id: string) {
  return useQuery({ ...templateQueryOptions(id), enabled: id !== '' });
}
export function useTemplatePreview(id: string, lang: string | undefined, variables: TemplateVariables) {
  return useQuery({ ...templatePreviewQueryOptions(id, lang, variables), enabled: id !== '' });
}
