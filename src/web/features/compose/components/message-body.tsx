import { useId, useMemo } from 'react';
import { EmailPreviewPanel } from '@web/components/email/email-preview-panel';
import { useDebouncedValue } from '@web/lib/use-debounced-value';
import { messageBody } from '../utils/build-send-request';

export interface MessageBodyProps {
  markdown: string;
  subject: string;
  onChange: (markdown: string) => void;
  /** The quoted original (plain text) of a reply or forward; empty for a new message. */
  quote?: string;
  onQuoteChange?: (quote: string) => void;
  error?: string;
}

/** A written message in Markdown; beside it the HTML and plain text exactly as they will be sent. */
export function MessageBody({ markdown, subject, onChange, error }: MessageBodyProps) {
  const id = useId();
  const debounced = useDebouncedValue(markdown, 200);
  const body = useMemo(() => messageBody(debounced), [debounced]);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Message
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
          Markdown: **bold**, _italic_, [link](https://…), lists. Sent as HTML with a plain-text alternative.
        </p>
        <textarea
          id={id}
          rows={14}
          value={markdown}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-sm dark:bg-slate-900 ${
            error ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'
          }`}
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      <div className="min-w-0">
        <EmailPreviewPanel
          label="What will be sent"
          subject={subject || '(no subject)'}
          html={body.html}
          text={body.text}
        />
      </div>
    </div>
  );
}
