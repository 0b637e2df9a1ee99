import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * The inbox layout each console user leaves behind: pane widths and whether the list shows messages or
 * conversations. A preference of this browser (localStorage), keyed by the signed-in user's email so two people on
 * one machine keep their own; anything unreadable falls back to the defaults.
 */
export const PANE_LIMITS = {
  folders: { min: 140, max: 420 },
  list: { min: 260, max: 800 },
} as const;

export type ListView = 'messages' | 'conversations';

export interface InboxLayout {
  folders: number;
  list: number;
  view: ListView;
}

export const DEFAULT_LAYOUT: InboxLayout = { folders: 220, list: 380, view: 'messages' };

const width = (limits: { min: number; max: number }) =>
  z.number().transform((v) => Math.min(limits.max, Math.max(limits.min, Math.round(v))));

const storedLayoutSchema = z.object({
  folders: width(PANE_LIMITS.folders).catch(DEFAULT_LAYOUT.folders),
  list: width(PANE_LIMITS.list).catch(DEFAULT_LAYOUT.list),
  view: z.enum(['messages', 'conversations']).catch(DEFAULT_LAYOUT.view),
});

export const layoutStorageKey = (user: string) => `sentroy-console:inbox-layout:${user.toLowerCase()}`;

export function parseLayout(raw: string | null): InboxLayout {
  if (!raw) return DEFAULT_LAYOUT;
  try {
    const parsed = storedLayoutSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_LAYOUT;
  } catch {
    return DEFAULT_LAYOUT;
  }
}

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** What this page wrote last: the layout still follows the user when storage is full or disabled. */
const written = new Map<string, string>();

function readRaw(user: string): string | null {
  const key = layoutStorageKey(user);
  try {
    return written.get(key) ?? localStorage.getItem(key);
  } catch {
    return written.get(key) ?? null;
  }
}

export function useInboxLayout(user: string): [InboxLayout, (change: Partial<InboxLayout>) => void] {
  const raw = useSyncExternalStore(subscribe, () => readRaw(user));
  const layout = useMemo(() => parseLayout(raw), [raw]);
  const update = useCallback(
    (change: Partial<InboxLayout>) => {
      const key = layoutStorageKey(user);
      const next = JSON.stringify({ ...parseLayout(readRaw(user)), ...change });
      written.set(key, next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // Storage full or disabled: the layout still changes for this visit.
      }
      listeners.forEach((listener) => listener());
    },
    [user],
  );
  return [layout, update];
}
