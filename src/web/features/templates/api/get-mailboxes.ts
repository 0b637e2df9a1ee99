import { sentroyEndpoints, type Mailbox } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { mailboxKeys } from './keys';

const endpoint = sentroyEndpoints.listMailboxes;

export function getMailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export const mailboxesQueryOptions = () =>
  queryOptions({ queryKey: mailboxKeys.list(), queryFn: ({ signal }) => getMailboxes(signal) });

export function useMailboxes() {
  return useQuery(mailboxesQueryOptions());
}
