import { useCallback, useEffect, useRef, useState } from 'react';
import { isEmptyDraft, newDraft, type Draft } from '../utils/draft';
import { openDraftStore, type DraftStore } from '../utils/draft-store';

const AUTOSAVE_MS = 3000;

export interface StoredDraft {
  store: DraftStore;
  /** The draft saved by an earlier visit, or a new one. */
  initial: Draft;
}

/**
 * Opens the draft store (IndexedDB, else localStorage) and reads the saved draft, once per mount: null until both
 * are done, so the form never starts with a blank draft that the saved one would then overwrite.
 *
 * The store keeps one draft per browser. Every save is stamped with `ownerId`, and a draft stamped by another console
 * user (a shared browser) is discarded unread: someone else's unsent mail must never appear in this form.
 */
export function useStoredDraft(ownerId: string, open: () => Promise<DraftStore> = openDraftStore): StoredDraft | null {
  const [stored, setStored] = useState<StoredDraft | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const base = await open();
      const store = ownedDraftStore(base, ownerId);
      let saved = await base.load().catch(() => null);
      if (saved && saved.ownerId !== ownerId) {
        await base.clear().catch(() => undefined);
        saved = null;
      }
      if (live) setStored({ store, initial: saved ?? newDraft() });
    })();
    return () => {
      live = false;
    };
  }, [open, ownerId]);
  return stored;
}

/** `store`, with every saved draft stamped as `ownerId`'s. */
export function ownedDraftStore(store: DraftStore, ownerId: string): DraftStore {
  return {
    kind: store.kind,
    load: () => store.load(),
    save: (draft) => store.save({ ...draft, ownerId }),
    clear: () => store.clear(),
  };
}

/**
 * The compose draft, saved every few seconds (and when the page is left) to `store`. `savedAt` is when the last
 * save finished, `savedAttachments` how many files it kept (a reload brings those back). `reset()` drops the saved
 * copy and starts a new draft with a new idempotency key.
 */
export function useDraft(store: DraftStore, initial: Draft) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [attachmentsKept, setAttachmentsKept] = useState(true);
  const [savedAttachments, setSavedAttachments] = useState(0);
  const latest = useRef(draft);
  const dirty = useRef(false);
  /** Bumped by reset(): a save that started before it must not report on the new draft. */
  const generation = useRef(0);

  useEffect(() => {
    latest.current = draft;
    dirty.current = true;
  }, [draft]);

  useEffect(() => {
    let saving = false;
    const save = async () => {
      if (!dirty.current || saving) return;
      dirty.current = false;
      saving = true;
      const snapshot = latest.current;
      const started = generation.current;
      try {
        if (isEmptyDraft(snapshot)) {
          await store.clear();
          return;
        }
        const result = await store.save(snapshot);
        if (started !== generation.current) return;
        setAttachmentsKept(result.attachmentsKept);
        setSavedAttachments(result.attachmentsKept ? snapshot.attachments.length : 0);
        setSavedAt(new Date());
      } catch {
        // Try again at the next tick.
        if (started === generation.current) dirty.current = true;
      } finally {
        saving = false;
      }
    };
    const tick = () => void save();
    const timer = setInterval(tick, AUTOSAVE_MS);
    window.addEventListener('pagehide', tick);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', tick);
      tick();
    };
  }, [store]);

  const update = useCallback((patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => {
    setDraft((d) => ({
      ...d,
      ...(typeof patch === 'function' ? patch(d) : patch),
      updatedAt: new Date().toISOString(),
    }));
  }, []);

  const reset = useCallback(
    (next: Draft = newDraft()) => {
      generation.current += 1;
      void store.clear().catch(() => undefined);
      dirty.current = false;
      latest.current = next;
      setDraft(next);
      setSavedAt(null);
      setSavedAttachments(0);
    },
    [store],
  );

  return { draft, update, reset, savedAt, attachmentsKept, savedAttachments };
}
