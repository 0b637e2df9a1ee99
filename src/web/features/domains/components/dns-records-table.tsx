import type { DnsRecord, DomainDetail } from '@contract/index';
import { Badge } from '@web/components/ui/badge';
import { CopyButton } from '@web/components/ui/copy-button';
import { checkPasses, isCheck, purposeOf, type RecordPurpose } from '../utils/dns-checks';

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-4 py-3 align-top text-sm text-slate-700 dark:text-slate-200';

const purposeLabel: Record<RecordPurpose, string> = {
  SPF: 'SPF',
  DKIM: 'DKIM',
  DMARC: 'DMARC',
  BIMI: 'BIMI (logo)',
  Receiving: 'Receiving mail',
  Other: 'Other',
};

function PurposeCell({ record, domain }: { record: DnsRecord; domain: DomainDetail }) {
  const purpose = purposeOf(record, domain.dkimSelector);
  if (!isCheck(purpose)) return <span>{purposeLabel[purpose]}</span>;
  const passes = checkPasses(domain, purpose);
  return (
    <span className="flex flex-col gap-1">
      <span>{purpose}</span>
      {passes ? (
        <Badge tone="success" icon="✓">
          found
        </Badge>
      ) : (
        <Badge tone="danger" icon="!">
          not found: publish this record
        </Badge>
      )}
    </span>
  );
}

/**
 * The records to publish at the DNS provider, in the platform's order, each tied to the check it satisfies and
 * marked when that check fails. Values are long: they wrap, in monospace, with a copy button each.
 */
export function DnsRecordsTable({ domain }: { domain: DomainDetail }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
        <caption className="sr-only">DNS records to publish for {domain.domain}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={th}>
              Check
            </th>
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
          {domain.dnsRecords.map((record, index) => {
            const purpose = purposeOf(record, domain.dkimSelector);
            const failing = isCheck(purpose) && !checkPasses(domain, purpose);
            return (
              // Records have no id and the same type/name can repeat (two TXT at the apex): the position is the key.
              <tr key={index} className={failing ? 'bg-red-50/60 dark:bg-red-950/40' : undefined}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <PurposeCell record={record} domain={domain} />
                </th>
                <td className={`${td} font-medium`}>{record.type}</td>
                <td className={`${td} font-mono break-all`}>
                  <div>{record.name}</div>
                  <CopyButton
                    value={record.name}
                    label={`Copy name of the ${purposeLabel[purpose]} ${record.type} record`}
                  />
                </td>
                <td className={`${td} max-w-xl font-mono break-all`}>
                  <div>{record.value}</div>
                  <CopyButton
                    value={record.value}
                    label={`Copy value of the ${purposeLabel[purpose]} ${record.type} record`}
                  />
                </td>
                <td className={td}>{record.priority ?? <span aria-label="none">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
