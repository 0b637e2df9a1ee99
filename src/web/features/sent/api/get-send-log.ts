import { sendLogPageSchema, type SendLogPage } from '@contract/index';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';

export const sendLogKeys = {
  all: ['send-log'] as const,
  page: (page: number, limit: number) => [...sendLogKeys.all, { page, limit }] as const,
};

/** GET /api/console/send-log: the console's own record of every send, newest first. */
export function getSendLog(page: number, limit: number, signal?: AbortSignal): Promise<SendLogPage> {
  return apiClient.get('/api/console/send-log', { query: { page, limit }, schema: sendLogPageSchema, signal });
}

export const sendLogQueryOptions = (page: number, limit: number) =>
  queryOptions({
    queryKey: sendLogKeys.page(page, limit),
    queryFn: ({ signal }) => getSendLog(page, limit, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useSendLog(page: number, limit: number) {
  return useQuery(sendLogQueryOptions(page, limit));
}
