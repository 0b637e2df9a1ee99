import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * Every page starts with its one h1. It takes focus after a client-side navigation (see `useRouteFocus`),
 * which is why it has tabIndex=-1 and the `data-route-heading` marker.
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1
          tabIndex={-1}
          data-route-heading=""
          className="text-2xl font-semibold tracking-tight text-slate-900 outline-none dark:text-slate-50"
        >
          {title}
        </h1>
        {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{description}</p>}
      </div>
      {actions}
    </header>
  );
}
