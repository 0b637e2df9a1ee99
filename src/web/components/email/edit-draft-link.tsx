import { Link } from 'react-router';
import { paths } from '@web/config/paths';

/** The last segment of a folder path names the Drafts folder ("Drafts", "INBOX.Drafts", "[Gmail]/Drafts"). */
export function isDraftsFolder(folder: string): boolean {
  const last = folder.split(/[./]/).pop() ?? '';
  return last.toLowerCase() === 'drafts';
}

/**
 * "Edit draft" for a message shown from a Drafts folder: opens it in compose, where saving replaces this copy and
 * sending deletes it. Lives here, not in a feature, because the inbox shows it and compose owns what it opens.
 */
export function EditDraftLink({ mailbox, folder, uid }: { mailbox: string; folder: string; uid: number }) {
  if (!isDraftsFolder(folder)) return null;
  return (
    <Link
      to={paths.compose.getHref({ mailbox, folder, uid, mode: 'edit' })}
      className="inline-flex items-center justify-center rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      Edit draft
    </Link>
  );
}
