/**
 * Email CSS judged as tokens (css-tree), never with regular expressions: every `url()`, `image-set()`, at-rule,
 * selector and custom property is a node of the parsed tree, and what leaves here is generated again from the nodes
 * that passed, so the browser reads exactly what was judged (comments are gone, escapes are re-encoded).
 *
 * Rules, from the list of bypasses:
 * - a value that did not parse (a Raw node: left-open url(), unbalanced brackets) drops its declaration;
 * - escapes in property, function, identifier or pseudo-class names (`\75 rl(`, `po\73ition`) drop the declaration or
 *   rule: email CSS has no honest use for them, and a browser may read them differently from css-tree;
 * - every Url node, and every string or url inside `image-set()`, asks `judge.image()` (consent, cid:, data:);
 *   a blocked one becomes `none` where it is a whole value item, else the declaration goes;
 * - functions outside a fixed allowlist (attr(), src(), image(), cross-fade(), element(), expression()…) drop the
 *   declaration; `var()` inside `image-set()` or in `position` drops it too, and custom properties are judged like
 *   any other value, so `var()` can only ever bring in something that was judged already;
 * - `position` keeps only static and relative (Gmail drops the property entirely);
 * - `:host`, `:host-context`, `::part`, `::slotted` drop their rule;
 * - only @media, @supports, @container and @keyframes stay (their contents judged); @import, @font-face, @property,
 *   @namespace, @page… go. Remote style sheets and fonts are never loaded, consent or not (the frame's CSP agrees).
 */
import * as csstree from 'css-tree';

export interface CssJudge {
  /** A URL an image would load from: the URL to keep, or null when it must not load (blocked, relative, unknown). */
  image(url: string): string | null;
}

const ALLOWED_FUNCTIONS = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'light-dark',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'linear-gradient',
  'radial-gradient',
  'conic-gradient',
  'repeating-linear-gradient',
  'repeating-radial-gradient',
  'repeating-conic-gradient',
  '-webkit-linear-gradient',
  '-webkit-radial-gradient',
  '-webkit-repeating-linear-gradient',
  '-webkit-repeating-radial-gradient',
  '-moz-linear-gradient',
  '-moz-radial-gradient',
  '-o-linear-gradient',
  'image-set',
  '-webkit-image-set',
  'translate',
  'translatex',
  'translatey',
  'translate3d',
  'rotate',
  'rotatex',
  'rotatey',
  'rotatez',
  'scale',
  'scalex',
  'scaley',
  'skew',
  'skewx',
  'skewy',
  'matrix',
  'matrix3d',
  'perspective',
  'cubic-bezier',
  'steps',
  'counter',
  'counters',
  'rect',
  'inset',
  'circle',
  'ellipse',
  'polygon',
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'opacity',
  'saturate',
  'sepia',
  'minmax',
  'repeat',
  'fit-content',
  'format',
]);

const IMAGE_SET = new Set(['image-set', '-webkit-image-set']);
const FORBIDDEN_PROPERTIES = new Set(['behavior', '-ms-behavior', '-moz-binding', '-webkit-binding', '-o-link']);
/** Properties whose value is judged by keyword, so var() must not hide it. */
const VAR_FREE_PROPERTIES = new Set(['position']);
const SAFE_POSITIONS = new Set(['static', 'relative', 'inherit', 'initial', 'unset', 'revert']);
const FORBIDDEN_PSEUDOS = new Set(['host', 'host-context', 'part', 'slotted']);
/** At-rules whose block holds rules, and @keyframes whose block holds keyframe rules; every other at-rule goes. */
const NESTING_AT_RULES = new Set(['media', 'supports', 'container']);
const KEYFRAMES = new Set(['keyframes', '-webkit-keyframes', '-moz-keyframes']);

const hasEscape = (name: string) => name.includes('\\');

type Verdict = 'keep' | 'drop';

/** Judges one declaration in place (blocked urls become `none`); 'drop' when it must go as a whole. */
function judgeDeclaration(decl: csstree.Declaration, judge: CssJudge): Verdict {
  if (hasEscape(decl.property)) return 'drop';
  const property = decl.property.toLowerCase();
  if (FORBIDDEN_PROPERTIES.has(property)) return 'drop';
  if (decl.value.type !== 'Value') return 'drop';
  // Set from inside the walk's callback (TypeScript would otherwise narrow it to 'keep').
  let verdict = 'keep' as Verdict;
  const replaceWithNone = (item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) => {
    list.replace(item, list.createItem({ type: 'Identifier', name: 'none' } satisfies csstree.Identifier));
  };
  csstree.walk(decl.value, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (verdict === 'drop') return csstree.walk.break;
      const topLevel = list !== null && list === (decl.value as csstree.Value).children;
      switch (node.type) {
        case 'Raw':
          verdict = 'drop';
          return csstree.walk.break;
        case 'Identifier':
          if (hasEscape(node.name)) verdict = 'drop';
          return;
        case 'Url': {
          const kept = judge.image(node.value);
          if (kept !== null) node.value = kept;
          else if (topLevel) replaceWithNone(item, list);
          else verdict = 'drop';
          return;
        }
        case 'Function': {
          if (hasEscape(node.name)) {
            verdict = 'drop';
            return csstree.walk.break;
          }
          const name = node.name.toLowerCase();
          if (!ALLOWED_FUNCTIONS.has(name)) {
            verdict = 'drop';
            return csstree.walk.break;
          }
          if (name === 'var' && VAR_FREE_PROPERTIES.has(property)) {
            verdict = 'drop';
            return csstree.walk.break;
          }
          if (IMAGE_SET.has(name)) {
            const result = judgeImageSet(node, judge);
            if (result === 'drop') verdict = 'drop';
            else if (result === 'blocked') {
              if (topLevel) replaceWithNone(item, list);
              else verdict = 'drop';
            }
            // Its children were judged here: do not walk into them again.
            return csstree.walk.skip;
          }
          return;
        }
        default:
          return;
      }
    },
  });
  if (verdict === 'drop') return 'drop';
  if (property === 'position') {
    const words = decl.value.children.toArray();
    const safe = words.every((n) => n.type === 'Identifier' && SAFE_POSITIONS.has(n.name.toLowerCase()));
    if (!safe) return 'drop';
  }
  return 'keep';
}

/** Every image of an image-set() is a string or a url(); anything else there (var(), nested functions) is refused. */
function judgeImageSet(node: csstree.FunctionNode, judge: CssJudge): 'keep' | 'blocked' | 'drop' {
  let blocked = false;
  let refused = false;
  node.children.forEach((child) => {
    if (refused) return;
    if (child.type === 'String' || child.type === 'Url') {
      const kept = judge.image(child.value);
      if (kept === null) blocked = true;
      else child.value = kept;
    } else if (child.type === 'Function' && !hasEscape(child.name) && child.name.toLowerCase() === 'type') {
      // type("image/avif"): a hint, not a fetch.
    } else if (child.type !== 'Dimension' && child.type !== 'Number' && child.type !== 'Operator') {
      refused = true;
    }
  });
  return refused ? 'drop' : blocked ? 'blocked' : 'keep';
}

function judgeDeclarationList(block: csstree.Block | csstree.DeclarationList, judge: CssJudge): void {
  block.children.forEach((node, item, list) => {
    // Nested rules inside a declaration block (CSS nesting) are not worth the risk in email.
    if (node.type !== 'Declaration' || judgeDeclaration(node, judge) === 'drop') list.remove(item);
  });
}

function selectorIsSafe(prelude: csstree.CssNode): boolean {
  if (prelude.type === 'Raw') return false;
  let safe = true;
  csstree.walk(prelude, (node) => {
    if (node.type === 'Raw' || node.type === 'Url') safe = false;
    if (node.type === 'PseudoClassSelector' || node.type === 'PseudoElementSelector') {
      if (hasEscape(node.name) || FORBIDDEN_PSEUDOS.has(node.name.toLowerCase())) safe = false;
    }
  });
  return safe;
}

function atRulePreludeIsSafe(prelude: csstree.AtrulePrelude | csstree.Raw | null): boolean {
  if (prelude === null) return true;
  if (prelude.type === 'Raw') return false;
  let safe = true;
  csstree.walk(prelude, (node) => {
    if (node.type === 'Raw' || node.type === 'Url' || node.type === 'Function') safe = false;
    if (node.type === 'Identifier' && hasEscape(node.name)) safe = false;
  });
  return safe;
}

function judgeRuleList(children: csstree.List<csstree.CssNode>, judge: CssJudge, keyframes = false): void {
  children.forEach((node, item, list) => {
    let keep = false;
    if (node.type === 'Rule') {
      if (keyframes || selectorIsSafe(node.prelude)) {
        judgeDeclarationList(node.block, judge);
        keep = !node.block.children.isEmpty;
      }
    } else if (node.type === 'Atrule' && node.block && !hasEscape(node.name)) {
      const name = node.name.toLowerCase();
      if ((NESTING_AT_RULES.has(name) || KEYFRAMES.has(name)) && atRulePreludeIsSafe(node.prelude)) {
        judgeRuleList(node.block.children, judge, KEYFRAMES.has(name));
        keep = true;
      }
    }
    if (!keep) list.remove(item);
  });
}

const parseOptions = { parseCustomProperty: true, positions: false } as const;

/** `</style` inside a string would end the style element around the CSS: spell the slash as an escape. */
const closeRawText = (css: string) => css.replace(/<\//g, '<\\/');

/** A `<style>` element's text. */
export function sanitizeStylesheet(css: string, judge: CssJudge): string {
  const ast = csstree.parse(css, { ...parseOptions, context: 'stylesheet', onParseError: () => undefined });
  if (ast.type !== 'StyleSheet') return '';
  judgeRuleList(ast.children, judge);
  return closeRawText(csstree.generate(ast));
}

/** A `style` attribute's text. */
export function sanitizeDeclarations(css: string, judge: CssJudge): string {
  const ast = csstree.parse(css, { ...parseOptions, context: 'declarationList', onParseError: () => undefined });
  if (ast.type !== 'DeclarationList') return '';
  judgeDeclarationList(ast, judge);
  return csstree.generate(ast);
}
