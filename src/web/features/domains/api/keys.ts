/** Query keys of the domains feature: entity → scope → params (TanStack's query-keys guide). */
export const domainKeys = {
  all: ['domains'] as const,
  lists: () => [...domainKeys.all, 'list'] as const,
  details: () => [...domainKeys.all, 'detail'] as const,
  detail: (id: string) => [...domainKeys.details(), id] as const,
};

/** Mailboxes and templates are their own entities: the same keys in every feature share one cache entry. */
export const mailboxKeys = { list: () => ['mailboxes', 'list'] as const };
export const templateKeys = { list: (domainId?: string) => ['templates', 'list', domainId ?? 'all'] as const };
