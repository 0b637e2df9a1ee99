import type { DraftSaveState } from '../hooks/use-draft';

/** Where the draft is: in the mailbox's Drafts folder, only in this browser, or on its way. Announced politely. */
export function DraftStatus({ state }: { state: DraftSaveState }) {
  let text = '';
  let tone = 'text-slate-500 dark:text-slate-400';
  switch (state.kind) {
    case 'idle':
      break;
    case 'saving':
      text = 'Saving to Drafts…';
      break;
    case 'saved':
      text = `Saved to Drafts of ${state.mailbox} at ${state.at.toLocaleTimeString()}`;
      if (state.attachments > 0)
        text += ` with ${state.attachments === 1 ? '1 attachment' : `${state.attachments} attachments`}`;
      break;
    case 'local':
      text = state.reason;
      break;
    case 'failed':
      tone = 'text-amber-800 dark:text-amber-200';
      text = `Saved locally, not yet in Drafts (${state.message}). Trying again shortly.`;
      if (!state.attachmentsKept) text += ' The attachments could not be kept in this browser: keep this page open.';
      break;
  }
  return (
    <span className={`text-xs ${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
