import { useState, type ReactNode } from 'react';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { BidiText } from '@web/components/ui/bidi-text';
import { Button } from '@web/components/ui/button';
import { PANE_LIMITS, type InboxLayout } from '../hooks/use-inbox-layout';
import { ResizeHandle } from './resize-handle';
import { ToolbarIcon } from './toolbar-icon';

export interface InboxPanesProps {
  narrow: boolean;
  /** A message is open: on a narrow screen the reader takes the whole space. */
  messageOpen: boolean;
  /** The folder shown: on a narrow screen, choosing another one in the folder list returns to its messages. */
  folder: string;
  /** The folder's name as shown, for "Folders: Inbox". */
  folderName: string;
  layout: InboxLayout;
  onLayoutChange: (change: Partial<InboxLayout>) => void;
  folderPane: ReactNode;
  listPane: ReactNode;
  readerPane: ReactNode;
}

/**
 * Folders | list | reader side by side with resize handles. On a narrow screen (a phone) one pane at a time: the
 * reader while a message is open (the toolbar's Back returns to the list), else the list, whose "Folders" button
 * swaps in the folder list until a folder is chosen or "Back to messages" is pressed.
 */
export function InboxPanes({
  narrow,
  messageOpen,
  folder,
  folderName,
  layout,
  onLayoutChange,
  folderPane,
  listPane,
  readerPane,
}: InboxPanesProps) {
  // Remembered per folder, so choosing a folder (a navigation) closes the folder list by itself.
  const [foldersOpenIn, setFoldersOpenIn] = useState<string | null>(null);
  const foldersOpen = foldersOpenIn === folder;
  const list = <PaneErrorBoundary title="The message list could not be shown.">{listPane}</PaneErrorBoundary>;
  if (narrow) {
    if (messageOpen) return <div className="min-h-0 min-w-0 flex-1 overflow-y-auto">{readerPane}</div>;
    return (
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        <div className="border-b border-slate-200 px-2 py-1 dark:border-slate-800">
          <Button
            variant="ghost"
            aria-expanded={foldersOpen}
            onClick={() => setFoldersOpenIn(foldersOpen ? null : folder)}
            className="max-w-full"
          >
            <ToolbarIcon name={foldersOpen ? 'back' : 'folders'} />
            <span className="truncate">
              {foldersOpen ? (
                'Back to messages'
              ) : (
                <>
                  Folders: <BidiText text={folderName} />
                </>
              )}
            </span>
          </Button>
        </div>
        <div className="min-h-0 flex-1">{foldersOpen ? folderPane : list}</div>
      </div>
    );
  }
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
