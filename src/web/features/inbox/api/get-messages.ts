import { sentroyEndpoints, type MessageSummary } from '@contract/index';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { INBOX_POLL_MS } from './get-folders';
import { inboxKeys, type MessageListFilter } from './keys';

const endpoint = sentroyEndpoints.listMessages;

/** One API page; the virtual list asks for the pages its visible rows fall into. */
export const PAGE_SIZE = 100;

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
