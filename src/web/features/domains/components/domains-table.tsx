import type { Domain } from '@contract/index';
import { Link } from 'react-router';
import { paths } from '@web/config/paths';
import { formatDateTime } from '@web/lib/format-date';
import { CheckBadge, DomainStatusBadge } from './domain-badges';

export interface DomainsTableProps {
  domains: readonly Domain[];
}

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-4 py-3 text-sm whitespace-nowrap text-slate-700 dark:text-slate-200';

/** Every domain of the company with its status and SPF / DKIM / DMARC checks; the name links to its detail page. */
export function DomainsTable({ domains }: DomainsTableProps) {
  return (
    // Scrolls sideways on narrow screens (browsers make scrollable boxes keyboard-focusable themselves).
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">Domains of your company with their DNS verification checks</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={th}>
              Domain
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              SPF
            </th>
            <th scope="col" className={th}>
              DKIM
            </th>
            <th scope="col" className={th}>
              DMARC
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={th}>
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-800 dark:bg-slate-950">
          {domains.map((domain) => (
            <tr key={domain.id}>
              <th scope="row" className={`${td} text-left font-medium`}>
                <Link
                  to={paths.domain.getHref(domain.id)}
                  className="text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
                >
                  {domain.domain}
                </Link>
              </th>
              <td className={td}>
                <DomainStatusBadge status={domain.status} />
              </td>
              <td className={td}>
                <CheckBadge check="SPF" verified={domain.spfVerified} />
              </td>
              <td className={td}>
                <CheckBadge check="DKIM" verified={domain.dkimVerified} />
              </td>
              <td className={td}>
                <CheckBadge check="DMARC" verified={domain.dmarcVerified} />
              </td>
              <td className={td}>
                <time dateTime={domain.createdAt}>{formatDateTime(domain.createdAt)}</time>
              </td>
              <td className={td}>
                <time dateTime={domain.updatedAt}>{formatDateTime(domain.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
