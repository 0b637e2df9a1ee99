/**
 * What a URL in an email may become, for the two things a mail does with URLs: load an image, or offer a link.
 * Relative URLs are never kept: the message document lives on the console's origin, so a relative URL would reach
 * the console itself. Browsers drop tabs and newlines inside URLs and trim spaces and controls around them; so do we
 * before judging, so `ja\tvascript:` and ` http://x` are seen as the browser would see them.
 */
export interface ImageUrlContext {
  allowRemote: boolean;
  /** The console's own origin: never an image source, consent or not (a GET there carries the session). */
  selfOrigin?: string;
  /** `cid:` → the console's URL of that inline part, when the message has it. */
  resolveCid?: (contentId: string) => string | undefined;
  /** Remote images removed for want of consent: what the "N remote resources were blocked" bar counts. */
  blocked: number;
}

// eslint-disable-next-line no-control-regex
const normalize = (raw: string) => raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp|avif|svg\+xml)[;,]/i;

/** An absolute http(s) URL (protocol-relative counts as https), parsed; anything else is null. */
export function parseRemote(raw: string): URL | null {
  const value = normalize(raw);
  const absolute = value.startsWith('//') ? `https:${value}` : value;
  if (!/^https?:\/\//i.test(absolute)) return null;
  try {
    const url = new URL(absolute);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The URL to load an image from, or null when nothing may load. Counts remote images held back for consent. */
export function judgeImageUrl(raw: string, ctx: ImageUrlContext): string | null {
  const value = normalize(raw);
  if (DATA_IMAGE.test(value)) return value;
  if (/^cid:/i.test(value)) return ctx.resolveCid?.(cidOf(value)) ?? null;
  const remote = parseRemote(value);
  if (!remote) return null;
  if (ctx.selfOrigin && remote.origin === ctx.selfOrigin) return null;
  if (ctx.allowRemote) return remote.href;
  ctx.blocked += 1;
  return null;
}

function cidOf(value: string): string {
  let id = value.slice(4);
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep it as written
  }
  return id.replace(/^<|>$/g, '').trim().toLowerCase();
}

export type LinkVerdict = { kind: 'external'; href: string } | { kind: 'anchor'; href: string } | { kind: 'none' };

/** Links: absolute http(s), mailto:, tel: and in-document #anchors. Everything else loses its href. */
export function judgeLink(raw: string): LinkVerdict {
  const value = normalize(raw);
  if (/^#[^\s#]+$/.test(value)) return { kind: 'anchor', href: value };
  if (/^(mailto|tel):/i.test(value)) return { kind: 'external', href: value };
  const remote = parseRemote(value);
  return remote ? { kind: 'external', href: remote.href } : { kind: 'none' };
}

/** Content IDs as a message's attachment list gives them (`<logo@x>` or `logo@x`), for lookup. */
export const normalizeContentId = (contentId: string) => contentId.replace(/^<|>$/g, '').trim().toLowerCase();
