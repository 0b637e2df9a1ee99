import type { Folder } from '@contract/index';
import { NavLink } from 'react-router';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { inboxHref } from '../inbox-href';
import { BidiText } from '@web/components/ui/bidi-text';
import { Icon } from '@web/components/ui/icon';
import { folderIcon, folderLabel, orderFolders } from './folder-meta';

export interface FolderPaneProps {
  mailbox: string;
  folders: Folder[] | undefined;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
  /** A list row was dropped on a folder. */
  onDropMessages: (to: string) => void;
}

export const DRAG_TYPE = 'application/x-sentroy-messages';

export function FolderPane({ mailbox, folders, isPending, error, onRetry, onDropMessages }: FolderPaneProps) {
  if (isPending) return <LoadingState label="Loading folders…" />;
  if (error || !folders)
    return <ErrorState title="The folders could not be loaded." message={error?.message ?? ''} onRetry={onRetry} />;
  return (
    <nav aria-label="Folders" className="h-full overflow-y-auto p-2">
      <ul className="space-y-0.5">
        {orderFolders(folders).map(({ folder, depth }) => (
          <li key={folder.path}>
            <NavLink
              to={inboxHref(mailbox, folder.path)}
              onDragOver={(event) => {
                if (event.dataTransfer.types.includes(DRAG_TYPE)) {
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                }
              }}
              onDrop={(event) => {
                if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                onDropMessages(folder.path);
              }}
              style={{ paddingLeft: `${0.5 + depth * 1}rem` }}
              className={({ isActive }) =>
                `flex items-center gap-2 rounded-md py-1.5 pr-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                  isActive
                    ? 'bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`
              }
            >
              <Icon name={folderIcon(folder)} />
              <span className="flex-1 truncate">
                <BidiText text={folderLabel(folder)} />
              </span>
              {folder.unreadMessages > 0 && (
                <span className="rounded-full bg-slate-200 px-2 text-xs font-semibold dark:bg-slate-700">
                  {folder.unreadMessages}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
