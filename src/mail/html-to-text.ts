/**
 * HTML → the plain text a reader sees: the text/plain alternative of rendered mail, the emulator's text of an
 * HTML-only message, and the quote of a reply or forward (web/features/compose/utils/quote.ts).
 *
 * No layout engine and no DOM (it runs in the browser, the BFF and the emulator alike): a small tokenizer and an
 * element stack that knows the HTML parser's common implied end tags, so an unclosed `<p>` or `<li>` does not swallow
 * the rest of the mail. Hidden content is left out (html-visibility.ts): `<head>`, `<style>`, `<script>`, `<title>`,
 * the `hidden` attribute, and styles such as display:none, visibility:hidden, opacity:0, font-size:0,
 * max-height:0 with overflow:hidden and mso-hide:all, inline or from simple `<style>` rules. Block ends become line
 * breaks, list items "- ", quoted HTML (`<blockquote>`) "> " lines, and links keep an http(s)/mailto target.
 *
 * Work is linear in the input (stack searches are bounded like a browser's tree depth), so a hostile body cannot
 * stall the page that quotes it.
 */
import {
  VISIBLE,
  elementDeclarations,
  isShown,
  parseStyleRules,
  visibilityOf,
  type StyleRules,
  type Visibility,
} from './html-visibility';
import { RAW_TEXT, tokenize } from './html-tokens';

/** Kept here for the callers that decode entities in text they already hold. */
export { decodeHtmlEntities } from './html-tokens';

// ---------------------------------------------------------------------------------------------------------------
// The element stack and the text it produces

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Never rendered as text, whatever their style (the reader's sanitiser removes the others with their content). */
const NOT_RENDERED = new Set([...RAW_TEXT, 'head', 'template', 'object', 'svg', 'math', 'select', 'datalist']);
const HEAD_CONTENT = new Set(['meta', 'link', 'style', 'title', 'script', 'base', 'noscript', 'template']);
const BLOCK = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody ' +
    'tfoot thead tr ul'
  ).split(' '),
);
/** Start tags that close an open `<p>` (tables only do in standards mode, which many mails are not in). */
const CLOSES_P = new Set(
  (
    'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 ' +
    'h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary ul li dd dt xmp'
  ).split(' '),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SCOPE_BOUNDARY = new Set(['table', 'td', 'th', 'caption', 'template', 'html', 'object', 'marquee', 'applet']);
const BUTTON_SCOPE = new Set([...SCOPE_BOUNDARY, 'button']);
const LIST_SCOPE = new Set([...SCOPE_BOUNDARY, 'ul', 'ol', 'dl', 'tr', 'tbody', 'thead', 'tfoot']);
const ROW_SCOPE = new Set(['tr', 'table', 'template', 'html']);
const SECTION_SCOPE = new Set(['table', 'tbody', 'thead', 'tfoot', 'template', 'html']);
const TABLE_SCOPE = new Set(['table', 'template', 'html']);
/** A start tag that ends an open sibling (`<li>` after `<li>`, `<td>` after `<td>`), searched within `scope`. */
const SAME_LEVEL: Partial<Record<string, { closes: string[]; scope: ReadonlySet<string> }>> = {
  li: { closes: ['li'], scope: LIST_SCOPE },
  dd: { closes: ['dd', 'dt'], scope: LIST_SCOPE },
  dt: { closes: ['dd', 'dt'], scope: LIST_SCOPE },
  option: { closes: ['option'], scope: LIST_SCOPE },
  a: { closes: ['a'], scope: SCOPE_BOUNDARY },
  td: { closes: ['td', 'th'], scope: ROW_SCOPE },
  th: { closes: ['td', 'th'], scope: ROW_SCOPE },
  tr: { closes: ['tr'], scope: SECTION_SCOPE },
  tbody: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
  thead: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
  tfoot: { closes: ['tbody', 'thead', 'tfoot'], scope: TABLE_SCOPE },
};
/** Blink stops nesting at 512 elements; searching the stack no deeper keeps hostile nesting linear. */
const MAX_SEARCH = 512;

interface Frame {
  name: string;
  visibility: Visibility;
  /** For `<a>`: its target and where its label starts in the output. */
  href?: string;
  labelFrom?: number;
}

class TextOutput {
  private parts: string[] = [];
  private pendingBreaks = 0;
  private atLineStart = true;
  quoteDepth = 0;

  get length(): number {
    return this.parts.length;
  }

  since(index: number): string {
    return this.parts.slice(index).join('');
  }

  /** At least one line break before the next text (a block boundary). */
  boundary(): void {
    if (this.parts.length > 0) this.pendingBreaks = Math.max(this.pendingBreaks, 1);
  }

  /** One more line break (`<br>`). */
  lineBreak(): void {
    if (this.parts.length > 0) this.pendingBreaks++;
  }

  text(text: string): void {
    if (!text) return;
    if (!/\S/.test(text)) {
      if (!this.atLineStart && this.pendingBreaks === 0) this.parts.push(' ');
      return;
    }
    if (this.pendingBreaks > 0) {
      this.parts.push('\n'.repeat(Math.min(this.pendingBreaks, 2)));
      this.pendingBreaks = 0;
      this.atLineStart = true;
    }
    if (this.atLineStart && this.quoteDepth > 0) this.parts.push('> '.repeat(this.quoteDepth));
    this.parts.push(text);
    this.atLineStart = false;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function linkSuffix(href: string, label: string): string {
  const target = href.trim();
  if (!/^(https?:|mailto:)/i.test(target)) return '';
  const shown = target.replace(/^mailto:/i, '');
  const normalized = label.replace(/\s+/g, ' ').trim();
  if (normalized === target || normalized === shown) return '';
  return normalized ? ` (${shown})` : shown;
}

class Walker {
  private stack: Frame[] = [];
  private open = new Map<string, number>();
  readonly out = new TextOutput();

  constructor(private readonly sheet: StyleRules | undefined) {}

  private get current(): Visibility {
    return this.stack[this.stack.length - 1]?.visibility ?? VISIBLE;
  }

  /** Index of the nearest open `name` not behind a scope boundary, or -1. */
  private find(name: string, boundaries: ReadonlySet<string> = SCOPE_BOUNDARY): number {
    if (!this.open.get(name)) return -1;
    for (let i = this.stack.length - 1, seen = 0; i >= 0 && seen < MAX_SEARCH; i--, seen++) {
      const frame = this.stack[i]!;
      if (frame.name === name) return i;
      if (boundaries.has(frame.name)) return -1;
    }
    return -1;
  }

  private popTo(index: number): void {
    while (this.stack.length > index) this.close(this.stack.pop()!);
  }

  private close(frame: Frame): void {
    this.open.set(frame.name, (this.open.get(frame.name) ?? 1) - 1);
    const shown = !frame.visibility.gone && !frame.visibility.invisible;
    if (frame.name === 'a' && frame.href !== undefined && frame.labelFrom !== undefined && isShown(frame.visibility)) {
      this.out.text(linkSuffix(frame.href, this.out.since(frame.labelFrom)));
    }
    if (!shown) return;
    if (frame.name === 'td' || frame.name === 'th') this.out.text(' ');
    if (frame.name === 'blockquote') this.out.quoteDepth--;
    if (BLOCK.has(frame.name)) this.out.boundary();
  }

  private impliedEnds(name: string): void {
    const head = this.find('head');
    if (head >= 0 && !HEAD_CONTENT.has(name)) this.popTo(head);
    if (CLOSES_P.has(name)) {
      const p = this.find('p', BUTTON_SCOPE);
      if (p >= 0) this.popTo(p);
    }
    const top = this.stack[this.stack.length - 1]?.name;
    if (HEADINGS.has(name) && top && HEADINGS.has(top)) this.popTo(this.stack.length - 1);
    const rule = SAME_LEVEL[name];
    for (const sibling of rule?.closes ?? []) {
      const index = this.find(sibling, rule!.scope);
      if (index >= 0) {
        this.popTo(index);
        break;
      }
    }
  }

  start(name: string, attributes: Map<string, string>, selfClosing: boolean): void {
    this.impliedEnds(name);
    const parent = this.current;
    // Most elements have no style that matters and no `hidden`: they share their parent's answer.
    const plain = parent.gone || (!attributes.has('style') && !attributes.has('hidden') && !this.sheet);
    const visibility = plain
      ? NOT_RENDERED.has(name) && !parent.gone
        ? { ...parent, gone: true }
        : parent
      : visibilityOf(
          elementDeclarations(name, attributes, this.sheet),
          NOT_RENDERED.has(name) ? { ...parent, gone: true } : parent,
          attributes.has('hidden'),
        );
    const laidOut = !visibility.gone && !visibility.invisible;
    if (name === 'br') {
      if (laidOut) this.out.lineBreak();
      return;
    }
    if (laidOut && BLOCK.has(name)) this.out.boundary();
    if (name === 'hr' || VOID.has(name)) return;
    // Self-closing only counts in SVG/MathML; those are never rendered here, so `<svg/>` must not open a subtree.
    if (selfClosing && (name === 'svg' || name === 'math' || name.includes(':'))) return;
    const frame: Frame = { name, visibility };
    if (name === 'a' && attributes.has('href')) {
      frame.href = attributes.get('href');
      frame.labelFrom = this.out.length;
    }
    if (laidOut && name === 'li' && isShown(visibility)) this.out.text('- ');
    if (laidOut && name === 'blockquote') this.out.quoteDepth++;
    this.stack.push(frame);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  end(name: string): void {
    if (name === 'body' || name === 'html') return; // content after them still belongs to the body
    if (name === 'br') return this.start('br', new Map(), false);
    const index = this.find(name, name === 'p' ? BUTTON_SCOPE : undefined);
    if (index >= 0) this.popTo(index);
    else if (name === 'p' && isShown(this.current)) this.out.boundary();
  }

  text(text: string): void {
    if (this.find('head') >= 0 && /\S/.test(text)) this.popTo(this.find('head'));
    if (!isShown(this.current)) return;
    if (this.find('pre') >= 0) {
      text.split('\n').forEach((line, i) => {
        if (i > 0) this.out.lineBreak();
        this.out.text(line);
      });
    } else this.out.text(text.replace(/[\t\n\f\r ]+/g, ' '));
  }
}

/** What a reader of `html` sees, as plain text (see the top of this file). */
export function htmlToText(html: string): string {
  const { tokens, styles } = tokenize(html);
  const walker = new Walker(styles.length > 0 ? parseStyleRules(styles.join('\n')) : undefined);
  for (const token of tokens) {
    if (token.kind === 'text') walker.text(token.text);
    else if (token.kind === 'start') walker.start(token.name, token.attributes, token.selfClosing);
    else walker.end(token.name);
  }
  return (
    walker.out
      .toString()
      // Preheader padding (`&zwnj;&nbsp;` runs) that was left visible: a lone ZWNJ inside a word stays.
      .replace(/(?:(?:\u200b|\u200c|\u034f|\u00ad|\ufeff)[\s\u00a0]*){2,}/g, ' ')
      .split('\n')
      .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
