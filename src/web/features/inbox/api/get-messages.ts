import { sentroyEndpoints, type MessageSummary } from '@contract/index';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { INBOX_POLL_MS } from './get-folders';
import { inboxKeys, type MessageListFilter } from './keys';

const endpoint = sentroyEndpoints.listMessages;

/** One API page; the virtual list asks for the pages its visible rows fall into. */
export const PAGE_SIZE = 100;

/** How many of a folder's newest messages are read to link conversations (replies the subject search cannot find). */
export const LINK_SCAN_LIMIT = 100;

export interface ListPageParams {
  mailbox: string;
  folder: string;
  filter: MessageListFilter;
  page: number;
  limit?: number;
}

export function getMessages(p: ListPageParams, signal?: AbortSignal): Promise<MessageSummary[]> {
  return apiClient.get(`/api${endpoint.path}`, {
    query: {
      mailbox: p.mailbox,
      folder: p.folder,
      page: p.page,
      limit: p.limit ?? PAGE_SIZE,
      unread: p.filter.unreadOnly ? 'true' : undefined,
      q: p.filter.q || undefined,
    },
    schema: endpoint.response,
    signal,
  });
}

export const messagePageQueryOptions = ({ mailbox, folder, filter, page, limit = PAGE_SIZE }: ListPageParams) =>
  queryOptions({
    queryKey: inboxKeys.page(mailbox, folder, filter, page, limit),
    queryFn: ({ signal }) => getMessages({ mailbox, folder, filter, page, limit }, signal),
    refetchInterval: INBOX_POLL_MS,
    refetchOnWindowFocus: true,
  });

/** The pages `pages` of a folder view, each cached on its own, so scrolling far only loads what is shown. */
export function useMessagePages(base: Omit<ListPageParams, 'page'>, pages: readonly number[]) {
  return useQueries({
    queries: pages.map((page) => messagePageQueryOptions({ ...base, page })),
  });
}

/** The newest messages of a folder (one page of LINK_SCAN_LIMIT): shared by the conversation view and list. */
export const newestMessagesQueryOptions = (mailbox: string, folder: string) =>
  messagePageQueryOptions({ mailbox, folder, filter: { unreadOnly: false, q: '' }, page: 1, limit: LINK_SCAN_LIMIT });

/** The newest messages of `folders`, flattened (what has loaded so far); idle when `enabled` is false. */
export function useNewestMessages(mailbox: string, folders: readonly string[], enabled = true) {
  const results = useQueries({
    queries: folders.map((folder) => ({ ...newestMessagesQueryOptions(mailbox, folder), enabled })),
  });
  return results.flatMap((r) => r.data ?? []);
}
