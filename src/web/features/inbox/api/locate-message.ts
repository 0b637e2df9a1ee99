import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '@web/lib/api-client';
import { normalizeMessageId } from '@mail/threading';
import { getMessage, messageQueryOptions } from './get-message';
import { inboxKeys } from './keys';

/** Where a message of the virtual All folder lives: its real folder (its UID is that folder's). */
export interface LocatedMessage {
  folder: string;
  uid: number;
}

/**
 * The virtual All folder's items carry no folder and their UIDs may collide (contract 5.7). Asks each real folder
 * for that UID and keeps the one whose Message-ID matches; without a Message-ID only an unambiguous UID counts.
 * Resolves to null when no folder (or more than one) has it.
 */
export async function locateMessage(
  mailbox: string,
  uid: number,
  messageId: string | null,
  folders: readonly string[],
  signal?: AbortSignal,
): Promise<(LocatedMessage & { detail: Awaited<ReturnType<typeof getMessage>> }) | null> {
  const wanted = normalizeMessageId(messageId);
  const found = await Promise.all(
    folders.map(async (folder) => {
      try {
        return { folder, uid, detail: await getMessage(mailbox, folder, uid, signal) };
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    }),
  );
  const hits = found.filter((hit) => hit !== null);
  if (wanted) return hits.find((hit) => normalizeMessageId(hit.detail.messageId) === wanted) ?? null;
  return hits.length === 1 ? hits[0]! : null;
}

export const locateMessageQueryOptions = (
  queryClient: QueryClient,
  mailbox: string,
  uid: number,
  messageId: string | null,
  folders: readonly string[],
) =>
  queryOptions({
    queryKey: inboxKeys.locate(mailbox, uid, messageId ?? '', folders),
    queryFn: async ({ signal }): Promise<LocatedMessage | null> => {
      const hit = await locateMessage(mailbox, uid, messageId, folders, signal);
      if (!hit) return null;
      // The reader asks for exactly this message next: hand it over instead of fetching it twice.
      queryClient.setQueryData(messageQueryOptions(mailbox, hit.folder, hit.uid).queryKey, hit.detail);
      return { folder: hit.folder, uid: hit.uid };
    },
    staleTime: 60_000,
  });

/** Locates the open message of the All folder once the folder list is known; idle otherwise. */
export function useLocateMessage(
  mailbox: string,
  target: { uid: number; messageId: string | null } | undefined,
  folders: readonly string[] | undefined,
) {
  const queryClient = useQueryClient();
  return useQuery({
    ...locateMessageQueryOptions(queryClient, mailbox, target?.uid ?? 0, target?.messageId ?? null, folders ?? []),
    enabled: target !== undefined && folders !== undefined,
  });
}
