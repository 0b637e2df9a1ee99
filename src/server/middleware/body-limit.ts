import type { MiddlewareHandler } from 'hono';
import { BODY_LIMITS } from '../abuse-limits';
import { BodyRefusedError } from '../validation';

/** 64 KB is plenty for every JSON body but /api/send, which carries base64 attachments (20 MB raw ≈ 27 MB encoded). */
export const SMALL_BODY_LIMIT_BYTES = BODY_LIMITS.smallBytes;
export const SEND_BODY_LIMIT_BYTES = BODY_LIMITS.sendBytes;

export function tooLargeError(maxBytes: number): BodyRefusedError {
  return new BodyRefusedError(413, `The request body is too large (at most ${formatBytes(maxBytes)})`);
}

/**
 * A body size limit that fails where the body is READ, not here. Reading is left to the handler, after the session
 * and access checks: a refusal then has a user to audit it for (validation.ts readJsonBody reports the 413), a
 * stranger's oversized POST gets its 401 without the console reading a byte, and a send waiting for its turn
 * (send-gate.ts) leaves its body in the socket.
 *
 * With Content-Length (Node's parser holds the body to exactly that length) a length over the limit fails the first
 * read; without it (chunked), the bytes are counted as they stream and the read fails once past the limit. Hono's own
 * bodyLimit instead buffers a chunked body completely before the next handler runs.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return async function bodyLimitMiddleware(c, next) {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get('content-length');
    const chunked = raw.headers.has('transfer-encoding');
    if (declared !== null && !chunked) {
      const length = Number(declared);
      if (Number.isSafeInteger(length) && length <= maxBytes) return next();
      c.req.raw = withBody(raw, failingStream(tooLargeError(maxBytes)));
      return next();
    }
    c.req.raw = withBody(raw, raw.body.pipeThrough(countingStream(maxBytes)));
    return next();
  };
}

function withBody(raw: Request, body: ReadableStream<Uint8Array>): Request {
  return new Request(raw, { body, duplex: 'half' } as RequestInit);
}

/** A body that fails its first read, without pulling anything from the socket. */
function failingStream(error: BodyRefusedError): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(error);
    },
  });
}

function countingStream(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > maxBytes) controller.error(tooLargeError(maxBytes));
      else controller.enqueue(chunk);
    },
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
