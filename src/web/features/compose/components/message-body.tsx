import { useId, useMemo } from 'react';
import { EmailPreviewPanel } from '@web/components/email/email-preview-panel';
import { Button } from '@web/components/ui/button';
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

/**
 * A written message in Markdown, under it the quoted original of a reply or forward as plain text (editable, never
 * read as Markdown), and beside them the HTML and plain text exactly as they will be sent.
 */
export function MessageBody({ markdown, subject, onChange, quote = '', onQuoteChange, error }: MessageBodyProps) {
  const id = useId();
  const debounced = useDebouncedValue(markdown, 200);
  const debouncedQuote = useDebouncedValue(quote, 200);
  const body = useMemo(() => messageBody(debounced, debouncedQuote), [debounced, debouncedQuote]);
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
        {quote && onQuoteChange && (
          <div className="mt-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <label htmlFor={`${id}-quote`} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
                Quoted message
              </label>
              <Button variant="ghost" className="text-xs" onClick={() => onQuoteChange('')}>
                Remove quoted message
              </Button>
            </div>
            <p id={`${id}-quote-hint`} className="text-xs text-slate-600 dark:text-slate-300">
              Plain text, sent exactly as shown: nothing in it becomes a link, an image or formatting.
            </p>
            <textarea
              id={`${id}-quote`}
              rows={8}
              value={quote}
              onChange={(e) => onQuoteChange(e.target.value)}
              aria-describedby={`${id}-quote-hint`}
              dir="auto"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm text-slate-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
            />
          </div>
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
