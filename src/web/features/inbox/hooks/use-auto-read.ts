import { useEffect, useRef, useState } from 'react';

/** Gmail's delay: a message counts as read once it has been open this long. */
export const AUTO_READ_DELAY_MS = 1500;

type Phase = 'loading' | 'waiting' | 'done';

/**
 * Marks a message read once it has been open for AUTO_READ_DELAY_MS, decided once per opening:
 * - a message that was already read when it loaded is never auto-read, so "Mark as unread" on it sticks;
 * - once the message turns read (the timer, or the user), the timer is over for this opening, so a later
 *   "Mark as unread" sticks too.
 * Opening the message again (another message and back, or a reload) mounts the reader afresh and decides again.
 * The phase is state, not a ref, so React's StrictMode double effects cannot skip or repeat the timer.
 */
export function useAutoRead(
  uid: number,
  detail: { uid: number; seen: boolean } | undefined,
  onAutoRead: () => void,
): void {
  const [state, setState] = useState<{ uid: number; phase: Phase }>({ uid, phase: 'loading' });
  const loaded = detail !== undefined && detail.uid === uid;
  const unread = loaded && !detail.seen;
  let phase: Phase = state.uid === uid ? state.phase : 'loading';
  if (phase === 'loading' && loaded) phase = unread ? 'waiting' : 'done';
  else if (phase === 'waiting' && !unread) phase = 'done';
  if (state.uid !== uid || state.phase !== phase) setState({ uid, phase });

  const autoRead = useRef(onAutoRead);
  useEffect(() => {
    autoRead.current = onAutoRead;
  });
  useEffect(() => {
    if (phase !== 'waiting') return;
    const timer = setTimeout(() => {
      setState({ uid, phase: 'done' });
      autoRead.current();
    }, AUTO_READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [phase, uid]);
}
