import { Button } from '@web/components/ui/button';

export interface UndoBarProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  busy: boolean;
}

/** "Moved 1 message to Trash — Undo": a polite live region with the one action that matters. */
export function UndoBar({ message, onUndo, onDismiss, busy }: UndoBarProps) {
  return (
    <div
      role="status"
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
