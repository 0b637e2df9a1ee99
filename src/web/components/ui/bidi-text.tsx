import type { HTMLAttributes } from 'react';
import { visibleText } from '@web/lib/visible-text';

export interface BidiTextProps extends Omit<HTMLAttributes<HTMLElement>, 'children' | 'dir'> {
  /** Text from a message (name, subject, file name): shown isolated, with invisible controls made visible. */
  text: string;
}

/**
 * Hostile text in the console's page: `<bdi dir="auto">` keeps its direction from leaking into the text around it,
 * and `visibleText` shows bidi overrides and zero-width characters instead of obeying them (lib/visible-text.ts).
 * React escapes the text, so nothing in it can become markup.
 */
export function BidiText({ text, ...props }: BidiTextProps) {
  return (
    <bdi dir="auto" {...props}>
      {visibleText(text)}
    </bdi>
  );
}
