import { marked } from 'marked';
import { sanitizeHtmlFragment } from './sanitize-html';

/**
 * Written messages: Markdown (GitHub flavour, line breaks kept) → HTML, wrapped once here (STYLE habit 7).
 * The result is sanitised, so what the preview shows is exactly what is sent.
 */
export function markdownToHtml(markdown: string): string {
  const body = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtmlFragment(body);
}
