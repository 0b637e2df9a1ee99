import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from '../http-errors';

/** 64 KB is plenty for every JSON body but /api/send, which carries base64 attachments (20 MB raw ≈ 27 MB encoded). */
export const SMALL_BODY_LIMIT_BYTES = 64 * 1024;
export const SEND_BODY_LIMIT_BYTES = 30 * 1024 * 1024;

/** Hono's body limit (checks Content-Length and counts streamed bytes) with the console's envelope and wording. */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, `The request body is too large (at most ${formatBytes(maxBytes)})`);
    },
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
