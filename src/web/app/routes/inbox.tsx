import type { QueryClient } from '@tanstack/react-query';
import { redirect, useParams, type LoaderFunctionArgs } from 'react-router';
import { useMe } from '@web/features/auth/api';
import { visibleText } from '@web/lib/visible-text';
import { mailboxesQueryOptions } from '@web/lib/company-queries';
import { foldersQueryOptions, InboxPage, inboxHref } from '@web/features/inbox';
import { requireInbox } from './require-ability';

/**
 * Users who may read some mailbox only (requireInbox: others get the "no access" page, not a failing inbox).
 * `/inbox` → the first mailbox's INBOX; `/inbox/:mailbox` → its INBOX. Warms the folder list otherwise.
 */
export const inboxLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if (!(await requireInbox(queryClient, params.mailbox))) return null;
    if (!params.mailbox) {
      const mailboxes = await queryClient.ensureQueryData(mailboxesQueryOptions());
      const first = mailboxes[0];
      return first ? redirect(inboxHref(first.email, 'INBOX')) : null;
    }
    if (!params.folder) return redirect(inboxHref(params.mailbox, 'INBOX'));
    void queryClient.prefetchQuery(foldersQueryOptions(params.mailbox));
    return null;
  };

export function InboxRoute() {
  const { mailbox, folder, uid } = useParams();
  const me = useMe();
  if (!mailbox || !folder) {
    return <p className="p-6 text-sm">No company mailbox is available to this account.</p>;
  }
  const parsedUid = uid && /^\d+$/.test(uid) ? Number(uid) : undefined;
  return (
    <>
      <title>{`${visibleText(folder)} · ${visibleText(mailbox)} · Inbox · Sentroy Console`}</title>
      <InboxPage mailbox={mailbox} folder={folder} uid={parsedUid} user={me.data?.user.email ?? 'anonymous'} />
    </>
  );
}
