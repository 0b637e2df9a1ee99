/**
 * The only module that imports DOMPurify (STYLE habit 7). Email HTML is hostile by default: it is sanitised here,
 * then shown in a sandboxed iframe (no scripts, opaque origin) whose srcdoc carries its own CSP, and links open in
 * a new tab (habit 9).
 *
 * Remote content (img src/srcset, background attributes, CSS url(), @import) is removed from the markup until the
 * user allows it, and counted so the reader can say how much was blocked. The srcdoc CSP is the backstop: if a
 * construct slipped through, the frame still cannot load anything remote unless remote images were allowed.
 */
import DOMPurify, { type Config } from 'dompurify';

export interface SanitizeEmailOptions {
  /** The user clicked "Show images" (or always allows this sender). */
  allowRemote: boolean;
}

export interface SanitizedEmail {
  /** Sanitised body markup (no <html>/<head>): for the srcdoc and for measuring its height. */
  body: string;
  /** How many remote resources were removed (0 when allowed). */
  blockedRemote: number;
}

const FORBID_TAGS = [
  'script',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'base',
  'meta',
  'link',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'track',
];

const FORBID_ATTR = ['ping', 'action', 'formaction', 'srcdoc', 'poster', 'lowsrc', 'dynsrc', 'longdesc', 'xmlns'];

/** Attributes that make the browser fetch something. */
const RESOURCE_ATTRS = ['src', 'background', 'data'];

const SAFE_LINK = /^(https?:|mailto:|tel:|#)/i;
const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp|avif|svg\+xml)[;,]/i;

export function isRemoteUrl(url: string): boolean {
  return /^\s*(https?:)?\/\//i.test(url);
}

function toAbsoluteRemote(url: string): string {
  const trimmed = url.trim();
  return trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
}

export interface CssContext {
  allowRemote: boolean;
  blocked: number;
}

/** Strips what CSS can do to escape, script or phone home: @import, old IE script hooks, positioning, remote url(). */
export function sanitizeCss(css: string, ctx: CssContext): string {
  // CSS escapes can spell "url(" or "expression(" in disguise; email CSS has no real use for them.
  let out = css.replace(/\\/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  out = out.replace(/@import\b[^;]*;?/gi, () => {
    ctx.blocked += 1;
    return '';
  });
  out = out.replace(/expression\s*\(|behaviou?r\s*:|-moz-binding\s*:|javascript\s*:/gi, '');
  out = out.replace(/position\s*:\s*(fixed|absolute|sticky)/gi, 'position: static');
  // image-set() takes plain strings as images too: spell them as url() so the one rule below sees every image.
  out = out.replace(/(image-set\s*\()([^)]*)/gi, (_match, head: string, args: string) => {
    return head + args.replace(/"([^"]*)"|'([^']*)'/g, (_m, dq?: string, sq?: string) => `url("${dq ?? sq ?? ''}")`);
  });
  // Each url() (quoted with either quote, or bare) becomes a placeholder; the backslash in the placeholder cannot come
  // from the input, which lost every backslash above.
  const kept: string[] = [];
  out = out.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)/gi,
    (_match, dq?: string, sq?: string, bare?: string) => {
      const url = (dq ?? sq ?? bare ?? '').trim();
      let replacement = 'none';
      if (DATA_IMAGE.test(url)) replacement = `url("${url.replace(/"/g, '%22')}")`;
      else if (isRemoteUrl(url)) {
        if (ctx.allowRemote) replacement = `url("${toAbsoluteRemote(url).replace(/"/g, '%22')}")`;
        else ctx.blocked += 1;
      }
      kept.push(replacement);
      return `\\${kept.length - 1}\\`;
    },
  );
  // What is left is a url() the browser would still read (e.g. left open at the end of the CSS): never load it.
  out = out.replace(/url\s*\([^;}]*/gi, () => {
    ctx.blocked += 1;
    return 'none';
  });
  return out.replace(/\\(\d+)\\/g, (_match, index: string) => kept[Number(index)] ?? 'none');
}

function sanitizeSrcset(value: string, ctx: CssContext): string | null {
  const candidates = value
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (const candidate of candidates) {
    const [url = '', descriptor = ''] = candidate.split(/\s+/, 2);
    if (DATA_IMAGE.test(url)) kept.push(candidate);
    else if (isRemoteUrl(url)) {
      if (ctx.allowRemote) kept.push(`${toAbsoluteRemote(url)} ${descriptor}`.trim());
      else ctx.blocked += 1;
    }
  }
  return kept.length ? kept.join(', ') : null;
}

function fixElement(node: Element, ctx: CssContext) {
  for (const name of RESOURCE_ATTRS) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    if (name === 'src' && node.tagName === 'IMG' && DATA_IMAGE.test(value.trim())) continue;
    if (isRemoteUrl(value) && ctx.allowRemote && name !== 'data') {
      node.setAttribute(name, toAbsoluteRemote(value));
      continue;
    }
    if (isRemoteUrl(value)) ctx.blocked += 1;
    // cid:, relative (would hit the console's own origin) and anything else: nothing to load.
    node.removeAttribute(name);
  }
  const srcset = node.getAttribute('srcset');
  if (srcset !== null) {
    const kept = sanitizeSrcset(srcset, ctx);
    if (kept) node.setAttribute('srcset', kept);
    else node.removeAttribute('srcset');
  }
  const style = node.getAttribute('style');
  if (style !== null) node.setAttribute('style', sanitizeCss(style, ctx));

  const href = node.getAttribute('href');
  if (href !== null && !SAFE_LINK.test(href.trim())) node.removeAttribute('href');
  if (node.tagName === 'A' || node.tagName === 'AREA') {
    const link = node.getAttribute('href')?.trim();
    if (link?.startsWith('#')) {
      // A srcdoc document resolves "#x" against the console's URL, so the frame would navigate to the console
      // (and be refused). Spelled against the frame's own URL it stays an in-document jump; "#" alone does nothing.
      if (link === '#') node.removeAttribute('href');
      else node.setAttribute('href', `about:srcdoc${link}`);
      node.removeAttribute('target');
    } else if (link !== undefined) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  // Keeps a leading <style> (email CSS usually sits in <head>) instead of dropping it as head content.
  FORCE_BODY: true,
  ADD_TAGS: ['style'],
  ADD_ATTR: ['target'],
  RETURN_TRUSTED_TYPE: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;
function getPurifier() {
  purifier ??= DOMPurify(window);
  return purifier;
}

/** Sanitise an email's HTML for the reader. Synchronous: the hooks see only this call's context. */
export function sanitizeEmailHtml(html: string, options: SanitizeEmailOptions): SanitizedEmail {
  const ctx: CssContext = { allowRemote: options.allowRemote, blocked: 0 };
  const dompurify = getPurifier();
  dompurify.removeAllHooks();
  dompurify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) node.textContent = sanitizeCss(node.textContent, ctx);
    // Count what the forbidden tags would have fetched, so the bar is honest about what the sender tried.
    if (!(node instanceof Element)) return;
    if (data.tagName === 'link' && isRemoteUrl(node.getAttribute('href') ?? '')) ctx.blocked += 1;
    if (data.tagName === 'video' || data.tagName === 'audio') {
      if (isRemoteUrl(node.getAttribute('poster') ?? '')) ctx.blocked += 1;
      if (isRemoteUrl(node.getAttribute('src') ?? '')) ctx.blocked += 1;
    }
  });
  dompurify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof Element) fixElement(node, ctx);
  });
  try {
    const body = dompurify.sanitize(html, CONFIG) as unknown as string;
    return { body, blockedRemote: ctx.blocked };
  } finally {
    dompurify.removeAllHooks();
  }
}

/** The CSP inside the srcdoc: nothing loads but inline styles and data: images, plus remote images once allowed. */
export function emailFrameCsp(allowRemote: boolean): string {
  const img = allowRemote ? 'img-src data: https: http:' : 'img-src data:';
  return `default-src 'none'; ${img}; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'`;
}

const FRAME_STYLE =
  'html,body{margin:0}body{padding:12px;font:14px/1.5 system-ui,sans-serif;color:#0f172a;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}';

/** The complete document for `<iframe srcdoc>`; the CSP meta comes first so it governs everything after it. */
export function buildEmailDocument(body: string, allowRemote: boolean): string {
  const csp = emailFrameCsp(allowRemote);
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head><body>${body}</body></html>`;
}

/** The frame's base styles for measuring the body in the page (inside a shadow root). */
export const EMAIL_MEASURE_STYLE =
  ':host{display:block;margin:0}.email-body{padding:12px;font:14px/1.5 system-ui,sans-serif;overflow-wrap:anywhere}img{max-width:100%;height:auto}';

// ---- Used by the dashboard (template preview, written messages): plain DOMPurify without the reader's hooks. ----

const BASIC_FORBID_TAGS = [
  'script',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'object',
  'embed',
  'iframe',
  'frame',
];
const BASIC_FORBID_ATTR = ['srcdoc', 'formaction'];

function plainPurifier() {
  const dompurify = getPurifier();
  dompurify.removeAllHooks();
  return dompurify;
}

/**
 * A whole email document (template previews): scripts, event handlers, forms and embedded objects go; links,
 * `<style>` and inline styles stay. Shown in a sandboxed iframe by its caller.
 */
export function sanitizeEmailDocument(html: string): string {
  return plainPurifier().sanitize(html, {
    WHOLE_DOCUMENT: true,
    ADD_TAGS: ['style'],
    FORBID_TAGS: BASIC_FORBID_TAGS,
    FORBID_ATTR: BASIC_FORBID_ATTR,
    RETURN_TRUSTED_TYPE: false,
  }) as unknown as string;
}

/** A fragment (a written message's body), sanitised the same way. */
export function sanitizeHtmlFragment(html: string): string {
  return plainPurifier().sanitize(html, {
    FORBID_TAGS: BASIC_FORBID_TAGS,
    FORBID_ATTR: BASIC_FORBID_ATTR,
    RETURN_TRUSTED_TYPE: false,
  }) as unknown as string;
}
