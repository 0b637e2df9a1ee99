import { MAX_ATTACHMENT_BYTES } from '@contract/index';
import { useId, useRef, useState, type DragEvent } from 'react';
import { BidiText } from '@web/components/ui/bidi-text';
import { Button } from '@web/components/ui/button';
import { formatBytes } from '@web/lib/format-bytes';
import { visibleText } from '@web/lib/visible-text';
import type { DraftAttachment } from '../utils/draft';

export interface AttachmentsFieldProps {
  attachments: readonly DraftAttachment[];
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  error?: string;
}

/** File picker and drop zone; each file with name, size, type, reading progress and remove; the total vs 20 MB. */
export function AttachmentsField({ attachments, onAdd, onRemove, error }: AttachmentsFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const id = useId();
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  const over = total > MAX_ATTACHMENT_BYTES;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onAdd(files);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-sm font-medium text-slate-800 dark:text-slate-100">
        Attachments
      </h2>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="attachment-drop-zone"
        className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed p-4 text-sm ${
          dragging ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950' : 'border-slate-300 dark:border-slate-600'
        }`}
      >
        <Button variant="secondary" onClick={() => inputRef.current?.click()}>
          Add files
        </Button>
        <span className="text-slate-600 dark:text-slate-300">or drop files here</span>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="file"
          multiple
          aria-label="Attach files"
          className="sr-only"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onAdd(files);
          }}
        />
      </div>
      {attachments.length > 0 && (
        <ul
          aria-label="Attached files"
          className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        >
          {attachments.map((a) => {
            const reading = a.content === null && !a.error;
            return (
              <li key={a.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
                <BidiText text={a.filename} className="font-medium break-all text-slate-900 dark:text-slate-100" />
                <span className="text-slate-600 dark:text-slate-300">{formatBytes(a.size)}</span>
                <span className="text-slate-500 dark:text-slate-400">{a.contentType || 'unknown type'}</span>
                {reading && (
                  <progress
                    max={a.size || 1}
                    value={a.readBytes}
                    aria-label={`Reading ${visibleText(a.filename)}`}
                    className="h-2 w-24"
                  />
                )}
                {a.error && <span className="text-red-700 dark:text-red-300">{a.error}</span>}
                <Button
                  variant="ghost"
                  className="ml-auto px-2 py-1 text-xs"
                  aria-label={`Remove ${visibleText(a.filename)}`}
                  onClick={() => onRemove(a.id)}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <p
        className={`text-sm ${over ? 'font-medium text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}`}
      >
        {formatBytes(total)} of {formatBytes(MAX_ATTACHMENT_BYTES)} used
      </p>
      {error && <p className="text-sm text-red-700 dark:text-red-300">{error}</p>}
    </section>
  );
}
