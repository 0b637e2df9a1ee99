import { buildPath, sentroyEndpoints, type AttachmentInfo, type MessageDetail } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, requestBlob } from '@web/lib/api-client';
import { composeKeys } from './keys';

export interface OriginalRef {
  mailbox: string;
  folder: string;
  uid: number;
}

/** The message being replied to or forwarded (`GET /api/inbox/:uid`). */
export function getOriginal(ref: OriginalRef, signal?: AbortSignal): Promise<MessageDetail> {
  const endpoint = sentroyEndpoints.getMessage;
  return apiClient.get(`/api${buildPath(endpoint.path, { uid: ref.uid })}`, {
    query: { mailbox: ref.mailbox, folder: ref.folder },
    schema: endpoint.response,
    signal,
  });
}

export const originalQueryOptions = (ref: OriginalRef) =>
  queryOptions({
    queryKey: composeKeys.original(ref.mailbox, ref.folder, ref.uid),
    queryFn: ({ signal }) => getOriginal({ mailbox: ref.mailbox, folder: ref.folder, uid: ref.uid }, signal),
  });

export function useOriginal(ref: OriginalRef | null) {
  return useQuery({
    ...originalQueryOptions(ref ?? { mailbox: '', folder: '', uid: 0 }),
    enabled: ref !== null,
  });
}

/** One attachment of the original, for a forward (`GET /api/inbox/:uid/attachments/:partId/download`). */
export function downloadOriginalAttachment(ref: OriginalRef, attachment: AttachmentInfo): Promise<Blob> {
  const endpoint = sentroyEndpoints.downloadAttachment;
  return requestBlob(`/api${buildPath(endpoint.path, { uid: ref.uid, partId: attachment.partId })}`, {
    query: { mailbox: ref.mailbox, folder: ref.folder },
  });
}
