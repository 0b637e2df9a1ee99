import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SEND_LIMITS } from '../abuse-limits';
import type { AppDeps, AppEnv } from '../app-types';
import { looksLikeSessionToken, SESSION_COOKIE_NAME, sessionIdFromToken } from '../auth/session-token';
import { ApiError } from '../http-errors';

export interface SendGateOptions {
  maxConcurrent: number;
  maxQueued: number;
  maxWaitMs: number;
  largeBodyBytes: number;
  retryAfterSeconds: number;
}

export const busyMessage = (seconds: number) =>
  `The console is busy sending other large messages. Nothing was sent: try again in ${seconds} seconds.`;

/**
 * At most `maxConcurrent` large sends (POST /api/send over 1 MB, or of unknown length) are read and processed at once;
 * up to `maxQueued` more wait for a slot, their bodies left unread in their sockets, so memory is bounded by the slots
 * and not by how many arrive. A send that finds the queue full, or waits longer than `maxWaitMs`, is answered 503
 * with Retry-After before anything of it was read or sent, so retrying it (with the same Idempotency-Key) is safe;
 * the console sender still answers a repeat of a send that went out with its first result.
 *
 * Runs before access control, which reads the body to check the sender. Only a request with a live session takes a
 * slot: a stranger's large POST goes straight on to its 401, which needs no body, and cannot fill the queue.
 */
export function sendGate(
  deps: Pick<AppDeps, 'store' | 'now' | 'logger'>,
  options: Partial<SendGateOptions> & { maxConcurrent: number },
): MiddlewareHandler<AppEnv> {
  const settings: SendGateOptions = {
    maxQueued: SEND_LIMITS.maxQueued,
    maxWaitMs: SEND_LIMITS.maxWaitMs,
    largeBodyBytes: SEND_LIMITS.largeBodyBytes,
    retryAfterSeconds: SEND_LIMITS.retryAfterSeconds,
    ...options,
  };
  const slots = createSlots(settings.maxConcurrent, settings.maxQueued);
  const busy = () =>
    new ApiError(503, busyMessage(settings.retryAfterSeconds), { 'Retry-After': String(settings.retryAfterSeconds) });

  return async function sendGateMiddleware(c, next) {
    if (c.req.method !== 'POST' || !isLarge(c, settings.largeBodyBytes) || !(await hasLiveSession(c, deps))) {
      return next();
    }
    const release = await slots.acquire(settings.maxWaitMs, c.req.raw.signal).catch((reason: unknown) => {
      if (reason === CLIENT_GONE) return undefined;
      deps.logger.warn(`send gate: ${settings.maxConcurrent} large sends running, ${reason as string}: answered 503`);
      throw busy();
    });
    if (!release) throw busy(); // the client left while waiting; nobody reads this answer
    try {
      await next();
    } finally {
      release();
    }
  };
}

function isLarge(c: Context, largeBodyBytes: number): boolean {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return true;
  const bytes = Number(length);
  return !Number.isFinite(bytes) || bytes > largeBodyBytes;
}

/** Read-only: unlike resolveSession, it never slides the session (access control does that right after). */
async function hasLiveSession(c: Context, deps: Pick<AppDeps, 'store' | 'now'>): Promise<boolean> {
  const token = getCookie(c, SESSION_COOKIE_NAME);
  if (!looksLikeSessionToken(token)) return false;
  return (await deps.store.sessions.findActive(sessionIdFromToken(token), deps.now?.() ?? new Date())) !== undefined;
}

const CLIENT_GONE = Symbol('client gone');

/** A counting semaphore with a bounded FIFO queue and a wait limit. */
export function createSlots(max: number, maxQueued: number) {
  let active = 0;
  const queue: (() => void)[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      queue.shift()?.();
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    acquire(maxWaitMs: number, signal?: AbortSignal): Promise<() => void> {
      if (active < max) {
        active++;
        return Promise.resolve(releaser());
      }
      if (queue.length >= maxQueued) return Promise.reject(`${queue.length} waiting (the queue is full)`);
      return new Promise((resolve, reject) => {
        const leave = () => {
          const at = queue.indexOf(grant);
          if (at !== -1) queue.splice(at, 1);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const grant = () => {
          leave();
          active++;
          resolve(releaser());
        };
        const onAbort = () => {
          leave();
          reject(CLIENT_GONE);
        };
        const timer = setTimeout(() => {
          leave();
          reject(`waited ${maxWaitMs} ms for a slot`);
        }, maxWaitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(grant);
      });
    },
  };
}
