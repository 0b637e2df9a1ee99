/**
 * The HTML tokenizer behind html-to-text.ts: text, start and end tags, with comments, doctype, CDATA and
 * conditional comments skipped and the content of raw-text elements (`<script>`, `<style>`, `<title>`…) kept out of
 * the text. Tolerant like a browser's, linear in the input, and free of DOM APIs (the emulator runs it in Node).
 */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  times: '×',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
  lrm: '\u200e',
  rlm: '\u200f',
};

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: Map<string, string>; selfClosing: boolean }
  | { kind: 'end'; name: string };

/** Elements whose content is not markup; all of them are also never shown as text. */
export const RAW_TEXT = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'title',
  'textarea',
]);

function isNameStart(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z]/i.test(ch);
}

/** HTML's whitespace (space, tab, LF, FF, CR), by char code: this loop runs for every character of every tag. */
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const SLASH = 47;
const GT = 62;
const EQ = 61;

function readStartTag(html: string, from: number): { token: Token & { kind: 'start' }; end: number } | null {
  let i = from + 1;
  for (let c = html.charCodeAt(i); i < html.length && !isSpace(c) && c !== SLASH && c !== GT; c = html.charCodeAt(++i));
  const name = html.slice(from + 1, i).toLowerCase();
  const attributes = new Map<string, string>();
  let selfClosing = false;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === GT) return { token: { kind: 'start', name, attributes, selfClosing }, end: i + 1 };
    if (isSpace(code) || code === SLASH) {
      selfClosing = code === SLASH && html.charCodeAt(i + 1) === GT;
      i++;
      continue;
    }
    const nameStart = i;
    i++;
    for (
      let c = html.charCodeAt(i);
      i < html.length && !isSpace(c) && c !== SLASH && c !== GT && c !== EQ;
      c = html.charCodeAt(++i)
    );
    const attribute = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === EQ) {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        for (let c = html.charCodeAt(i); i < html.length && !isSpace(c) && c !== GT; c = html.charCodeAt(++i));
        value = html.slice(valueStart, i);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, value.includes('&') ? decodeHtmlEntities(value) : value);
  }
  return null; // the document ended inside the tag: a browser drops it
}

/** The document as tokens, and the text of its `<style>` blocks (rules may come before or after what they hide). */
export function tokenize(html: string): { tokens: Token[]; styles: string[] } {
  const tokens: Token[] = [];
  const styles: string[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text: text.includes('&') ? decodeHtmlEntities(text) : text });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      flush();
      if (html.startsWith('<!-->', lt)) i = lt + 5;
      else if (html.startsWith('<!--->', lt)) i = lt + 6;
      else {
        const close = html.indexOf('-->', lt + 4);
        i = close < 0 ? html.length : close + 3;
      }
    } else if (next === '!' || next === '?' || (next === '/' && !isNameStart(html[lt + 2]))) {
      // Doctype, CDATA, `<![endif]>`, processing instructions, `</ x>`: bogus comments up to the next `>`.
      flush();
      const close = html.indexOf('>', lt + 2);
      i = close < 0 ? html.length : close + 1;
    } else if (next === '/') {
      flush();
      let j = lt + 2;
      for (
        let c = html.charCodeAt(j);
        j < html.length && !isSpace(c) && c !== SLASH && c !== GT;
        c = html.charCodeAt(++j)
      );
      tokens.push({ kind: 'end', name: html.slice(lt + 2, j).toLowerCase() });
      const close = html.indexOf('>', j);
      i = close < 0 ? html.length : close + 1;
    } else if (isNameStart(next)) {
      flush();
      const read = readStartTag(html, lt);
      if (!read) break;
      tokens.push(read.token);
      i = read.end;
      if (RAW_TEXT.has(read.token.name) && !read.token.selfClosing) {
        const closer = new RegExp(`</${read.token.name}[\\s/>]`, 'ig');
        closer.lastIndex = i;
        const found = closer.exec(html);
        const content = html.slice(i, found ? found.index : html.length);
        if (read.token.name === 'style') styles.push(content);
        tokens.push({ kind: 'end', name: read.token.name });
        if (!found) break;
        const close = html.indexOf('>', found.index);
        i = close < 0 ? html.length : close + 1;
      }
    } else {
      text += '<';
      i = lt + 1;
    }
  }
  flush();
  return { tokens, styles };
}
