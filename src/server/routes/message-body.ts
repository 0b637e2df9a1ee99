import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import {
  buildPath,
  messageQuerySchema,
  partIdSchema,
  sentroyEndpoints,
  uidSchema,
  type MessageDetail,
} from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { ApiError } from '../http-errors';
import { normalizeContentId } from '../mail-html/email-urls';
import { exceedsEmailHtmlLimits, measureHtml } from '../mail-html/html-complexity';
import { emailDocumentCsp, textEmailDocument, type SanitizedEmailDocument } from '../mail-html/sanitize-email';
import { createSanitizePool, SanitizeUnavailableError, type SanitizePool } from '../mail-html/sanitize-pool';
import { consoleOrigin } from '../request-info';
import { parseOrThrow } from '../validation';

/**
 * GET /api/console/inbox/message-body?mailbox=&folder=&uid=&images=0|1
 *
 * One message's body as a document of its own, for the reader's sandboxed frame: the BFF fetches the message with
 * the upstream client, sanitises it here (mail-html/, DOMPurify over jsdom, CSS judged by css-tree) and answers
 * text/html under a strict CSP of its own. No copy of a mail's HTML is ever parsed into the console's page, whose
 * CSP allows no remote image at all. The access table gives this route the `read` rule on `mailbox`, like the
 * platform's GET /inbox/{uid}. `images=1` is the user's consent to remote images; without it they are removed and
 * counted (the count is a <meta> of the document, which the reader reads from the same-origin frame).
 */
export const messageBodyQuerySchema = messageQuerySchema.extend({
  uid: uidSchema,
  images: z.enum(['0', '1'], { error: 'images must be 0 or 1' }).default('0'),
});

export function messageBodyRoutes(deps: AppDeps) {
  const router = new Hono<AppEnv>();

  router.get('/message-body', async (c) => {
    const { mailbox, folder, uid, images } = parseOrThrow(messageBodyQuerySchema, c.req.query());
    const endpoint = sentroyEndpoints.getMessage;
    const query = new URLSearchParams({ mailbox });
    if (folder !== undefined) query.set('folder', folder);
    const result = await deps.upstream.request({
      method: endpoint.method,
      path: buildPath(endpoint.path, { uid }),
      query,
      expect: 'json',
    });
    if (result.kind === 'error') throw new ApiError(result.status as ContentfulStatusCode, result.error);
    if (result.kind !== 'data') throw new ApiError(502, 'Sentroy returned an unexpected response');
    const parsed = endpoint.response.safeParse(result.data);
    if (!parsed.success) throw new ApiError(502, 'Sentroy returned a message in an unexpected shape');
    const detail = parsed.data;

    const allowRemote = images === '1';
    const document = await messageDocument(detail, {
      allowRemote,
      selfOrigin: consoleOrigin(c, deps.config),
      cids: cidUrls(detail, uid, query),
      onFallback: (reason) => deps.logger.warn(`message-body: uid ${uid} shown as text (${reason})`),
    });

    return c.body(document.html, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': emailDocumentCsp(allowRemote),
      // The reader frames it; nobody else may.
      'X-Frame-Options': 'SAMEORIGIN',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  return router;
}

/** `cid:` images are the message's own inline parts, served by the console's attachment route (same origin). */
function cidUrls(detail: MessageDetail, uid: number, query: URLSearchParams): [string, string][] {
  const urls: [string, string][] = [];
  for (const a of detail.attachments) {
    if (!a.contentId || !a.contentType.toLowerCase().startsWith('image/')) continue;
    if (!partIdSchema.safeParse(a.partId).success) continue;
    const path = buildPath(sentroyEndpoints.downloadAttachment.path, { uid, partId: a.partId });
    urls.push([normalizeContentId(a.contentId), `/api${path}?${query.toString()}`]);
  }
  return urls;
}

const TEXT_INSTEAD = "[This message's HTML is too large or too complex to show safely, so its text is shown instead.]";

/**
 * The document for one message: its sanitised HTML, or its text. HTML past the limits of html-complexity.ts, or whose
 * sanitising fails or runs out of time in the worker pool (sanitize-pool.ts), is shown as text with a note, so one
 * mail can neither hold the BFF nor leave the reader empty.
 */
async function messageDocument(
  detail: MessageDetail,
  options: { allowRemote: boolean; selfOrigin: string; cids: [string, string][]; onFallback: (reason: string) => void },
): Promise<SanitizedEmailDocument> {
  if (detail.htmlBody === null) return textEmailDocument(detail.textBody ?? '');
  const asText = (reason: string) => {
    options.onFallback(reason);
    return textEmailDocument(`${TEXT_INSTEAD}\n\n${detail.textBody ?? ''}`);
  };
  const complexity = measureHtml(detail.htmlBody);
  if (exceedsEmailHtmlLimits(complexity)) {
    return asText(`${complexity.bytes} bytes, ${complexity.depth} levels deep`);
  }
  try {
    return await sharedSanitizePool().sanitize({
      html: detail.htmlBody,
      allowRemote: options.allowRemote,
      selfOrigin: options.selfOrigin,
      cids: options.cids,
    });
  } catch (error) {
    if (error instanceof SanitizeUnavailableError) return asText(error.message);
    throw error;
  }
}

let pool: SanitizePool | undefined;
/** One pool per process, shared by every app instance; its workers start on the first message or at `warm…`. */
function sharedSanitizePool(): SanitizePool {
  pool ??= createSanitizePool();
  return pool;
}

/** Called by startServer: a serving console loads the sanitiser while it starts, not when the first mail opens. */
export function warmMessageSanitizer(): void {
  sharedSanitizePool().warm();
}
