import type { Domain } from '@contract/index';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';
import { paths } from '@web/config/paths';
import { formatDateTime } from '@web/lib/format-date';
import { CheckBadge, DomainStatusBadge } from './domain-badges';

export interface DomainsTableProps {
  domains: readonly Domain[];
}

const columns: DataTableColumn<Domain>[] = [
  {
    id: 'domain',
    header: 'Domain',
    rowHeader: true,
    cell: (domain) => (
      <Link
        to={paths.domain.getHref(domain.id)}
        className="text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
      >
        {domain.domain}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', cell: (domain) => <DomainStatusBadge status={domain.status} /> },
  { id: 'spf', header: 'SPF', cell: (domain) => <CheckBadge check="SPF" verified={domain.spfVerified} /> },
  { id: 'dkim', header: 'DKIM', cell: (domain) => <CheckBadge check="DKIM" verified={domain.dkimVerified} /> },
  { id: 'dmarc', header: 'DMARC', cell: (domain) => <CheckBadge check="DMARC" verified={domain.dmarcVerified} /> },
  {
    id: 'created',
    header: 'Created',
    className: 'md:whitespace-nowrap',
    cell: (domain) => <time dateTime={domain.createdAt}>{formatDateTime(domain.createdAt)}</time>,
  },
  {
    id: 'updated',
    header: 'Updated',
    className: 'md:whitespace-nowrap',
    cell: (domain) => <time dateTime={domain.updatedAt}>{formatDateTime(domain.updatedAt)}</time>,
  },
];

/** Every domain of the company with its status and SPF / DKIM / DMARC checks; the name links to its detail page. */
export function DomainsTable({ domains }: DomainsTableProps) {
  return (
    <DataTable
      caption="Domains of your company with their DNS verification checks"
      columns={columns}
      rows={domains}
      rowKey={(domain) => domain.id}
    />
  );
}
