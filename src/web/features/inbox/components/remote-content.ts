import { useCallback, useSyncExternalStore } from 'react';

/**
 * "Always show images from this sender", per console user, in localStorage (a preference of this browser).
 * Keyed by the signed-in user's email so two people on one machine do not share their choices.
 */
const storageKey = (user: string) => `sentroy-console:remote-images:${user.toLowerCase()}`;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const notify = () => listeners.forEach((l) => l());

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
const read = (user: string) => parseList(localStorage.getItem(storageKey(user)) ?? '[]');

export function useTrustedSenders(user: string) {
  const snapshot = useSyncExternalStore(subscribe, () => localStorage.getItem(storageKey(user)) ?? '[]');
  const trust = useCallback(
    (sender: string) => {
      const next = [...new Set([...read(user), sender.toLowerCase()])];
      localStorage.setItem(storageKey(user), JSON.stringify(next));
      notify();
    },
    [user],
  );
  const trusted = new Set(parseList(snapshot));
  return { isTrusted: (sender: string) => trusted.has(sender.toLowerCase()), trust };
}

/**
 * "Show images" for one message, for the rest of this tab's life: kept outside the component so it survives
 * switching between the message and the conversation view (which mount the body anew), and coming back to the
 * message. Keyed by user, mailbox, folder and UID.
 */
const shownMessages = new Set<string>();
const messageKey = (user: string, mailbox: string, folder: string, uid: number) =>
  JSON.stringify([user.toLowerCase(), mailbox.toLowerCase(), folder, uid]);

export function useImageConsent(user: string, mailbox: string, folder: string, uid: number) {
  const key = messageKey(user, mailbox, folder, uid);
  const shown = useSyncExternalStore(subscribe, () => shownMessages.has(key));
  const show = useCallback(() => {
    shownMessages.add(key);
    notify();
  }, [key]);
  return { shown, show };
}
