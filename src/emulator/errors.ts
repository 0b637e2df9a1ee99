import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Expected failures, with the platform's exact status and message. The app's one onError turns them into
 * `{data: null, error}`.
 */
export function apiError(status: ContentfulStatusCode, message: string): HTTPException {
  return new HTTPException(status, { message });
}

/**
 * A failure the platform gets from its mail-server: the message reads "HTTP <upstream>: <text>" and most routes
 * report it as 500 (contract 2); a few keep the upstream status (pass `status`).
 */
export function upstreamError(
  upstreamStatus: number,
  message: string,
  status: ContentfulStatusCode = 500,
): HTTPException {
  return new HTTPException(status, { message: `HTTP ${upstreamStatus}: ${message}` });
}

export const IMAP_UNAVAILABLE = 'IMAP service unavailable';
