import { JSON_LIMITS } from './abuse-limits';

export type JsonLimits = { readonly [K in keyof typeof JSON_LIMITS]: number };

/**
 * Checks the shape of a JSON text before anything parses it: nesting depth, keys per object, items per array and
 * values in all. A body nested 10,000 deep parses fine, but every recursive walk after it (validation, the audit's
 * cleaning, JSON.stringify) can overflow the stack: refusing it here keeps that from ever reaching them.
 *
 * One linear pass over the text without building anything. Strings are skipped with indexOf, so a 27 MB base64
 * attachment costs little. It does not judge whether the text is valid JSON (JSON.parse does that right after);
 * on malformed input it only has to stay within its own bounds.
 *
 * Returns the problem as a sentence for the 400 envelope, or undefined when the text is within the limits.
 */
export function jsonLimitProblem(text: string, limits: JsonLimits = JSON_LIMITS): string | undefined {
  // Per open container: is it an object, and how many separators it has seen (items = commas + 1).
  const isObject: boolean[] = [];
  const commas: number[] = [];
  let values = 0;
  // Whether the next significant character starts a value (after `[`, `{`, `,`, `:` or at the start).
  let expectValue = true;
  const length = text.length;

  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    switch (code) {
      case 0x20: // space
      case 0x09: // tab
      case 0x0a: // line feed
      case 0x0d: // carriage return
        continue;
      case 0x22: {
        // '"': skip to the closing quote, one not preceded by an odd run of backslashes.
        let end = text.indexOf('"', i + 1);
        while (end !== -1) {
          let backslashes = 0;
          while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
          if (backslashes % 2 === 0) break;
          end = text.indexOf('"', end + 1);
        }
        if (end === -1) return undefined; // unterminated: JSON.parse refuses it
        i = end;
        values++;
        expectValue = false;
        break;
      }
      case 0x7b: // '{'
      case 0x5b: // '['
        if (isObject.length >= limits.maxDepth) {
          return `The JSON body is nested too deeply (at most ${limits.maxDepth} levels)`;
        }
        isObject.push(code === 0x7b);
        commas.push(0);
        values++;
        expectValue = true;
        break;
      case 0x7d: // '}'
      case 0x5d: // ']'
        isObject.pop();
        commas.pop();
        expectValue = false;
        break;
      case 0x2c: {
        // ','
        const depth = commas.length - 1;
        if (depth >= 0) {
          const items = ++commas[depth]! + 1;
          if (isObject[depth] && items > limits.maxObjectKeys) {
            return `A JSON object in the body has too many keys (at most ${limits.maxObjectKeys})`;
          }
          if (!isObject[depth] && items > limits.maxArrayItems) {
            return `A JSON array in the body has too many items (at most ${limits.maxArrayItems})`;
          }
        }
        expectValue = true;
        break;
      }
      case 0x3a: // ':'
        expectValue = true;
        break;
      default:
        // A number, true, false or null: counted where it starts.
        if (expectValue) {
          values++;
          expectValue = false;
        }
    }
    if (values > limits.maxValues) return `The JSON body has too many values (at most ${limits.maxValues})`;
  }
  return undefined;
}
