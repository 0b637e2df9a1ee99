import { tokenize } from '@mail/html-tokens';

/**
 * How big and how deep an email's HTML is, read in one linear pass before any DOM sees it. jsdom and DOMPurify are
 * super-linear on deep nesting (3,000 nested <div>s took seconds; 20,000 made DOMPurify give up), and one message
 * must never hold the BFF, so a mail past these limits is shown as its text instead (routes/message-body.ts).
 */
export const EMAIL_HTML_LIMITS = {
  /** Gmail clips at 102 KB; real newsletters stay well under this. */
  maxBytes: 1_500_000,
  /** Real templates nest tables a few dozen levels deep. */
  maxDepth: 256,
} as const;

/** Elements with no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Elements a browser closes when another of the same kind starts (`<p>a<p>b` is two siblings, not nested). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);

export interface HtmlComplexity {
  bytes: number;
  /** Deepest element nesting, erring on the deep side where the markup is malformed. */
  depth: number;
}

export function measureHtml(html: string): HtmlComplexity {
  const bytes = Buffer.byteLength(html, 'utf8');
  // Past the size limit the depth does not matter, and tokenizing it would cost what the limit is there to avoid.
  if (bytes > EMAIL_HTML_LIMITS.maxBytes) return { bytes, depth: 0 };
  const stack: string[] = [];
  let depth = 0;
  for (const token of tokenize(html).tokens) {
    if (token.kind === 'start') {
      if (VOID.has(token.name) || token.selfClosing) continue;
      if (SELF_CLOSING_SIBLINGS.has(token.name) && stack[stack.length - 1] === token.name) stack.pop();
      stack.push(token.name);
      if (stack.length > depth) depth = stack.length;
    } else if (token.kind === 'end') {
      const at = stack.lastIndexOf(token.name);
      // An end tag closes its element and everything opened inside it; a stray one closes nothing.
      if (at >= 0) stack.length = at;
    }
  }
  return { bytes, depth };
}

export function exceedsEmailHtmlLimits({ bytes, depth }: HtmlComplexity): boolean {
  return bytes > EMAIL_HTML_LIMITS.maxBytes || depth > EMAIL_HTML_LIMITS.maxDepth;
}
