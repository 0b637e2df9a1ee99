import { buildPath, sentroyEndpoints, type MessageDetail } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { inboxKeys } from './keys';

const endpoint = sentroyEndpoints.getMessage;

export function getMessage(mailbox: string, folder: string, uid: number, signal?: AbortSignal): Promise<MessageDetail> {
  return apiClient.get(`/api${buildPath(endpoint.path, { uid })}`, {
    query: { mailbox, folder },
    schema: endpoint.response,
    signal,
  });
}

export const messageQueryOptions = (mailbox: string, folder: string, uid: number) =>
  queryOptions({
    queryKey: inboxKeys.detail(mailbox, folder, uid),
    queryFn: ({ signal }) => getMessage(mailbox, folder, uid, signal),
    // A message's content never changes (IMAP); only its flags do, and those are patched in place.
    staleTime: 5 * 60_000,
  });

export function useMessage(mailbox: string, folder: string, uid: number | undefined) {
  return useQuery({ ...messageQueryOptions(mailbox, folder, uid ?? 0), enabled: uid !== undefined });
}

/** Link to download an attachment through the BFF (it streams with a restrictive CSP). */
export function attachmentHref(mailbox: string, folder: string, uid: number, partId: string): string {
  const path = buildPath(sentroyEndpoints.downloadAttachment.path, { uid, partId });
  const qs = new URLSearchParams({ mailbox, folder, download: '1' });
  return `/api${path}?${qs.toString()}`;
}
