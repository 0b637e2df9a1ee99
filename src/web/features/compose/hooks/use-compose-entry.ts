import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { openDraftQueryOptions, findSavedDraft } from '../api/drafts';
import { downloadOriginalAttachment, originalQueryOptions, type OriginalRef } from '../api/get-original';
import { newDraft, type Draft, type DraftAttachment, type ReplyMode } from '../utils/draft';
import { openDraftBuffer, ownedDraftBuffer, type DraftBuffer } from '../utils/draft-store';
import { replyFields } from '../utils/quote';

/**
 * How compose was opened, from its URL (config/paths.ts builds these):
 *   ?draft=<id>[&mailbox=]            a draft being written: the browser's buffer, else its copy in that Drafts folder
 *   ?replyTo=&folder=&uid=&mode=      a new draft replying to / forwarding a message
 *   ?edit=<uid>&mailbox=&folder=      a message of a Drafts folder, opened for editing
 *   (nothing)                         a new draft
 * Every other entry becomes `?draft=<id>` once its draft exists, so a reload comes back to the same draft and each
 * compose (tab) has its own: a reply never replaces another draft.
 */
export type ComposeEntry =
  | { kind: 'new' }
  | { kind: 'draft'; id: string; mailbox: string | null }
  | { kind: 'reply'; ref: OriginalRef; mode: ReplyMode }
  | { kind: 'edit'; ref: OriginalRef };

const REPLY_MODES: readonly ReplyMode[] = ['reply', 'replyAll', 'forward'];
const DRAFT_ID = /^[0-9a-f-]{36}$/;

export function entryFromSearch(params: URLSearchParams): ComposeEntry {
  const draft = params.get('draft');
  if (draft && DRAFT_ID.test(draft)) return { kind: 'draft', id: draft, mailbox: params.get('mailbox') || null };
  const uidOf = (name: string) => {
    const uid = Number(params.get(name));
    return Number.isInteger(uid) && uid > 0 ? uid : null;
  };
  const edit = uidOf('edit');
  const mailbox = params.get('mailbox');
  if (edit && mailbox) return { kind: 'edit', ref: { mailbox, folder: params.get('folder') || 'Drafts', uid: edit } };
  const replyTo = params.get('replyTo');
  const uid = uidOf('uid');
  if (replyTo && uid) {
    const mode = params.get('mode') ?? '';
    return {
      kind: 'reply',
      ref: { mailbox: replyTo, folder: params.get('folder') || 'INBOX', uid },
      mode: (REPLY_MODES as readonly string[]).includes(mode) ? (mode as ReplyMode) : 'reply',
    };
  }
  return { kind: 'new' };
}

/** The URL of a draft compose holds. */
export function draftSearch(draft: Pick<Draft, 'id' | 'from'>): URLSearchParams {
  return new URLSearchParams(draft.from ? { draft: draft.id, mailbox: draft.from } : { draft: draft.id });
}

/** A reply or forward as a new draft; a forward brings the original's files along (read back into base64 later). */
async function replyDraft(queryClient: QueryClient, ref: OriginalRef, mode: ReplyMode): Promise<Draft> {
  const original = await queryClient.fetchQuery(originalQueryOptions(ref));
  const draft: Draft = {
    ...newDraft(),
    ...replyFields(original, ref.mailbox, mode),
    replySource: `${ref.mailbox}/${ref.folder}/${ref.uid}/${mode}`,
  };
  if (mode !== 'forward') return draft;
  const attachments = await Promise.all(
    original.attachments.map(async (a): Promise<DraftAttachment> => {
      const base = { id: crypto.randomUUID(), filename: a.filename, contentType: a.contentType, size: a.size };
      try {
        return { ...base, content: null, readBytes: 0, blob: await downloadOriginalAttachment(ref, a) };
      } catch (error) {
        const why = error instanceof Error ? error.message : 'unknown error';
        return { ...base, content: null, readBytes: 0, error: `Could not fetch it: ${why}` };
      }
    }),
  );
  return { ...draft, attachments };
}

/** The draft an entry opens; null when `?draft=&mailbox=` names a draft that is neither buffered nor in Drafts. */
export async function resolveEntry(
  entry: ComposeEntry,
  buffer: DraftBuffer,
  queryClient: QueryClient,
): Promise<Draft | null> {
  switch (entry.kind) {
    case 'new':
      return newDraft();
    case 'reply':
      return replyDraft(queryClient, entry.ref, entry.mode);
    case 'edit': {
      const opened = await queryClient.fetchQuery(openDraftQueryOptions(entry.ref));
      // Edits typed here that have not reached Drafts yet are newer than the copy.
      return (await buffer.load(opened.id).catch(() => null)) ?? opened;
    }
    case 'draft': {
      const buffered = await buffer.load(entry.id).catch(() => null);
      if (buffered) return buffered;
      // No mailbox in the URL: the draft never reached Drafts (nothing typed but what stays blank): start it afresh.
      if (!entry.mailbox) return { ...newDraft(), id: entry.id };
      const saved = await findSavedDraft(entry.mailbox, entry.id);
      return saved ? queryClient.fetchQuery(openDraftQueryOptions(saved)) : null;
    }
  }
}

/**
 * Resolves `entry` (null: nothing to resolve, compose already holds the draft). `navigation` is the router
 * location's key: a second visit to the same URL (Compose in the navigation again) is a new entry.
 */
export function useComposeEntry(entry: ComposeEntry | null, buffer: DraftBuffer | null, navigation: string) {
  const queryClient = useQueryClient();
  // The buffer and the query client live as long as the page: the entry and the navigation identify the query.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery({
    queryKey: ['compose', 'entry', navigation, entry],
    queryFn: () => resolveEntry(entry!, buffer!, queryClient),
    enabled: entry !== null && buffer !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    meta: { errorHandling: 'local' },
  });
}

/**
 * This user's draft buffer, opened once per mount (null until it is). `open` is read once: the effect depends on
 * the owner only, so a caller passing a new function on every render does not reopen it in a loop.
 */
export function useDraftBuffer(ownerId: string, open: () => Promise<DraftBuffer> = openDraftBuffer) {
  const [buffer, setBuffer] = useState<DraftBuffer | null>(null);
  const opener = useRef(open);
  useEffect(() => {
    let live = true;
    void opener.current().then((base) => {
      if (live) setBuffer(ownedDraftBuffer(base, ownerId));
    });
    return () => {
      live = false;
    };
  }, [ownerId]);
  return buffer;
}
