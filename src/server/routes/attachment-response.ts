import type { UpstreamResult } from '../upstream/client';

/**
 * The response for an attachment download: the bytes stream straight through, but the headers are the console's own.
 * Attachments are whatever a stranger mailed in, so a type that a browser could execute in our origin (HTML, SVG,
 * XML, scripts) is always a download; only passive types may open inline, and nothing is type-sniffed.
 */
const INLINE_SAFE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'text/plain',
]);

/** Inline content runs with no script and a unique origin; PDF is exempt because browsers' viewers refuse `sandbox`. */
const SANDBOX_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

export function attachmentResponse(
  result: Extract<UpstreamResult, { kind: 'binary' }>,
  options: { forceDownload: boolean; fallbackName: string },
): Response {
  const contentType = safeContentType(result.headers.get('content-type'));
  const inline = !options.forceDownload && INLINE_SAFE_TYPES.has(contentType.split(';')[0]!);
  const filename = filenameFrom(result.headers.get('content-disposition')) ?? options.fallbackName;
  const headers = new Headers({
    'Content-Type': contentType,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', filename),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  if (!contentType.startsWith('application/pdf')) headers.set('Content-Security-Policy', SANDBOX_CSP);
  const length = result.headers.get('content-length');
  if (length && /^\d+$/.test(length)) headers.set('Content-Length', length);
  return new Response(result.body, { status: 200, headers });
}

function safeContentType(raw: string | null): string {
  const [type, ...params] = (raw ?? '').split(';').map((p) => p.trim());
  const mime = type?.toLowerCase() ?? '';
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mime)) return 'application/octet-stream';
  const charset = params.find((p) => /^charset=[A-Za-z0-9_-]+$/i.test(p));
  return mime.startsWith('text/') && charset ? `${mime}; ${charset.toLowerCase()}` : mime;
}

// Control characters could split a header; quotes would end the quoted filename early.
// eslint-disable-next-line no-control-regex
const UNSAFE_FILENAME_CHARACTERS = /[\u0000-\u001f\u007f"]/g;

/** The file name from an upstream Content-Disposition (RFC 6266 `filename*` preferred), stripped to a safe base name. */
export function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  name ??=
    /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  const base = name.replace(/\\(.)/g, '$1').split(/[/\\]/).pop()!.replace(UNSAFE_FILENAME_CHARACTERS, '').trim();
  return base === '' || base === '.' || base === '..' ? undefined : base.slice(0, 255);
}

function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
