import { Link } from 'react-router';
import { paths } from '@web/config/paths';

export interface ForbiddenPageProps {
  /** Why, in the user's terms: which role they have and what the page needs. */
  reason?: string;
}

/** A page the signed-in user's role does not include: said plainly, with a way on, and no error styling. */
export function ForbiddenPage({ reason }: ForbiddenPageProps) {
  return (
    <>
      <title>No access · Sentroy Console</title>
      <section
        aria-labelledby="forbidden-title"
        className="mx-auto my-16 max-w-lg rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      >
        <h1 id="forbidden-title" tabIndex={-1} className="text-xl font-semibold text-slate-900 dark:text-slate-50">
          You don&apos;t have access to this page
        </h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-200">
          {reason ?? 'Your role does not include this page.'} If you need it, ask an admin of your console.
        </p>
        <Link
          to={paths.domains.getHref()}
          className="mt-4 inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
        >
          Go to the domains
        </Link>
      </section>
    </>
  );
}
