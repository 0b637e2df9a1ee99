import { sentroyEndpoints, type Mailbox } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { inboxKeys } from './keys';

const endpoint = sentroyEndpoints.listMailboxes;

export function getCompanyMailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

/** The company's mailboxes for the switcher; they change rarely. */
export const companyMailboxesQueryOptions = () =>
  queryOptions({
    queryKey: inboxKeys.companyMailboxes(),
    queryFn: ({ signal }) => getCompanyMailboxes(signal),
    staleTime: 5 * 60_000,
  });

export function useCompanyMailboxes() {
  return useQuery(companyMailboxesQueryOptions());
}
