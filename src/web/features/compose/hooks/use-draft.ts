import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { isEmptyDraft, type Draft } from '../utils/draft';
import { attachmentsPending } from '../utils/draft-message';
import type { DraftBuffer } from '../utils/draft-store';
import { deleteDraftCopies, saveDraftCopy, type DraftServer } from '../utils/draft-sync';

/** Quiet time after the last change before a save. */
export const AUTOSAVE_MS = 3000;
/** Wait before trying again after a failed save. */
export const RETRY_MS = 15_000;

export type DraftSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; mailbox: string; attachments: number }
  /** Kept in this browser only, on purpose (no From yet, or a mailbox whose Drafts the user cannot open). */
  | { kind: 'local'; reason: string }
  /** The save to Drafts failed: the browser's buffer has it, a retry is scheduled. */
  | { kind: 'failed'; message: string; attachmentsKept: boolean };

export interface UseDraftOptions {
  /** This user's buffer in the browser (utils/draft-store.ts). */
  buffer: DraftBuffer;
  server: DraftServer;
  /** Whether the user may list and delete in `mailbox`'s Drafts folder (needed to replace copies). */
  canUseDrafts: (mailbox: string) => boolean;
  /** Called after each confirmed save (compose puts the mailbox in the URL). */
  onSaved?: (mailbox: string) => void;
  delayMs?: number;
  retryMs?: number;
}

/**
 * One compose draft, saved a few seconds after each change (and when compose is left or the page hidden): first to
 * the browser's buffer, then to the From mailbox's Drafts folder (utils/draft-sync.ts), after which the buffer entry
 * goes unless the draft changed meanwhile. Saves run one at a time; `finish()` (after a send, or to discard) waits
 * for the one in flight, then deletes every copy of the draft and stops saving it.
 *
 * Work may outlive the component (a save started on leaving compose): it never sets state after unmount, so nothing
 * reaches React once the component is gone.
 */
export function useDraft(initial: Draft, options: UseDraftOptions) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [state, setState] = useState<DraftSaveState>({ kind: 'idle' });
  // One controller per mount: plain mutable state outside React, so saves can outlive renders (and the component).
  const [saver] = useState(() => createDraftSaver(initial, options, { setDraft, setState }));
  // The latest callbacks and rights, before any effect of this render runs.
  useLayoutEffect(() => {
    saver.use(options);
  });

  useEffect(() => saver.changed(draft), [saver, draft]);

  useEffect(() => {
    saver.attach();
    saver.resumeIfBuffered();
    const onHide = () => void saver.flush();
    const onOnline = () => saver.retryIfFailed();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('online', onOnline);
      // Leaving compose saves what is pending; the work finishes on its own, without touching React.
      saver.detach();
    };
  }, [saver]);

  /**
   * A change by the user. `quiet`: bookkeeping that changes nothing the draft says (a restored file read back into
   * base64), so it does not count as a change to save.
   */
  const update = useCallback(
    (patch: Partial<Draft> | ((d: Draft) => Partial<Draft>), { quiet = false }: { quiet?: boolean } = {}) => {
      setDraft((d) => ({
        ...d,
        ...(typeof patch === 'function' ? patch(d) : patch),
        updatedAt: quiet ? d.updatedAt : new Date().toISOString(),
      }));
    },
    [],
  );

  /** A failed send keeps the draft: saving resumes (finish() was not called). */
  return { draft, update, state, flush: saver.flush, finish: saver.finish };
}

interface Setters {
  setDraft: (update: (d: Draft) => Draft) => void;
  setState: (state: DraftSaveState) => void;
}

function createDraftSaver(initial: Draft, initialOptions: UseDraftOptions, react: Setters) {
  let latest = initial;
  /** updatedAt of the last state a save (or the opening) covered: a draft whose updatedAt differs has changes. */
  let covered = initial.updatedAt;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let options = initialOptions;
  let mounted = true;
  let lastKind: DraftSaveState['kind'] = 'idle';

  const saver = {
    use(next: UseDraftOptions) {
      options = next;
    },
    attach() {
      mounted = true;
    },
    /** Unmounted: from here on no state is set; a pending save still goes out. */
    detach() {
      mounted = false;
      if (timer !== undefined) void saver.flush();
    },
    report(next: DraftSaveState) {
      lastKind = next.kind;
      if (mounted) react.setState(next);
    },
    schedule(ms: number) {
      clearTimeout(timer);
      timer = setTimeout(() => void saver.flush(), ms);
    },
    changed(draft: Draft) {
      // savedTo / adopted are the saver's own bookkeeping: keep its newest values.
      latest = { ...draft, savedTo: latest.savedTo, adopted: latest.adopted };
      if (draft.updatedAt !== covered && !closed) saver.schedule(options.delayMs ?? AUTOSAVE_MS);
    },
    /** Queue a save now: saves never overlap, and finish() runs after the one in flight. */
    flush(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      const next = queue.then(save, save);
      queue = next.catch(() => undefined);
      return next;
    },
    /** A draft that is still in the browser's buffer never reached Drafts (offline, closed tab): save it now. */
    resumeIfBuffered() {
      void options.buffer
        .load(latest.id)
        .then((buffered) => {
          if (buffered && !closed) saver.retryNow();
        })
        .catch(() => undefined);
    },
    retryIfFailed() {
      if (lastKind === 'failed') saver.retryNow();
    },
    retryNow() {
      covered = '';
      void saver.flush();
    },
    /**
     * The draft is done (sent, or discarded): no more saves; once the save in flight is over, every copy in Drafts
     * and the browser's buffer are deleted. Rejects when the copies could not be deleted (the buffer is cleared
     * anyway: the draft is done).
     */
    finish(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      const work = queue.then(async () => {
        const { buffer, server, canUseDrafts } = options;
        await buffer.remove(latest.id).catch(() => undefined);
        // Looked up even without a confirmed save: an append whose confirmation failed may have left a copy.
        const where = [latest.savedTo?.mailbox, latest.from, ...(latest.adopted ?? []).map((a) => a.mailbox)]
          .filter((m): m is string => !!m)
          .map((m) => m.trim().toLowerCase());
        if (where.length > 0 && where.every(canUseDrafts)) await deleteDraftCopies(server, latest);
      });
      queue = work.catch(() => undefined);
      return work;
    },
  };

  async function save(): Promise<void> {
    const snapshot = latest;
    if (closed || snapshot.updatedAt === covered) return;
    const { buffer, server, canUseDrafts } = options;
    if (isEmptyDraft(snapshot)) {
      covered = snapshot.updatedAt;
      await buffer.remove(snapshot.id).catch(() => undefined);
      return saver.report({ kind: 'idle' });
    }
    const buffered = await buffer.save(snapshot).catch(() => ({ attachmentsKept: false }));
    const mailbox = snapshot.from.trim().toLowerCase();
    if (!mailbox) {
      covered = snapshot.updatedAt;
      return saver.report({
        kind: 'local',
        reason: 'Saved in this browser: choose a From mailbox to save it to Drafts.',
      });
    }
    if (!canUseDrafts(mailbox)) {
      covered = snapshot.updatedAt;
      return saver.report({
        kind: 'local',
        reason: `Saved in this browser only: your access does not include the Drafts folder of ${mailbox}.`,
      });
    }
    saver.report({ kind: 'saving' });
    // A file still being read changes the draft when it is done, which schedules the next save.
    if (attachmentsPending(snapshot)) return;
    try {
      const saved = await saveDraftCopy(server, snapshot);
      covered = snapshot.updatedAt;
      // Where the copy now is; not a user change, so updatedAt stays and no new save is scheduled.
      const record = (d: Draft): Draft => ({ ...d, savedTo: saved, adopted: [] });
      latest = record(latest);
      if (mounted) react.setDraft(record);
      if (latest.updatedAt === snapshot.updatedAt) await buffer.remove(snapshot.id).catch(() => undefined);
      else await buffer.save(latest).catch(() => undefined);
      saver.report({
        kind: 'saved',
        at: new Date(),
        mailbox: saved.mailbox,
        attachments: snapshot.attachments.filter((a) => a.content !== null && !a.error).length,
      });
      options.onSaved?.(saved.mailbox);
    } catch (error) {
      saver.report({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'unknown error',
        attachmentsKept: buffered.attachmentsKept,
      });
      if (!closed && mounted) saver.schedule(options.retryMs ?? RETRY_MS);
    }
  }

  return saver;
}
