import { Link } from 'react-router';
import { Button } from '@web/components/ui/button';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { formatDateTime } from '@web/lib/format-date';
import { useDomain } from '@web/lib/company-queries';
import { DomainDetail } from './domain-detail';

/** The detail page's content. The h1 is there from the first render so route focus has somewhere to land. */
export function DomainDetailView({ id }: { id: string }) {
  const domainQuery = useDomain(id);
  const name = domainQuery.data?.domain;

  return (
    <>
      <title>{`${name ?? 'Domain'} · Domains · Sentroy Console`}</title>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          to={paths.domains.getHref()}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          <span aria-hidden="true">← </span>All domains
        </Link>
      </nav>
      <PageHeader
        title={name ?? 'Domain'}
        actions={
          domainQuery.isSuccess && (
            <div className="flex items-center gap-3">
              <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
                {domainQuery.isFetching
                  ? 'Checking…'
                  : `Last checked ${formatDateTime(new Date(domainQuery.dataUpdatedAt).toISOString())}`}
              </p>
              <Button variant="secondary" disabled={domainQuery.isFetching} onClick={() => void domainQuery.refetch()}>
                Check again
              </Button>
            </div>
          )
        }
      />
      {domainQuery.isPending ? (
        <LoadingState label="Loading the domain…" />
      ) : domainQuery.isError ? (
        <ErrorState
          title="Could not load this domain."
          message={domainQuery.error.message}
          onRetry={() => void domainQuery.refetch()}
        />
      ) : (
        <DomainDetail domain={domainQuery.data} />
      )}
    </>
  );
}
