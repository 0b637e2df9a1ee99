import { buildPath, sentroyEndpoints, type SendJob } from '@contract/index';
import { queryOptions, useQuery, type Query } from '@tanstack/react-query';
import { apiClient, isApiError } from '@web/lib/api-client';
import { isFinalJobState } from '../utils/job-status';

export const sendJobKeys = {
  all: ['send-job'] as const,
  detail: (jobId: string) => [...sendJobKeys.all, jobId] as const,
};

/** GET /api/send/{jobId}: the platform's queue state of one send. */
export function getSendJob(jobId: string, signal?: AbortSignal): Promise<SendJob> {
  const endpoint = sentroyEndpoints.getSendJob;
  return apiClient.get(`/api${buildPath(endpoint.path, { id: jobId })}`, { schema: endpoint.response, signal });
}

/** First look again after 2 s, then 4, 8, 16, 32 and every 60 s at most: quick sends settle fast, stuck ones cost little. */
export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 60_000;
/** A scheduled (delayed) job will not move before its time: looked at once a minute. */
export const DELAYED_POLL_MS = 60_000;

export function nextPollDelay(query: Query<SendJob, Error, SendJob, readonly unknown[]>): number | false {
  const { data, error, dataUpdateCount, errorUpdateCount } = query.state;
  // A 4xx (job gone, or not this user's) will not change by asking again.
  if (error && isApiError(error) && error.status >= 400 && error.status < 500) return false;
  if (data && isFinalJobState(data.state)) return false;
  if (data?.state === 'delayed') return DELAYED_POLL_MS;
  const attempts = dataUpdateCount + errorUpdateCount;
  return Math.min(FIRST_POLL_MS * 2 ** Math.max(0, attempts - 1), MAX_POLL_MS);
}

export const sendJobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: sendJobKeys.detail(jobId),
    queryFn: ({ signal }) => getSendJob(jobId, signal),
    refetchInterval: nextPollDelay,
    // Keeps following while the tab is in the background: the page is a monitor people leave open.
    refetchIntervalInBackground: true,
    staleTime: 0,
    // A row shows "status unavailable" itself; a toast per row of the page would bury the user.
    meta: { errorHandling: 'local' },
  });

/**
 * Follows one send until the platform says it is final. `enabled` is false for rows that never got a job (the
 * console or the platform refused the send) or that already failed.
 */
export function useSendJob(jobId: string | null, enabled: boolean) {
  return useQuery({ ...sendJobQueryOptions(jobId ?? ''), enabled: enabled && jobId !== null });
}
