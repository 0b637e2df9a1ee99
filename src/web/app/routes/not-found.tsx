import { Link } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { paths } from '@web/config/paths';

export function NotFoundRoute() {
  return (
    <>
      <title>Page not found · Sentroy Console</title>
      <PageHeader title="Page not found" description="There is nothing at this address." />
      <Link to={paths.domains.getHref()} className="text-indigo-700 underline dark:text-indigo-300">
        Go to the domains
      </Link>
    </>
  );
}
