import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildEmailDocument, EMAIL_MEASURE_STYLE, sanitizeEmailHtml } from '@web/lib/sanitize-html';

export interface HtmlBodyProps {
  html: string;
  allowRemote: boolean;
  onBlockedCount: (count: number) => void;
}

const MIN_HEIGHT = 120;

/**
 * Sanitised HTML in a sandboxed iframe (no scripts, opaque origin, srcdoc with its own CSP). The frame cannot tell
 * us its height (no scripts inside, no access from outside), so the same sanitised markup is laid out in a hidden
 * shadow root at the frame's width and measured there; a ResizeObserver follows late changes (e.g. images once
 * allowed). The frame keeps its own scrollbar, so a wrong guess costs a scrollbar, never hidden content.
 */
export function HtmlBody({ html, allowRemote, onBlockedCount }: HtmlBodyProps) {
  const sanitized = useMemo(() => sanitizeEmailHtml(html, { allowRemote }), [html, allowRemote]);
  const srcDoc = useMemo(() => buildEmailDocument(sanitized.body, allowRemote), [sanitized.body, allowRemote]);
  const measureRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(MIN_HEIGHT);

  useLayoutEffect(() => {
    onBlockedCount(sanitized.blockedRemote);
  }, [sanitized.blockedRemote, onBlockedCount]);

  useLayoutEffect(() => {
    const host = measureRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    // Measuring must not fetch what the frame is not allowed to: when blocked, the markup holds no remote URL.
    root.innerHTML = `<style>${EMAIL_MEASURE_STYLE}</style><div class="email-body">${sanitized.body}</div>`;
    const content = root.querySelector('.email-body')!;
    const measure = () => setHeight(Math.max(MIN_HEIGHT, Math.ceil(content.getBoundingClientRect().height) + 24));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(content);
    return () => observer.disconnect();
  }, [sanitized.body]);

  return (
    <div className="relative">
      <div
        ref={measureRef}
        aria-hidden="true"
        className="invisible absolute inset-x-0 top-0 -z-10 overflow-hidden"
        style={{ height: 0 }}
      />
      <iframe
        title="Message content"
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        className="w-full rounded border border-slate-200 bg-white dark:border-slate-700"
        style={{ height: Math.min(height, 20_000) }}
      />
    </div>
  );
}
