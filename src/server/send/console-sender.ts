import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SendLogStatus, SendRequest } from '@contract/index';
import type { ConsoleStore } from '../db/index';
import type { SendLogOutcome } from '../db/send-log-store';
import { ApiError } from '../http-errors';
import type { Logger } from '../logger';
import type { SentroyClient, UpstreamRequest } from '../upstream/client';
import { decodedBase64Length } from './attachment-size';

/**
 * `POST /api/send` as the console runs it: every send is written to the send log (success and failure), and an
 * `Idempotency-Key` makes a repeat of the same draft answer with the first result instead of sending again.
 *
 * Who wins a duplicate: in this process, the in-flight map (a second click joins the first click's promise); across
 * processes, the unique index on `send_log.idempotency_key` (the loser waits for the winner's stored answer).
 * A send the platform refused for certain (4xx, or refused by the console before it left) releases its key, so the
 * user can fix the draft and send it again; an answer that leaves doubt (5xx, timeout) keeps it.
 */

export interface SendAnswer {
  status: ContentfulStatusCode;
  /** The envelope sent to the browser: `{data}` or `{data: null, error}`. */
  body: { data: unknown } | { data: null; error: string };
  headers: Record<string, string>;
  /** True when this answer is a replay of an earlier send with the same key. */
  replayed: boolean;
  /** True when the console refused the send before it reached Sentroy (the attachment cap). */
  refusedByConsole?: boolean;
}

export interface ConsoleSendInput {
  userId: string;
  body: SendRequest;
  idempotencyKey: string | undefined;
  /** Builds the upstream call; may throw an ApiError (the attachment cap) that is logged like any refusal. */
  toUpstream: () => UpstreamRequest;
}

export interface ConsoleSenderOptions {
  store: ConsoleStore;
  upstream: SentroyClient;
  logger: Logger;
  now?: () => Date;
  /** How long a duplicate from another process waits for the first send's answer. */
  waitForFirstMs?: number;
  pollMs?: number;
}

export interface ConsoleSender {
  send(input: ConsoleSendInput): Promise<SendAnswer>;
}

const IN_PROGRESS_MESSAGE = 'This message is still being sent; check the send log before trying again';

function splitAddresses(value: SendRequest['cc']): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((a) => a.trim()).filter(Boolean);
}

/** jobId / mailLogId / status from a single or batch send answer; anything else (a test double) gives nulls. */
function describeResult(data: unknown): Pick<SendLogOutcome, 'jobId' | 'mailLogId'> & { status: SendLogStatus } {
  const record = (data ?? {}) as Record<string, unknown>;
  if (typeof record.jobId === 'string') {
    return {
      jobId: record.jobId,
      mailLogId: typeof record.mailLogId === 'string' ? record.mailLogId : null,
      status: record.status === 'scheduled' ? 'scheduled' : 'queued',
    };
  }
  if (Array.isArray(record.jobs)) {
    const jobs = record.jobs as { jobId?: unknown; mailLogId?: unknown }[];
    const join = (key: 'jobId' | 'mailLogId') =>
      jobs
        .map((j) => (typeof j[key] === 'string' ? j[key] : ''))
        .filter(Boolean)
        .join(',') || null;
    return { jobId: join('jobId'), mailLogId: join('mailLogId'), status: 'queued' };
  }
  return { jobId: null, mailLogId: null, status: 'queued' };
}

export function createConsoleSender(options: ConsoleSenderOptions): ConsoleSender {
  const now = options.now ?? (() => new Date());
  const waitForFirstMs = options.waitForFirstMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const inFlight = new Map<string, Promise<SendAnswer>>();

  function replay(stored: { responseStatus: number | null; responseBody: string | null }): SendAnswer | undefined {
    if (stored.responseStatus === null || stored.responseBody === null) return undefined;
    return {
      status: stored.responseStatus as ContentfulStatusCode,
      body: JSON.parse(stored.responseBody) as SendAnswer['body'],
      headers: {},
      replayed: true,
    };
  }

  /** Another process holds the key: wait for its answer (or for the key to be released, then send ourselves). */
  async function waitForFirst(key: string, input: ConsoleSendInput): Promise<SendAnswer> {
    const deadline = Date.now() + waitForFirstMs;
    while (Date.now() < deadline) {
      const stored = await options.store.sendLog.findByKey(key);
      if (!stored) return sendOnce(key, input);
      const answer = replay(stored);
      if (answer) return answer;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new ApiError(409, IN_PROGRESS_MESSAGE);
  }

  async function sendOnce(key: string | null, input: ConsoleSendInput): Promise<SendAnswer> {
    if (key !== null) {
      const stored = await options.store.sendLog.findByKey(key);
      if (stored) return replay(stored) ?? waitForFirst(key, input);
    }
    const { body } = input;
    const id = await options.store.sendLog.begin({
      userId: input.userId,
      from: body.from,
      to: body.to !== undefined ? [body.to] : (body.recipients ?? []).map((r) => r.to),
      cc: splitAddresses(body.cc),
      subject: body.subject,
      templateId: body.templateId ?? null,
      lang: body.templateId !== undefined ? (body.lang ?? null) : null,
      attachments: (body.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType ?? null,
        size: decodedBase64Length(a.content),
      })),
      scheduledAt: body.scheduledAt ?? null,
      idempotencyKey: key,
      now: now(),
    });
    if (id === undefined) return waitForFirst(key!, input);

    let answer: SendAnswer;
    let outcome: SendLogOutcome;
    try {
      const result = await options.upstream.request(input.toUpstream());
      if (result.kind === 'data') {
        answer = {
          status: result.status as ContentfulStatusCode,
          body: { data: result.data },
          headers: {},
          replayed: false,
        };
        outcome = { ...describeResult(result.data), error: null, responseStatus: 0, responseBody: '' };
      } else if (result.kind === 'error') {
        answer = {
          status: result.status as ContentfulStatusCode,
          body: { data: null, error: result.error },
          headers: result.retryAfterSeconds !== undefined ? { 'Retry-After': String(result.retryAfterSeconds) } : {},
          replayed: false,
        };
        outcome = {
          status: 'failed',
          jobId: null,
          mailLogId: null,
          error: result.error,
          responseStatus: 0,
          responseBody: '',
        };
      } else {
        throw new Error('send answered with a binary body');
      }
    } catch (error) {
      if (!(error instanceof ApiError)) {
        await options.store.sendLog.finish(
          id,
          {
            status: 'failed',
            jobId: null,
            mailLogId: null,
            error: 'Console error',
            responseStatus: 500,
            responseBody: '',
          },
          { releaseKey: true },
        );
        throw error;
      }
      answer = {
        status: error.status as ContentfulStatusCode,
        body: { data: null, error: error.message },
        headers: error.headers,
        replayed: false,
        refusedByConsole: true,
      };
      outcome = {
        status: 'failed',
        jobId: null,
        mailLogId: null,
        error: error.message,
        responseStatus: 0,
        responseBody: '',
      };
    }
    outcome.responseStatus = answer.status;
    outcome.responseBody = JSON.stringify(answer.body);
    const refusedForCertain = answer.status >= 400 && answer.status < 500;
    await options.store.sendLog.finish(id, outcome, { releaseKey: refusedForCertain });
    if (outcome.status === 'failed') {
      options.logger.info(`send from ${body.from} failed with ${answer.status}: ${outcome.error ?? ''}`);
    }
    return answer;
  }

  return {
    async send(input) {
      // Keys are per console user: one person's key can never replay another person's send.
      const key = input.idempotencyKey ? `${input.userId}:${input.idempotencyKey}` : null;
      if (key === null) return sendOnce(null, input);
      const running = inFlight.get(key);
      if (running) return { ...(await running), replayed: true };
      const promise = sendOnce(key, input).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}
