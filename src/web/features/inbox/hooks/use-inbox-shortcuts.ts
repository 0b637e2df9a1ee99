import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../components/shortcuts';

/**
 * The webmail's keyboard shortcuts on the whole document. `run` may change every render (it closes over the list
 * and the open message): the one listener reads the latest through a ref. Keys are left alone while a dialog is open.
 */
export function useInboxShortcuts(run: (action: ShortcutAction) => void) {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      runRef.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
