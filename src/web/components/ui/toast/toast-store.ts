/**
 * A tiny store for toasts, outside React so the query client's global error handler can raise one without
 * reaching into component state. `Toaster` subscribes with `useSyncExternalStore`.
 */
export type ToastTone = 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

type Listener = () => void;

/** More than this and the oldest go: a burst of failures must not bury the page. */
const MAX_TOASTS = 3;

export function createToastStore() {
  let toasts: readonly Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((listener) => listener());

  return {
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => toasts,
    show(message: string, tone: ToastTone = 'error'): number {
      // The same failure from several queries at once (e.g. the server is down) is one toast, not five.
      const existing = toasts.find((t) => t.message === message && t.tone === tone);
      if (existing) return existing.id;
      const toast: Toast = { id: nextId++, tone, message };
      toasts = [...toasts, toast].slice(-MAX_TOASTS);
      emit();
      return toast.id;
    },
    dismiss(id: number) {
      const next = toasts.filter((t) => t.id !== id);
      if (next.length === toasts.length) return;
      toasts = next;
      emit();
    },
    clear() {
      if (toasts.length === 0) return;
      toasts = [];
      emit();
    },
  };
}

export type ToastStore = ReturnType<typeof createToastStore>;

/** The app's toasts. Tests create their own store with `createToastStore()`. */
export const toastStore = createToastStore();
