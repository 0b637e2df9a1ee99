import { sanitizeEmailDocument } from '@web/lib/sanitize-html';

export interface EmailFrameProps {
  /** A whole HTML document (rendered template or written message). */
  html: string;
  title: string;
  width: 'desktop' | 'mobile';
  dark?: boolean;
  height?: number;
}

const widths = { desktop: 'w-full min-w-[600px]', mobile: 'w-[375px]' } as const;

/**
 * Email HTML shown the safe way (STYLE habit 9): sanitised, then in an iframe with `sandbox=""` — no scripts, no
 * same-origin, no forms, no top navigation — fed by `srcdoc`, so it never loads from our origin.
 */
export function EmailFrame({ html, title, width, dark = false, height = 520 }: EmailFrameProps) {
  return (
    <div
      className={`overflow-x-auto rounded-lg border border-slate-200 p-3 dark:border-slate-700 ${
        dark ? 'bg-slate-900' : 'bg-slate-100'
      }`}
    >
      <iframe
        title={title}
        sandbox=""
        srcDoc={sanitizeEmailDocument(html)}
        className={`mx-auto block rounded bg-white ${widths[width]} ${dark ? 'opacity-95' : ''}`}
        style={{ height, colorScheme: dark ? 'dark' : 'light' }}
      />
    </div>
  );
}
