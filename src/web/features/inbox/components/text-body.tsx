import { Fragment } from 'react';

const URL_PATTERN = /\b(https?:\/\/[^\s<>"')\]]+|mailto:[^\s<>"')\]]+)/gi;

/** Splits text into plain runs and links; React escapes every run, so no HTML from the mail is ever interpreted. */
export function linkify(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function TextBody({ text }: { text: string }) {
  return (
    <div className="font-sans text-sm break-words whitespace-pre-wrap text-slate-900 dark:text-slate-100">
      {linkify(text).map((part, i) =>
        part.href ? (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </div>
  );
}
