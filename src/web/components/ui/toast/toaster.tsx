import { useSyncExternalStore } from 'react';
import { toastStore as defaultStore, type Toast, type ToastStore } from './toast-store';

export interface ToasterProps {
  store?: ToastStore;
}

const toneClasses: Record<Toast['tone'], string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
};

/**
 * Renders the toasts. Errors use role="alert" (announced at once), information role="status" (announced politely).
 * They stay until dismissed: an error message that vanishes on a timer may never be read.
 */
export function Toaster({ store = defaultStore }: ToasterProps) {
  const toasts = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border p-3 text-sm shadow-lg ${toneClasses[toast.tone]}`}
        >
          <p className="flex-1">{toast.message}</p>
          <button
            type="button"
            onClick={() => store.dismiss(toast.id)}
            className="rounded px-1.5 leading-none font-semibold opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current"
            aria-label={`Dismiss: ${toast.message}`}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
