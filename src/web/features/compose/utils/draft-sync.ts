import type { MessageSummary, SaveDraftBody } from '@contract/index';
import type { Draft } from './draft';
import { newRevision, parseDraftMessageId, toSaveDraftBody } from './draft-message';

/**
 * Saving a draft to its From mailbox's Drafts folder when the platform only appends (contract-ops 7.2: no UID, no
 * update, no delete of its own). Each save:
 *   1. appends the new copy, whose Message-ID names the draft and a new revision;
 *   2. lists the Drafts folder and finds every copy of this draft by its Message-ID;
 *   3. only if the new copy is there, deletes every other copy (and copies it replaces from another client, and
 *      copies left in the previous From mailbox when the From changed).
 * Appending first means a failure at any step leaves at least one copy; deleting every other copy of the id (not
 * only "the previous one") means a save also cleans up after an earlier one that failed half-way, or another tab.
 */

/** The few platform calls this needs (api/drafts.ts implements them over the BFF). */
export interface DraftServer {
  save(body: SaveDraftBody): Promise<void>;
  /** The Drafts folder's path in `mailbox` (special-use \Drafts, else "Drafts"). */
  draftsFolder(mailbox: string): Promise<string>;
  /** Every message of the folder (all pages). */
  list(mailbox: string, folder: string): Promise<MessageSummary[]>;
  /** Permanent delete; a message that is already gone is not an error. */
  remove(mailbox: string, folder: string, uid: number): Promise<void>;
}

export class DraftSyncError extends Error {
  override readonly name = 'DraftSyncError';
}

export interface SavedCopy {
  mailbox: string;
  rev: string;
}

/** Copies of `draftId` in `mailbox`'s Drafts folder, with the folder's path. */
export async function findCopies(
  server: DraftServer,
  mailbox: string,
  draftId: string,
): Promise<{ folder: string; copies: { uid: number; rev: string }[] }> {
  const folder = await server.draftsFolder(mailbox);
  const copies = (await server.list(mailbox, folder)).flatMap((m) => {
    const id = parseDraftMessageId(m.messageId);
    return id && id.draftId === draftId ? [{ uid: m.uid, rev: id.rev }] : [];
  });
  return { folder, copies };
}

/**
 * One save of `draft` (its `from` must be set). Resolves with where the copy now is; throws when the copy could not
 * be appended (nothing changed) or could not be confirmed (the older copies are kept, so no work is lost).
 */
export async function saveDraftCopy(server: DraftServer, draft: Draft, rev = newRevision()): Promise<SavedCopy> {
  const mailbox = draft.from.trim().toLowerCase();
  if (!mailbox) throw new DraftSyncError('Choose a From mailbox to save this draft to its Drafts folder');
  await server.save(toSaveDraftBody(draft, rev));

  const { folder, copies } = await findCopies(server, mailbox, draft.id);
  if (!copies.some((c) => c.rev === rev)) {
    throw new DraftSyncError('The draft was sent to Drafts but is not listed there yet');
  }
  for (const copy of copies) if (copy.rev !== rev) await server.remove(mailbox, folder, copy.uid);
  for (const ref of draft.adopted ?? []) await server.remove(ref.mailbox, ref.folder, ref.uid);
  const previous = draft.savedTo?.mailbox;
  if (previous && previous !== mailbox) await removeCopies(server, previous, draft.id);
  return { mailbox, rev };
}

/** Every copy of `draftId` in `mailbox`'s Drafts folder. */
export async function removeCopies(server: DraftServer, mailbox: string, draftId: string): Promise<void> {
  const { folder, copies } = await findCopies(server, mailbox, draftId);
  for (const copy of copies) await server.remove(mailbox, folder, copy.uid);
}

/** After a send (or a discard): every copy of the draft, wherever it was saved, and the copies it adopted. */
export async function deleteDraftCopies(server: DraftServer, draft: Draft): Promise<void> {
  const mailboxes = new Set([draft.savedTo?.mailbox, draft.from.trim().toLowerCase()].filter((m): m is string => !!m));
  for (const mailbox of mailboxes) await removeCopies(server, mailbox, draft.id);
  for (const ref of draft.adopted ?? []) await server.remove(ref.mailbox, ref.folder, ref.uid);
}
