import { Marked, type Tokens } from 'marked';
import { sanitizeHtmlFragment } from './sanitize-html';

/** `&`, `<`, `>`, `"` and `'` as entities: text that must stay text inside HTML (element content or attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Where a link in a written message may point: the web and mail, nothing that runs or embeds. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
/** Images the writer chose: from the web only (no data:, cid: or relative paths that mean nothing in a mail). */
const SAFE_IMAGE = /^https?:\/\//i;

/**
 * Markdown is the user's own formatting, never a way to write HTML: raw HTML in it (`<img src=…>`, `<div>`) is shown
 * as the text it is, links go only to http(s)/mailto (anything else keeps just its text) and images only come from
 * http(s). Whatever else the renderer produces is escaped by marked itself.
 */
const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  // No HTML tokens at all: `<div>` or `<img …>` is read as ordinary text (escaped like any text, Markdown around it
  // still works). Returning undefined, unlike false, does not fall back to marked's own HTML tokenizers.
  tokenizer: {
    html: () => undefined,
    tag: () => undefined,
  },
  renderer: {
    // Unreachable with the tokenizers above; kept so a future option cannot bring raw HTML back.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link(token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      const href = token.href.trim();
      if (!SAFE_LINK.test(href)) return label;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title}>${label}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const src = href.trim();
      if (!SAFE_IMAGE.test(src)) return escapeHtml(text);
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(text)}"${titled}>`;
    },
  },
});

/**
 * Written messages: Markdown (GitHub flavour, line breaks kept) → HTML, wrapped once here (STYLE habit 7).
 * The result is sanitised as well, so what the preview shows is exactly what is sent.
 */
export function markdownToHtml(source: string): string {
  const body = markdown.parse(source) as string;
  return sanitizeHtmlFragment(body);
}
