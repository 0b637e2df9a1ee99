import type { TemplateVariables } from '@contract/index';

/** Query keys compose reads. Lists use the same keys as the domains and templates features: one cache entry each. */
export const composeKeys = {
  domains: () => ['domains', 'list'] as const,
  mailboxes: () => ['mailboxes', 'list'] as const,
  templates: () => ['templates', 'list', 'all'] as const,
  template: (id: string) => ['templates', 'detail', id] as const,
  preview: (id: string, lang: string | undefined, variables: TemplateVariables) =>
    ['templates', 'preview', id, { lang, variables }] as const,
  original: (mailbox: string, folder: string, uid: number) => ['inbox', 'message', mailbox, folder, uid] as const,
};
