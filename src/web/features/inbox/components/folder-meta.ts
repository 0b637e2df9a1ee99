import { ALL_FOLDER_PATH, SPECIAL_USE, type Folder } from '@contract/index';
import type { IconName } from '@web/components/ui/icon';
import { visibleText } from '@web/lib/visible-text';

export const SPECIAL_ORDER = [
  SPECIAL_USE.inbox,
  SPECIAL_USE.all,
  SPECIAL_USE.sent,
  SPECIAL_USE.drafts,
  SPECIAL_USE.archive,
  SPECIAL_USE.junk,
  SPECIAL_USE.trash,
] as const;

const LABELS: Record<string, { label: string; icon: IconName }> = {
  [SPECIAL_USE.inbox]: { label: 'Inbox', icon: 'inbox' },
  [SPECIAL_USE.all]: { label: 'All mail', icon: 'allMail' },
  [SPECIAL_USE.sent]: { label: 'Sent', icon: 'sent' },
  [SPECIAL_USE.drafts]: { label: 'Drafts', icon: 'drafts' },
  [SPECIAL_USE.archive]: { label: 'Archive', icon: 'archive' },
  [SPECIAL_USE.junk]: { label: 'Junk', icon: 'junk' },
  [SPECIAL_USE.trash]: { label: 'Trash', icon: 'trash' },
};

/** INBOX has no special-use attribute on most servers; `__ALL__` is virtual. */
export function specialUseOf(folder: Pick<Folder, 'path' | 'specialUse'>): string | null {
  if (folder.path.toUpperCase() === 'INBOX') return SPECIAL_USE.inbox;
  if (folder.path === ALL_FOLDER_PATH) return SPECIAL_USE.all;
  return folder.specialUse && LABELS[folder.specialUse] ? folder.specialUse : null;
}

/** The folder's name as shown; a name from the server is mail-server text, so its invisible characters show. */
export function folderLabel(folder: Pick<Folder, 'path' | 'name' | 'specialUse'>): string {
  const special = specialUseOf(folder);
  return special ? LABELS[special]!.label : visibleText(folder.path.split('/').at(-1) ?? folder.name);
}

export function folderIcon(folder: Pick<Folder, 'path' | 'specialUse'>): IconName {
  const special = specialUseOf(folder);
  return special ? LABELS[special]!.icon : 'folder';
}

export interface FolderEntry {
  folder: Folder;
  depth: number;
  special: boolean;
}

/** Special-use folders first in a fixed order, then the rest as a tree (split on "/"), alphabetical per level. */
export function orderFolders(folders: readonly Folder[]): FolderEntry[] {
  const special = folders
    .filter((f) => specialUseOf(f))
    .sort((a, b) => SPECIAL_ORDER.indexOf(specialUseOf(a)! as never) - SPECIAL_ORDER.indexOf(specialUseOf(b)! as never))
    .map((folder) => ({ folder, depth: 0, special: true }));
  const rest = folders
    .filter((f) => !specialUseOf(f) && !f.path.startsWith('__'))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((folder) => ({ folder, depth: folder.path.split('/').length - 1, special: false }));
  return [...special, ...rest];
}

export function findSpecial(folders: readonly Folder[] | undefined, use: string): Folder | undefined {
  return folders?.find((f) => specialUseOf(f) === use);
}

/** Virtual folders (`__ALL__`, `__CAT_*__`) list messages that live in other folders. */
export function isVirtualFolder(path: string): boolean {
  return path.startsWith('__');
}

const OUTSIDE_ALL_MAIL = new Set(['junk', 'spam', 'trash']);

/** Real folders the virtual All folder merges: all but Junk and Trash (contract 5.7). */
export function isInAllMail(folder: Pick<Folder, 'path' | 'specialUse'>): boolean {
  if (isVirtualFolder(folder.path)) return false;
  if (folder.specialUse === SPECIAL_USE.junk || folder.specialUse === SPECIAL_USE.trash) return false;
  return !OUTSIDE_ALL_MAIL.has(folder.path.toLowerCase());
}
