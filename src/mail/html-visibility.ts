/**
 * Which parts of an email's HTML a reader actually sees, for its plain-text form (html-to-text.ts): a reply quotes
 * what the HTML shows, not the hidden preheader ("See what's new this week…") or Outlook-only copies.
 *
 * This is a text-extraction heuristic, not a security boundary: whatever it lets through is still only text. So it
 * reads inline styles and the simple top-level rules of `<style>` blocks (`.preheader { display: none }`) without a
 * CSS engine, and runs unchanged in the browser, the BFF and the emulator (no DOM, no dependency).
 */

export interface Declaration {
  value: string;
  important: boolean;
}
export type Declarations = Map<string, Declaration>;

/** What an element inherits about being seen. */
export interface Visibility {
  /** Not rendered at all, nor anything inside it (display:none, hidden, opacity:0, clipped to nothing…). */
  gone: boolean;
  /** visibility:hidden: inherited, but a descendant may say visibility:visible. */
  invisible: boolean;
  /** font-size:0 (or `font: 0/0 a`): inherited until a descendant sets an absolute size (MJML columns do). */
  zeroFont: boolean;
  /** color:transparent: inherited until a descendant sets a colour. */
  transparent: boolean;
}

export const VISIBLE: Visibility = { gone: false, invisible: false, zeroFont: false, transparent: false };

export function isShown(v: Visibility): boolean {
  return !v.gone && !v.invisible && !v.zeroFont && !v.transparent;
}

/** `css` without comments; linear (a lazy regex would rescan the rest of the text for every unclosed comment). */
export function stripCssComments(css: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = css.indexOf('/*', at);
    if (open < 0) return out + css.slice(at);
    out += css.slice(at, open);
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    at = close + 2;
  }
}

/** A `style` attribute or rule body as lower-cased properties; later declarations win unless one is !important. */
export function parseDeclarations(css: string, into: Declarations = new Map()): Declarations {
  for (const part of stripCssComments(css).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    let value = part
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const important = /!\s*important$/.test(value);
    if (important) value = value.replace(/!\s*important$/, '').trim();
    if (!name || !value) continue;
    const before = into.get(name);
    if (before?.important && !important) continue;
    into.set(name, { value, important });
  }
  return into;
}

const ZERO = /^[+-]?(0+\.?0*|\.0+)([a-z%]*)$/;
const ABSOLUTE_SIZE = /^(\d*\.?\d+)(px|pt|pc|cm|mm|in|q|rem)$|^(xx?-small|small|medium|large|xx?x?-large)$/;

function fontSizeZero(value: string): boolean | undefined {
  if (ZERO.test(value)) return true;
  if (ABSOLUTE_SIZE.test(value)) return false;
  return undefined; // em, %, calc(), var(): relative to the parent, so inherit its answer
}

/** The size inside a `font` shorthand (`bold 0/0 a`, `14px/1.4 Arial`). */
function shorthandSizeZero(value: string): boolean | undefined {
  for (const token of value.split(/\s+/)) {
    const size = token.split('/')[0] ?? '';
    const zero = fontSizeZero(size);
    if (zero !== undefined) return zero;
  }
  return undefined;
}

function isTransparent(color: string): boolean | undefined {
  if (color === 'inherit' || color === 'currentcolor' || color.startsWith('var(')) return undefined;
  if (color === 'transparent') return true;
  const alpha = /^(?:rgb|hsl)a?\(.*[,/]\s*(0+\.?0*|\.0+)%?\s*\)$/.exec(color);
  if (alpha) return true;
  if (/^#[0-9a-f]{6}00$|^#[0-9a-f]{3}0$/.test(color)) return true;
  return false;
}

const zero = (d: Declarations, name: string) => {
  const value = d.get(name)?.value;
  return value !== undefined && ZERO.test(value);
};

/** The visibility of an element with declarations `d` (sheet and inline merged) inside `parent`. */
export function visibilityOf(d: Declarations, parent: Visibility, hiddenAttribute: boolean): Visibility {
  const get = (name: string) => d.get(name)?.value;
  const overflow = [get('overflow'), get('overflow-x'), get('overflow-y')].some((v) => v === 'hidden' || v === 'clip');
  const opacity = get('opacity');
  const position = get('position');
  const offscreen =
    (position === 'absolute' || position === 'fixed') &&
    [get('left'), get('top')].some((v) => v !== undefined && /^-\d{3,}/.test(v));
  const gone =
    parent.gone ||
    hiddenAttribute ||
    get('display') === 'none' ||
    get('mso-hide') === 'all' ||
    (opacity !== undefined && !Number.isNaN(parseFloat(opacity)) && parseFloat(opacity) === 0) ||
    (overflow && (zero(d, 'max-height') || zero(d, 'height') || zero(d, 'max-width') || zero(d, 'width'))) ||
    /^-\d{3,}/.test(get('text-indent') ?? '') ||
    offscreen;

  const visibility = get('visibility');
  const invisible =
    visibility === 'hidden' || visibility === 'collapse' ? true : visibility === 'visible' ? false : parent.invisible;
  const fontSize = get('font-size');
  const font = get('font');
  const zeroFont =
    (fontSize !== undefined ? fontSizeZero(fontSize) : undefined) ??
    (font !== undefined ? shorthandSizeZero(font) : undefined) ??
    parent.zeroFont;
  const color = get('color');
  const transparent = (color !== undefined ? isTransparent(color) : undefined) ?? parent.transparent;
  return { gone, invisible, zeroFont, transparent };
}

// ---------------------------------------------------------------------------------------------------------------
// <style> blocks: simple top-level rules only

interface Rule {
  tag: string | undefined;
  id: string | undefined;
  classes: string[];
  specificity: number;
  order: number;
  declarations: Declarations;
}

/** The rules of a mail's `<style>` blocks that could matter for visibility, indexed for matching. */
export interface StyleRules {
  byKey: Map<string, Rule[]>;
  size: number;
}

const SIMPLE_SELECTOR = /^([a-z][a-z0-9-]*)?((?:[.#][\w-]+)*)$/i;
const RELEVANT =
  /(^|;)\s*(display|visibility|opacity|mso-hide|overflow|overflow-[xy]|max-height|height|max-width|width|font-size|font|color|text-indent|position|left|top)\s*:/i;
/** A stylesheet is the sender's: bound the work a hostile one can cause. */
const MAX_RULES = 5000;

/**
 * Top-level rules with compound selectors (`span.preheader`, `.hidden`, `#pre`, `td`); rules inside @media or
 * @supports describe other screens and are skipped, as are selectors with combinators, attributes or pseudo-classes.
 */
export function parseStyleRules(css: string): StyleRules {
  const rules: StyleRules = { byKey: new Map(), size: 0 };
  const text = stripCssComments(css);
  let at = 0;
  while (at < text.length && rules.size < MAX_RULES) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const prelude = text.slice(at, open).replace(/^[\s;}]+/, '');
    if (prelude.trimStart().startsWith('@')) {
      // Skip the whole block, nested braces included.
      let depth = 1;
      let i = open + 1;
      for (; i < text.length && depth > 0; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
      }
      at = i;
      continue;
    }
    const close = text.indexOf('}', open + 1);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    at = close < 0 ? text.length : close + 1;
    if (!RELEVANT.test(body)) continue;
    const declarations = parseDeclarations(body);
    for (const selector of prelude.split(',')) {
      const match = SIMPLE_SELECTOR.exec(selector.trim());
      if (!match || !selector.trim()) continue;
      const tag = match[1]?.toLowerCase();
      const parts = match[2]?.match(/[.#][\w-]+/g) ?? [];
      const classes = parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1));
      const id = parts.find((p) => p.startsWith('#'))?.slice(1);
      const rule: Rule = {
        tag,
        id,
        classes,
        specificity: (id ? 100 : 0) + classes.length * 10 + (tag ? 1 : 0),
        order: rules.size,
        declarations,
      };
      const key = id ? `#${id}` : classes[0] !== undefined ? `.${classes[0]}` : (tag ?? '');
      const list = rules.byKey.get(key) ?? [];
      list.push(rule);
      rules.byKey.set(key, list);
      rules.size++;
    }
  }
  return rules;
}

/** The declarations that apply to an element: matching sheet rules by specificity, then its `style` attribute. */
export function elementDeclarations(
  tag: string,
  attributes: ReadonlyMap<string, string>,
  sheet: StyleRules | undefined,
): Declarations {
  const declarations: Declarations = new Map();
  if (sheet && sheet.size > 0) {
    const classes = new Set((attributes.get('class') ?? '').split(/\s+/).filter(Boolean));
    const id = attributes.get('id');
    const keys = [tag, ...[...classes].map((c) => `.${c}`), ...(id ? [`#${id}`] : [])];
    const matching = keys
      .flatMap((key) => sheet.byKey.get(key) ?? [])
      .filter((r) => (!r.tag || r.tag === tag) && (!r.id || r.id === id) && r.classes.every((c) => classes.has(c)))
      .sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    for (const rule of matching) {
      for (const [name, d] of rule.declarations) {
        const before = declarations.get(name);
        if (before?.important && !d.important) continue;
        declarations.set(name, d);
      }
    }
  }
  const style = attributes.get('style');
  if (style) parseDeclarations(style, declarations);
  return declarations;
}
