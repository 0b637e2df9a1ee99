import {
  buildPath,
  MAX_PAGE_LIMIT,
  SPECIAL_USE,
  sentroyEndpoints,
  type MessageSummary,
  type SaveDraftBody,
} from '@contract/index';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiClient, isApiError, uploadJson } from '@web/lib/api-client';
import { draftFromMessage, parseDraftMessageId } from '../utils/draft-message';
import type { DraftServer } from '../utils/draft-sync';
import { downloadOriginalAttachment, getOriginal, type OriginalRef } from './get-original';
import { composeKeys } from './keys';
import { jsonWithAttachmentsBlob } from './send-message';

/** Drafts folders beyond this many pages (of 200) are not searched for older copies. */
const MAX_LIST_PAGES = 10;

/** `POST /api/inbox/drafts`; the body goes as a Blob (attachments can make it 27 MB of JSON). */
export function saveDraft(body: SaveDraftBody): Promise<void> {
  const endpoint = sentroyEndpoints.saveDraft;
  return uploadJson(`/api${endpoint.path}`, jsonWithAttachmentsBlob(body), { schema: endpoint.response }).then(
    () => undefined,
  );
}

export async function getDraftsFolder(mailbox: string): Promise<string> {
  const endpoint = sentroyEndpoints.listFolders;
  const folders = await apiClient.get(`/api${endpoint.path}`, { query: { mailbox }, schema: endpoint.response });
  // Where the platform appends: the \Drafts special-use folder, else the one named Drafts (created on first save).
  return folders.find((f) => f.specialUse === SPECIAL_USE.drafts)?.path ?? 'Drafts';
}

export async function listFolder(mailbox: string, folder: string): Promise<MessageSummary[]> {
  const endpoint = sentroyEndpoints.listMessages;
  const all: MessageSummary[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page += 1) {
    const items = await apiClient.get(`/api${endpoint.path}`, {
      query: { mailbox, folder, page, limit: MAX_PAGE_LIMIT },
      schema: endpoint.response,
    });
    all.push(...items);
    if (items.length < MAX_PAGE_LIMIT) break;
  }
  return all;
}

export async function removeMessage(mailbox: string, folder: string, uid: number): Promise<void> {
  const endpoint = sentroyEndpoints.deleteMessage;
  try {
    await apiClient.delete(`/api${buildPath(endpoint.path, { uid })}`, { query: { mailbox, folder } });
  } catch (error) {
    // Already gone (another tab, another client): what was wanted.
    if (isApiError(error) && error.status === 404) return;
    throw error;
  }
}

/** The Drafts folder over the BFF; every change marks the inbox's lists stale so the webmail shows it. */
export function createDraftServer(queryClient: QueryClient): DraftServer {
  const touched = (mailbox: string) => void queryClient.invalidateQueries({ queryKey: ['inbox', 'list', mailbox] });
  return {
    save: async (body) => {
      await saveDraft(body);
      touched(body.mailbox);
    },
    draftsFolder: getDraftsFolder,
    list: listFolder,
    remove: async (mailbox, folder, uid) => {
      await removeMessage(mailbox, folder, uid);
      touched(mailbox);
    },
  };
}

/** A draft opened from a Drafts folder: the message and its attachments' bytes, as a draft to edit. */
export const openDraftQueryOptions = ({ mailbox, folder, uid }: OriginalRef) =>
  queryOptions({
    queryKey: composeKeys.openDraft(mailbox, folder, uid),
    queryFn: async ({ signal }) => {
      const ref = { mailbox, folder, uid };
      const message = await getOriginal(ref, signal);
      const files = await Promise.all(message.attachments.map((a) => downloadOriginalAttachment(ref, a)));
      return draftFromMessage(message, ref, files);
    },
    // A draft is read once per opening: a refetch would replace what the user is typing.
    staleTime: Infinity,
    gcTime: 0,
    retry: 1,
  });

export function useOpenDraft(ref: OriginalRef | null) {
  return useQuery({ ...openDraftQueryOptions(ref ?? { mailbox: '', folder: '', uid: 0 }), enabled: ref !== null });
}

/** The newest copy of draft `draftId` in `mailbox`'s Drafts folder (a reload after the local buffer was emptied). */
export async function findSavedDraft(mailbox: string, draftId: string) {
  const folder = await getDraftsFolder(mailbox);
  const copies = (await listFolder(mailbox, folder))
    .map((m) => ({ m, id: parseDraftMessageId(m.messageId) }))
    .filter((x) => x.id?.draftId === draftId)
    .sort((a, b) => (a.id!.rev < b.id!.rev ? 1 : -1));
  const newest = copies[0];
  return newest ? { mailbox, folder, uid: newest.m.uid } : null;
}
