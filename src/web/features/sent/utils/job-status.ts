import type { SendJob, SendLogItem } from '@contract/index';
import type { BadgeTone } from '@web/components/ui/badge';

type JobState = SendJob['state'];

/**
 * BullMQ's states as the platform reports them (`GET /send/{jobId}`, contract 5.6). `completed` and `failed` are
 * final; `unknown` means the queue no longer knows the job (removed after finishing), which will not change either.
 */
const FINAL_STATES: readonly JobState[] = ['completed', 'failed', 'unknown'];

export function isFinalJobState(state: JobState): boolean {
  return FINAL_STATES.includes(state);
}

/** Whether a send-log row is worth following: it has a job and the console did not already record it failed. */
export function shouldFollow(item: Pick<SendLogItem, 'jobId' | 'status'>): boolean {
  return item.jobId !== null && item.status !== 'failed';
}

export interface ShownStatus {
  label: string;
  tone: BadgeTone;
  /** Still moving: the row says it is being followed. */
  pending: boolean;
}

const jobLook: Record<JobState, ShownStatus> = {
  waiting: { label: 'queued', tone: 'info', pending: true },
  delayed: { label: 'scheduled', tone: 'info', pending: true },
  active: { label: 'sending', tone: 'warning', pending: true },
  completed: { label: 'sent', tone: 'success', pending: false },
  failed: { label: 'failed', tone: 'danger', pending: false },
  unknown: { label: 'no longer tracked', tone: 'neutral', pending: false },
};

const logLook: Record<SendLogItem['status'], ShownStatus> = {
  sending: { label: 'sending', tone: 'warning', pending: true },
  queued: { label: 'queued', tone: 'info', pending: true },
  scheduled: { label: 'scheduled', tone: 'info', pending: true },
  failed: { label: 'failed', tone: 'danger', pending: false },
};

/** The platform's word when the console has it, else what the console recorded at send time. */
export function shownStatus(item: Pick<SendLogItem, 'status'>, job: SendJob | undefined): ShownStatus {
  return job ? jobLook[job.state] : logLook[item.status];
}
