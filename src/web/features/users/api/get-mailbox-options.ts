import { sentroyEndpoints, type Mailbox } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { userKeys } from './keys';

const endpoint = sentroyEndpoints.listMailboxes;

/** The company's mailboxes, offered as grant checkboxes (admins see them all). */
export function getMailboxOptions(signal?: AbortSignal): Promise<Mailbox[]> {
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export const mailboxOptionsQueryOptions = () =>
  queryOptions({ queryKey: userKeys.mailboxOptions(), queryFn: ({ signal }) => getMailboxOptions(signal) });

export function useMailboxOptions() {
  return useQuery(mailboxOptionsQueryOptions());
}
