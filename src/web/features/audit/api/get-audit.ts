import { auditPageSchema, type AuditPage, type AuditQuery } from '@contract/index';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { auditKeys } from './keys';

const clean = (query: AuditQuery) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;

export function getAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return apiClient.get('/api/console/audit', { query: clean(query), schema: auditPageSchema, signal });
}

/** The CSV export of the same filters (all pages): a plain download link. */
export function auditCsvHref(query: AuditQuery): string {
  const { page: _page, limit: _limit, ...filters } = query;
  const qs = new URLSearchParams(Object.entries(clean(filters)).map(([k, v]) => [k, String(v)])).toString();
  return qs ? `/api/console/audit.csv?${qs}` : '/api/console/audit.csv';
}

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => getAudit(query, signal),
    placeholderData: keepPreviousData,
  });

export function useAudit(query: AuditQuery) {
  return useQuery(auditQueryOptions(query));
}
