import { useSyncExternalStore } from 'react';

/** Below Tailwind's `md`: the webmail shows one pane at a time. */
export const NARROW_QUERY = '(max-width: 767px)';

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const mq = window.matchMedia(NARROW_QUERY);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches,
  );
}
