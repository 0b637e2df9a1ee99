import { useEffect, useState } from 'react';
import { Button } from './button';

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  value: string;
  /** The accessible name, e.g. "Copy value of the DKIM record". */
  label: string;
  children?: string;
}

/**
 * Copies `value` and says so in a live region ("Copied"), so the result is heard as well as seen. When the
 * clipboard is unavailable (no permission, insecure context) it says that instead of failing silently.
 */
export function CopyButton({ value, label, children = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" aria-label={label} onClick={() => void copy()} className="px-2 py-1 text-xs">
        {children}
      </Button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
