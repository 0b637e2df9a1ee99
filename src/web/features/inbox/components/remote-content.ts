import { useCallback, useSyncExternalStore } from 'react';

/**
 * "Always show images from this sender", per console user, in localStorage (a preference of this browser).
 * Keyed by the signed-in user's email so two people on one machine do not share their choices.
 */
const storageKey = (user: string) => `sentroy-console:remote-images:${user.toLowerCase()}`;
const listeners = new Set<() => void>();

function read(user: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(user)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function useTrustedSenders(user: string) {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => localStorage.getItem(storageKey(user)) ?? '[]',
  );
  const trust = useCallback(
    (sender: string) => {
      const next = [...new Set([...read(user), sender.toLowerCase()])];
      localStorage.setItem(storageKey(user), JSON.stringify(next));
      listeners.forEach((l) => l());
    },
    [user],
  );
  const trusted = new Set<string>(JSON.parse(snapshot) as string[]);
  return { isTrusted: (sender: string) => trusted.has(sender.toLowerCase()), trust };
}
