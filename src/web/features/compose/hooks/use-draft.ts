import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, isEmptyDraft, loadDraft, newDraft, saveDraft, type Draft } from '../utils/draft';

const AUTOSAVE_MS = 3000;

/**
 * The compose draft, restored from localStorage on load and saved every few seconds (and when the page is left).
 * `reset()` drops the saved copy and starts a new draft with a new idempotency key.
 */
export function useDraft() {
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? newDraft());
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [attachmentsKept, setAttachmentsKept] = useState(true);
  const latest = useRef(draft);
  const dirty = useRef(false);

  useEffect(() => {
    latest.current = draft;
    dirty.current = true;
  }, [draft]);

  useEffect(() => {
    const save = () => {
      if (!dirty.current) return;
      dirty.current = false;
      if (isEmptyDraft(latest.current)) {
        clearDraft();
        return;
      }
      setAttachmentsKept(saveDraft(latest.current));
      setSavedAt(new Date());
    };
    const timer = setInterval(save, AUTOSAVE_MS);
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, []);

  const update = useCallback((patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)) => {
    setDraft((d) => ({
      ...d,
      ...(typeof patch === 'function' ? patch(d) : patch),
      updatedAt: new Date().toISOString(),
    }));
  }, []);

  const reset = useCallback((next: Draft = newDraft()) => {
    clearDraft();
    dirty.current = false;
    latest.current = next;
    setDraft(next);
    setSavedAt(null);
  }, []);

  return { draft, update, reset, savedAt, attachmentsKept };
}
