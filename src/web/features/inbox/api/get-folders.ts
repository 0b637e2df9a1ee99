import { sentroyEndpoints, type Folder } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { inboxKeys } from './keys';

const endpoint = sentroyEndpoints.listFolders;

/** How often folder counts (and so the list's totals) are refreshed while the inbox is open. */
export const INBOX_POLL_MS = 30_000;

export function getFolders(mailbox: string, signal?: AbortSignal): Promise<Folder[]> {
  return apiClient.get(`/api${endpoint.path}`, { query: { mailbox }, schema: endpoint.response, signal });
}

/** Folders with their counts; the counts are the list's totals (the platform's list has no paging metadata). */
export const foldersQueryOptions = (mailbox: string) =>
  queryOptions({
    queryKey: inboxKeys.folders(mailbox),
    queryFn: ({ signal }) => getFolders(mailbox, signal),
    refetchInterval: INBOX_POLL_MS,
    refetchOnWindowFocus: true,
  });

export function useFolders(mailbox: string) {
  return useQuery(foldersQueryOptions(mailbox));
}
