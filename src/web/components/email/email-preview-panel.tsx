import { useId, useState } from 'react';
import { EmailFrame } from '@web/components/ui/email-frame';

export interface EmailPreviewPanelProps {
  /** Names this preview for assistive technology, e.g. "Preview in tr". */
  label: string;
  subject: string;
  html: string;
  text: string;
  /** The source before rendering (MJML or HTML); the "Source" view is left out without it. */
  source?: string;
  /** True while a newer rendering is on its way (the shown one is kept meanwhile). */
  updating?: boolean;
}

type View = 'html' | 'text' | 'source';

const toggle =
  'rounded-md px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 aria-pressed:bg-indigo-600 aria-pressed:text-white';

/** A rendered email: subject, then the body as HTML (desktop or mobile width, light or dark), plain text, or source. */
export function EmailPreviewPanel({ label, subject, html, text, source, updating = false }: EmailPreviewPanelProps) {
  const [view, setView] = useState<View>('html');
  const [width, setWidth] = useState<'desktop' | 'mobile'>('desktop');
  const [dark, setDark] = useState(false);
  const headingId = useId();
  const views: [View, string][] = [
    ['html', 'HTML'],
    ['text', 'Plain text'],
    ...(source !== undefined ? ([['source', 'MJML source']] as [View, string][]) : []),
  ];

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h3 id={headingId} className="sr-only">
        {label}
      </h3>
      <div className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-950">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Subject</p>
        <p className="text-sm font-medium text-slate-900 dark:text-slate-50" data-testid="rendered-subject">
          {subject}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={`${label}: view`} className="flex gap-1">
          {views.map(([key, name]) => (
            <button key={key} type="button" className={toggle} aria-pressed={view === key} onClick={() => setView(key)}>
              {name}
            </button>
          ))}
        </div>
        {view === 'html' && (
          <>
            <div role="group" aria-label={`${label}: width`} className="flex gap-1">
              <button
                type="button"
                className={toggle}
                aria-pressed={width === 'desktop'}
                onClick={() => setWidth('desktop')}
              >
                Desktop
              </button>
              <button
                type="button"
                className={toggle}
                aria-pressed={width === 'mobile'}
                onClick={() => setWidth('mobile')}
              >
                Mobile
              </button>
            </div>
            <button type="button" className={toggle} aria-pressed={dark} onClick={() => setDark((d) => !d)}>
              Dark background
            </button>
          </>
        )}
        {updating && (
          <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
            Updating…
          </span>
        )}
      </div>
      {view === 'html' ? (
        <EmailFrame html={html} title={`${label}: email body`} width={width} dark={dark} />
      ) : (
        <pre
          role="region"
          aria-label={`${label}: ${view === 'text' ? 'plain text' : 'source'}`}
          className="max-h-[520px] overflow-auto rounded-lg border border-slate-200 bg-white p-3 text-xs whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
        >
          {view === 'text' ? text : source}
        </pre>
      )}
    </section>
  );
}
