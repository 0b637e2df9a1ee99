import type { DnsRecord } from '@contract/index';

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-4 py-3 align-top text-sm text-slate-700 dark:text-slate-200';

/** The records to publish at the DNS provider, in the platform's order. Values are long: they wrap, in monospace. */
export function DnsRecordsTable({ records, domain }: { records: readonly DnsRecord[]; domain: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">DNS records to publish for {domain}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={th}>
              Type
            </th>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Value
            </th>
            <th scope="col" className={th}>
              Priority
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-800 dark:bg-slate-950">
          {records.map((record, index) => (
            // Records have no id and the same type/name can repeat (two TXT at the apex): the position is the key.
            <tr key={index}>
              <td className={`${td} font-medium`}>{record.type}</td>
              <td className={`${td} font-mono break-all`}>{record.name}</td>
              <td className={`${td} max-w-xl font-mono break-all`}>{record.value}</td>
              <td className={td}>{record.priority ?? <span aria-label="none">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
