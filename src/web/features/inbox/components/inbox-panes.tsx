import type { ReactNode } from 'react';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PANE_LIMITS, type InboxLayout } from '../hooks/use-inbox-layout';
import { ResizeHandle } from './resize-handle';

export interface InboxPanesProps {
  narrow: boolean;
  /** A message is open: on a narrow screen the reader takes the whole space. */
  messageOpen: boolean;
  layout: InboxLayout;
  onLayoutChange: (change: Partial<InboxLayout>) => void;
  folderPane: ReactNode;
  listPane: ReactNode;
  readerPane: ReactNode;
}

/** Folders | list | reader side by side with resize handles; on a narrow screen one of list or reader at a time. */
export function InboxPanes({
  narrow,
  messageOpen,
  layout,
  onLayoutChange,
  folderPane,
  listPane,
  readerPane,
}: InboxPanesProps) {
  const list = <PaneErrorBoundary title="The message list could not be shown.">{listPane}</PaneErrorBoundary>;
  if (narrow)
    return (
      <div className="min-h-0 flex-1 overflow-y-auto">
        {messageOpen ? (
          readerPane
        ) : (
          <>
            <details className="border-b border-slate-200 dark:border-slate-800">
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Folders</summary>
              {folderPane}
            </details>
            <div className="h-[70vh]">{list}</div>
          </>
        )}
      </div>
    );
  return (
    <div className="flex min-h-0 flex-1">
      <div style={{ width: layout.folders }} className="shrink-0 overflow-hidden">
        {folderPane}
      </div>
      <ResizeHandle
        label="Resize folders"
        value={layout.folders}
        {...PANE_LIMITS.folders}
        onChange={(v) => onLayoutChange({ folders: v })}
      />
      <div style={{ width: layout.list }} className="shrink-0 overflow-hidden">
        {list}
      </div>
      <ResizeHandle
        label="Resize message list"
        value={layout.list}
        {...PANE_LIMITS.list}
        onChange={(v) => onLayoutChange({ list: v })}
      />
      <div className="min-w-0 flex-1 overflow-y-auto">{readerPane}</div>
    </div>
  );
}
