/**
 * An email's HTML → a complete, sanitised HTML document that the BFF serves as its own page (routes/message-body.ts)
 * under a strict CSP, for a sandboxed frame without scripts. Pure: no HTTP, no state between calls.
 *
 * DOMPurify (over jsdom) removes scripts, handlers, forms, frames, embedded objects, SVG/MathML and DOM-clobbering
 * names; its hooks then judge every URL (email-urls.ts) and every piece of CSS (sanitize-css.ts, css-tree tokens).
 * Remote images stay out until the user consents (`allowRemote`), and are counted for the reader's bar.
 *
 * The mail's own `<body>` (background, bgcolor, padding, font, legacy margin attributes) and its doctype are kept,
 * so inlined newsletter templates render as their authors made them; the frame is their whole page.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM } from 'jsdom';
import { judgeImageUrl, judgeLink, type ImageUrlContext } from './email-urls';
import { sanitizeDeclarations, sanitizeStylesheet, type CssJudge } from './sanitize-css';

export interface SanitizeEmailOptions {
  /** The user clicked "Show images" (or always allows this sender). */
  allowRemote: boolean;
  /** The console's origin (e.g. `https://console.acme.example`): never an image source. */
  selfOrigin?: string;
  /** `cid:` content id (lower case, without `<>`) → the console's URL of that part of this message. */
  resolveCid?: (contentId: string) => string | undefined;
}

export interface SanitizedEmailDocument {
  /** A whole document: doctype, head with the frame's base style, the mail's styles and body. */
  html: string;
  /** Remote images removed for want of consent (0 when allowed). */
  blockedRemote: number;
}

/** The reader reads the count from here (the frame is same-origin); DOMPurify strips every <meta> of the mail. */
export const BLOCKED_META_NAME = 'sentroy-blocked-remote';

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
  'title',
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
  'dialog',
];
const FORBID_ATTR = [
  'ping',
  'action',
  'formaction',
  'srcdoc',
  'poster',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'xmlns',
  'download',
  'popover',
  'popovertarget',
];
/** Presentational attributes that newsletters put on <body>; DOMPurify does not know the legacy ones. */
const BODY_ATTRS = [
  'bgcolor',
  'text',
  'link',
  'vlink',
  'alink',
  'leftmargin',
  'topmargin',
  'marginwidth',
  'marginheight',
];

const CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  RETURN_DOM: true,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ADD_TAGS: ['style'],
  ADD_ATTR: ['target', ...BODY_ATTRS],
};

/**
 * The frame's own base style, before the mail's: white page, light scheme, a readable font for mails that set
 * none. Nothing here changes margins or sizes, so a template looks as it does in a browser on its own.
 */
export const FRAME_BASE_STYLE = 'html{background:#fff;color-scheme:light;font-family:system-ui,sans-serif}';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

const RESOURCE_ATTRS = ['src', 'background'] as const;

function fixElement(node: Element, ctx: ImageUrlContext, judge: CssJudge) {
  for (const name of RESOURCE_ATTRS) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const kept = judgeImageUrl(value, ctx);
    if (kept === null) node.removeAttribute(name);
    else node.setAttribute(name, kept);
  }
  const srcset = node.getAttribute('srcset');
  if (srcset !== null) {
    node.removeAttribute('srcset');
    // Candidates are "url descriptor" separated by commas (data: URLs hold commas too): keep the set only when
    // every candidate is an allowed remote URL; else the src alone is shown, and what was held back is counted.
    const candidates = srcset.split(/,\s+/).map((c) => c.trim().split(/\s+/));
    const judged = candidates.map(([url = '', descriptor = '']) => {
      const kept = judgeImageUrl(url, ctx);
      return kept === null ? null : `${kept}${descriptor ? ` ${descriptor}` : ''}`;
    });
    if (judged.length && judged.every((c) => c !== null)) node.setAttribute('srcset', judged.join(', '));
  }
  const style = node.getAttribute('style');
  if (style !== null) {
    const clean = sanitizeDeclarations(style, judge);
    if (clean) node.setAttribute('style', clean);
    else node.removeAttribute('style');
  }
  const href = node.getAttribute('href');
  if (href !== null) {
    const link = judgeLink(href);
    node.removeAttribute('target');
    node.removeAttribute('rel');
    if (link.kind === 'none') node.removeAttribute('href');
    else node.setAttribute('href', link.href);
    if (link.kind === 'external') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  } else if (node.hasAttribute('target')) {
    node.removeAttribute('target');
  }
  for (const name of ['usemap', 'cite']) {
    if (node.hasAttribute(name) && !/^#/.test(node.getAttribute(name) ?? '')) node.removeAttribute(name);
  }
}

/** The mail's doctype, if any, re-spelled from its parsed parts (quirks, almost-standards and standards modes). */
function doctypeOf(html: string): string {
  const match = /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype\s[^>]*>/i.exec(html);
  if (!match) return '';
  const doctype = new window.DOMParser().parseFromString(`${match[0]}<html></html>`, 'text/html').doctype;
  if (!doctype) return '';
  const clean = (s: string) => s.replace(/[^\w\s./:()+,;-]/g, '');
  const publicId = clean(doctype.publicId);
  const systemId = clean(doctype.systemId);
  if (publicId) return `<!DOCTYPE html PUBLIC "${publicId}"${systemId ? ` "${systemId}"` : ''}>`;
  if (systemId) return `<!DOCTYPE html SYSTEM "${systemId}">`;
  return '<!DOCTYPE html>';
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Sanitise a mail's HTML into a complete document. Synchronous: the hooks see only this call's context. */
export function sanitizeEmailDocument(html: string, options: SanitizeEmailOptions): SanitizedEmailDocument {
  const ctx: ImageUrlContext = {
    allowRemote: options.allowRemote,
    selfOrigin: options.selfOrigin,
    resolveCid: options.resolveCid,
    blocked: 0,
  };
  const judge: CssJudge = { image: (url) => judgeImageUrl(url, ctx) };
  purify.removeAllHooks();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style') node.textContent = sanitizeStylesheet(node.textContent ?? '', judge);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) fixElement(node as Element, ctx, judge);
  });
  let root: HTMLElement;
  try {
    root = purify.sanitize(html, CONFIG) as unknown as HTMLElement;
  } finally {
    purify.removeAllHooks();
  }
  const head = root.querySelector('head');
  const body = root.querySelector('body');
  const headStyles = head ? [...head.querySelectorAll('style')].map((s) => s.outerHTML).join('') : '';
  const htmlAttrs = ['lang', 'dir']
    .map((name) => {
      const value = root.getAttribute(name);
      return value === null ? '' : ` ${name}="${escapeAttr(value)}"`;
    })
    .join('');
  const document =
    `${doctypeOf(html)}<html${htmlAttrs}><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
    `<meta name="${BLOCKED_META_NAME}" content="${ctx.blocked}"><style>${FRAME_BASE_STYLE}</style>${headStyles}</head>` +
    `${body ? body.outerHTML : '<body></body>'}</html>`;
  return { html: document, blockedRemote: ctx.blocked };
}

/** A plain-text message as a document of its own (the same route serves both). */
export function textEmailDocument(text: string): SanitizedEmailDocument {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    html:
      `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="${BLOCKED_META_NAME}" content="0">` +
      `<style>${FRAME_BASE_STYLE}</style></head><body><pre style="white-space:pre-wrap;font:inherit">${escaped}</pre></body></html>`,
    blockedRemote: 0,
  };
}

/** The CSP of a message document: no script, no form, no base; images only data: and the console's own cid: parts
 * until the user consents. `sandbox` applies even when the document is opened on its own, outside the reader. */
export function emailDocumentCsp(allowRemote: boolean): string {
  return [
    "default-src 'none'",
    `img-src 'self' data:${allowRemote ? ' http: https:' : ''}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    'sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox',
  ].join('; ');
}
