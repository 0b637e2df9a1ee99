import type { AuditQuery } from '@contract/index';

/** Query keys of the audit feature: entity → scope → params. */
export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditQuery) => [...auditKeys.lists(), query] as const,
};
