import type { UpstreamConfig } from '../env';
import { MESSAGES } from '../http-errors';
import { secretRedactor, silentLogger, type Logger } from '../logger';

/**
 * The only code that talks to Sentroy. It adds the access token, applies the timeout, retries idempotent reads, and
 * turns every way a call can end into a plain result the routes forward as an envelope. It never throws for an
 * HTTP-level outcome, and the token appears in no result, error message or log line (messages pass `redact`).
 */

export type UpstreamMethod = 'GET' | 'POST' | 'DELETE';

export interface UpstreamRequest {
  method: UpstreamMethod;
  /** Path below `/{slug}`, already filled and encoded, e.g. `/inbox/42`. */
  path: string;
  query?: URLSearchParams;
  /** Serialised as JSON. */
  body?: unknown;
  /** `binary` streams the answer through (attachment download). */
  expect: 'json' | 'binary';
}

export type UpstreamResult =
  | { kind: 'data'; status: number; data: unknown }
  | { kind: 'binary'; status: number; body: ReadableStream<Uint8Array>; headers: Headers }
  | { kind: 'error'; status: number; error: string; retryAfterSeconds?: number };

export interface SentroyClient {
  request(req: UpstreamRequest): Promise<UpstreamResult>;
}

export interface RetryPolicy {
  /** Total tries for an idempotent GET, first one included. */
  attempts: number;
  /** Backoff before try n+1 is baseDelayMs·2^(n-1), scaled by a random factor in [0.5, 1.5). */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the 429 goes back to the browser with its Retry-After. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxRetryAfterMs: 5_000 };

/** The platform drops Retry-After (contract 4); this is what the console tells the browser instead. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export interface SentroyClientOptions {
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  userAgent?: string;
  /** Injected in tests to make backoff instant; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface CompleteUpstreamConfig extends UpstreamConfig {
  companySlug: string;
  accessToken: string;
}

export function createSentroyClient(config: CompleteUpstreamConfig, options: SentroyClientOptions = {}): SentroyClient {
  const logger = options.logger ?? silentLogger;
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const redact = secretRedactor([config.accessToken]);
  const companyBase = `${config.baseUrl}${config.apiPath}/${encodeURIComponent(config.companySlug)}`;

  async function attempt(req: UpstreamRequest): Promise<UpstreamResult> {
    const query = req.query?.toString();
    const url = `${companyBase}${req.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${config.accessToken}`,
      accept: req.expect === 'json' ? 'application/json' : '*/*',
    };
    if (options.userAgent) headers['user-agent'] = options.userAgent;
    if (req.body !== undefined) headers['content-type'] = 'application/json';

    // The timer covers the answer's headers and, for JSON, its body; a binary stream may take longer once it flows.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);
    try {
      const res = await fetch(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      if (req.expect === 'binary' && res.ok && res.body) {
        clearTimeout(timer);
        return { kind: 'binary', status: res.status, body: res.body, headers: res.headers };
      }
      const text = await res.text();
      return interpretJson(res.status, res.headers, text, redact);
    } catch (error) {
      if (timedOut) return { kind: 'error', status: 504, error: MESSAGES.upstreamTimeout };
      logger.warn(`upstream ${req.method} ${req.path} failed: ${describeNetworkError(error)}`);
      return { kind: 'error', status: 502, error: MESSAGES.upstreamUnreachable };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async request(req) {
      // POSTs and DELETEs change state: a retry after a lost answer could send the same mail twice.
      const maxAttempts = req.method === 'GET' ? retry.attempts : 1;
      for (let tryNumber = 1; ; tryNumber++) {
        const started = Date.now();
        const result = await attempt(req);
        logger.debug(`upstream ${req.method} ${req.path} → ${result.status} in ${Date.now() - started}ms`);
        if (result.kind !== 'error' || !isRetryable(result) || tryNumber >= maxAttempts) {
          return result.kind === 'error' && result.status === 429
            ? { ...result, retryAfterSeconds: result.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS }
            : result;
        }
        const waitMs = backoffMs(tryNumber, result.retryAfterSeconds, retry);
        if (waitMs === undefined) return result;
        logger.warn(
          `upstream ${req.method} ${req.path} answered ${result.status}; retry ${tryNumber + 1} in ${waitMs}ms`,
        );
        await sleep(waitMs);
      }
    },
  };
}

function isRetryable(result: Extract<UpstreamResult, { kind: 'error' }>): boolean {
  // A timeout already cost the full UPSTREAM_TIMEOUT_MS; retrying would multiply the wait the user sees.
  if (result.error === MESSAGES.upstreamTimeout) return false;
  return RETRYABLE_STATUSES.has(result.status);
}

/** Milliseconds to wait before the next try, or undefined when Retry-After asks for longer than we are willing to hold a request. */
function backoffMs(tryNumber: number, retryAfterSeconds: number | undefined, policy: RetryPolicy): number | undefined {
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms > policy.maxRetryAfterMs ? undefined : ms;
  }
  const exponential = policy.baseDelayMs * 2 ** (tryNumber - 1);
  return Math.round(exponential * (0.5 + Math.random()));
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * The platform wraps most upstream failures as `500 "HTTP <status>: <message>"` (contract 2): unwrap them so the
 * browser sees the real status. A rejected token is the operator's problem, not the user's session: it must not reach
 * the SPA as 401/403 (which would read as "you are signed out"), so it becomes a 502 naming the setting to check.
 */
export function mapUpstreamError(status: number, message: string): { status: number; error: string } {
  if (status === 401) return { status: 502, error: MESSAGES.upstreamTokenRejected };
  if (status === 403 && message.startsWith('Token belongs to'))
    return { status: 502, error: MESSAGES.upstreamWrongCompany };
  const wrapped = /^HTTP (\d{3}): ([\s\S]*)$/.exec(message);
  if (status === 500 && wrapped) {
    const innerStatus = Number(wrapped[1]);
    // An inner 401/403 is the platform's own mail-server key, not the console's token: pass it on as it is.
    if (innerStatus >= 400 && innerStatus <= 599) return { status: innerStatus, error: wrapped[2]!.trim() };
  }
  return { status, error: message };
}

function interpretJson(status: number, headers: Headers, text: string, redact: (s: string) => string): UpstreamResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'error', status: 502, error: MESSAGES.upstreamUnexpected };
  }
  if (typeof body !== 'object' || body === null || !('data' in body)) {
    return { kind: 'error', status: 502, error: MESSAGES.upstreamUnexpected };
  }
  const envelope = body as { data: unknown; error?: unknown };
  if (status >= 200 && status < 300 && envelope.error === undefined) {
    return { kind: 'data', status, data: envelope.data };
  }
  if (status >= 200 && status < 400) return { kind: 'error', status: 502, error: MESSAGES.upstreamUnexpected };
  const rawMessage =
    typeof envelope.error === 'string' && envelope.error.trim() !== '' ? envelope.error : `Sentroy answered ${status}`;
  const mapped = mapUpstreamError(status, redact(rawMessage));
  const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'));
  return { kind: 'error', ...mapped, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
}

/** "connect ECONNREFUSED 127.0.0.1:1" style detail for the server log only; the browser gets a fixed sentence. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.name : 'unknown error';
}
