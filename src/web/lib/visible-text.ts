/**
 * Text that came from an email (names, subjects, file names) is hostile: bidi controls can make `exe.pdf` read as
 * `pdf.exe` the other way round, and zero-width or C0/C1 controls can hide what a string really says. Every place
 * that shows such text runs it through `visibleText` (controls become visible `⟨U+202E⟩` marks) and isolates it with
 * `<bdi dir="auto">` (components/ui/bidi-text.tsx), so it cannot reorder the console's own text around it.
 */

/** Bidi embeddings/overrides/isolates and marks, zero-width characters, C0/C1 controls (tab kept), BOM. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/g;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** `visibleText('evil\u202Efdp.exe')` → `evil⟨U+202E⟩fdp.exe`. Line breaks become spaces (a name is one line). */
export function visibleText(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(INVISIBLE, (ch) => `⟨${codePoint(ch)}⟩`);
}

/** True when a string holds a character `visibleText` would mark. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

const ADDRESS_LIKE = /[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/;

/**
 * What to show for a sender or recipient. A display name that itself looks like an address
 * (`support@acme.example <x@evil.example>`) is the classic spoof, so it is never shown alone: the real address
 * comes beside it. A name that is just the address again shows the address once.
 */
export function displayAddress(
  name: string | undefined | null,
  address: string,
): {
  label: string;
  /** The real address must be shown too (name differs from it, or looks like another address). */
  showAddress: boolean;
  /** The name looks like an address that is not the real one: flag it. */
  spoofLike: boolean;
} {
  const trimmed = (name ?? '').trim();
  if (!trimmed || trimmed.toLowerCase() === address.toLowerCase()) {
    return { label: visibleText(address), showAddress: false, spoofLike: false };
  }
  const spoofLike = ADDRESS_LIKE.test(trimmed);
  return { label: visibleText(trimmed), showAddress: spoofLike, spoofLike };
}
