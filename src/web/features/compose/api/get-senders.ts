import { sentroyEndpoints, type Domain, type Mailbox } from '@contract/index';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@web/lib/api-client';
import { composeKeys } from './keys';

/** The From choices (company mailboxes) and the domains they send from. */
export function getMailboxes(signal?: AbortSignal): Promise<Mailbox[]> {
  const endpoint = sentroyEndpoints.listMailboxes;
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export function getDomains(signal?: AbortSignal): Promise<Domain[]> {
  const endpoint = sentroyEndpoints.listDomains;
  return apiClient.get(`/api${endpoint.path}`, { schema: endpoint.response, signal });
}

export const mailboxesQueryOptions = () =>
  queryOptions({ queryKey: composeKeys.mailboxes(), queryFn: ({ signal }) => getMailboxes(signal) });
export const domainsQueryOptions = () =>
  queryOptions({ queryKey: composeKeys.domains(), queryFn: ({ signal }) => getDomains(signal) });

export function useMailboxes() {
  return useQuery(mailboxesQueryOptions());
}
export function useDomains() {
  return useQuery(domainsQueryOptions());
}
