import { useLayoutEffect, useRef, useState } from 'react';
import { sanitizeEmailDocument } from '@web/lib/sanitize-html';

export interface EmailFrameProps {
  /** A whole HTML document (rendered template or written message). */
  html: string;
  title: string;
  width: 'desktop' | 'mobile';
  dark?: boolean;
  height?: number;
}

/**
 * Whether the mail asks for remote images, only to say so under the preview (the page's CSP blocks them whatever
 * this finds: this is a hint for the reader of the preview, not a filter).
 */
const REMOTE_IMAGE_HINT = /\b(?:src|background)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//i;

/** The width an email is laid out at: email clients give a desktop mail 600 px and more, a phone about 375 px. */
const NATURAL_WIDTH = { desktop: 600, mobile: 375 } as const;

/**
 * Email HTML shown the safe way (STYLE habit 9): sanitised, then in an iframe with `sandbox=""` — no scripts, no
 * same-origin, no forms, no top navigation — fed by `srcdoc`. A srcdoc document lives under the console page's CSP,
 * which loads no remote image: previews show the company's own templates without fetching from anywhere.
 *
 * The mail is laid out at its natural width (600 px desktop, wider if the box is wider; 375 px mobile) and scaled
 * down as a whole when its box is narrower, so a preview is never cut off: not beside another panel, not on a
 * 390 px phone. It scrolls vertically inside its frame.
 */
export function EmailFrame({ html, title, width, dark = false, height = 520 }: EmailFrameProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState<number | null>(null);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setAvailable(Math.floor(entry.contentRect.width));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const natural = NATURAL_WIDTH[width];
  const frameWidth = width === 'desktop' && available !== null ? Math.max(natural, available) : natural;
  const scale = available !== null && available < frameWidth ? available / frameWidth : 1;

  return (
    <div
      className={`rounded-lg border border-slate-200 p-3 dark:border-slate-700 ${dark ? 'bg-slate-900' : 'bg-slate-100'}`}
    >
      <div ref={boxRef} className="w-full overflow-hidden" style={{ height: Math.ceil(height * scale) }}>
        <iframe
          title={title}
          sandbox=""
          srcDoc={sanitizeEmailDocument(html)}
          className={`block rounded bg-white ${dark ? 'opacity-95' : ''}`}
          style={{
            width: frameWidth,
            height,
            colorScheme: dark ? 'dark' : 'light',
            marginInline: scale < 1 ? 0 : 'auto',
            transform: scale < 1 ? `scale(${scale})` : undefined,
            transformOrigin: 'top left',
          }}
        />
      </div>
      {(scale < 1 || REMOTE_IMAGE_HINT.test(html)) && (
        // The box's background follows the preview's own light/dark switch, not the page's scheme: so does this text.
        <p className={`mt-2 text-xs ${dark ? 'text-slate-300' : 'text-slate-600'}`}>
          {scale < 1 && `Shown at ${Math.round(scale * 100)}% of its ${frameWidth} px width. `}
          {REMOTE_IMAGE_HINT.test(html) && 'Remote images are not loaded in previews.'}
        </p>
      )}
    </div>
  );
}
