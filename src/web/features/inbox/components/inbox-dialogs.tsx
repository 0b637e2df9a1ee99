import type { Folder } from '@contract/index';
import { BidiText } from '@web/components/ui/bidi-text';
import { Button } from '@web/components/ui/button';
import { plural } from '../api/message-actions';
import { folderLabel, isVirtualFolder, orderFolders } from './folder-meta';
import { Modal } from './modal';
import { SHORTCUTS } from './shortcuts';

export type InboxDialog = 'move' | 'help' | 'confirmDelete' | null;

export interface InboxDialogsProps {
  dialog: InboxDialog;
  onClose: () => void;
  folders: Folder[] | undefined;
  /** Where the messages are now: not offered as a destination. */
  actionFolder: string;
  targetCount: number;
  onMoveTo: (folder: Folder) => void;
  onDeleteForever: () => void;
}

/** The inbox's dialogs: Move to folder, the Delete forever confirmation, and the keyboard shortcuts. */
export function InboxDialogs({
  dialog,
  onClose,
  folders,
  actionFolder,
  targetCount,
  onMoveTo,
  onDeleteForever,
}: InboxDialogsProps) {
  return (
    <>
      <Modal open={dialog === 'move'} title="Move to folder" onClose={onClose}>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {orderFolders(folders ?? [])
            .filter(({ folder: f }) => f.path !== actionFolder && !isVirtualFolder(f.path))
            .map(({ folder: f, depth }) => (
              <li key={f.path} style={{ paddingLeft: `${depth}rem` }}>
                <Button variant="ghost" className="w-full justify-start" onClick={() => onMoveTo(f)}>
                  <BidiText text={folderLabel(f)} />
                </Button>
              </li>
            ))}
        </ul>
      </Modal>

      <Modal open={dialog === 'confirmDelete'} title="Delete forever?" onClose={onClose}>
        <p className="text-sm">{plural(targetCount)} will be deleted permanently. This cannot be undone.</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onDeleteForever}>
            Delete forever
          </Button>
        </div>
      </Modal>

      <Modal open={dialog === 'help'} title="Keyboard shortcuts" onClose={onClose}>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td className="py-1 pr-4">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="mr-1 rounded border border-slate-300 px-1.5 font-mono dark:border-slate-600"
                    >
                      {k}
                    </kbd>
                  ))}
                </td>
                <td className="py-1">{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Modal>
    </>
  );
}
