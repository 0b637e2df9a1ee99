import type { TemplateVariables } from '@contract/index';

/** Query keys of the templates feature: entity → scope → params. Lists share the domains feature's key shape. */
export const templateKeys = {
  all: ['templates'] as const,
  lists: () => [...templateKeys.all, 'list'] as const,
  list: (domainId?: string) => [...templateKeys.lists(), domainId ?? 'all'] as const,
  detail: (id: string) => [...templateKeys.all, 'detail', id] as const,
  preview: (id: string, lang: string | undefined, variables: TemplateVariables) =>
    [...templateKeys.all, 'preview', id, { lang, variables }] as const,
};
export const domainKeys = { list: () => ['domains', 'list'] as const };
export const mailboxKeys = { list: () => ['mailboxes', 'list'] as const };
