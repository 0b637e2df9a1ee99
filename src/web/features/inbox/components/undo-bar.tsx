import { useEffect, useState } from 'react';
import { Button } from '@web/components/ui/button';

/** How long the Undo offer stays, as Gmail's does; hovering or focusing the bar holds it (WCAG 2.2.1). */
export const UNDO_VISIBLE_MS = 10_000;

export interface UndoBarProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  busy: boolean;
}

/** "Moved 1 message to Trash — Undo": a polite live region with the one action that matters. */
export function UndoBar({ message, onUndo, onDismiss, busy }: UndoBarProps) {
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held || busy) return;
    const timer = setTimeout(onDismiss, UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
    // A new message restarts the countdown; onDismiss is a fresh closure on every render of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [message, held, busy]);

  return (
    <div
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      className="fixed bottom-4 left-1/2 z-40 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg"
    >
      <span>{message}</span>
      <Button variant="secondary" onClick={onUndo} disabled={busy}>
        Undo
      </Button>
      <Button variant="ghost" className="text-white hover:bg-slate-700" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </Button>
    </div>
  );
}
