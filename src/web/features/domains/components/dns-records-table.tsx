import type { DnsRecord, DomainDetail } from '@contract/index';
import { Badge } from '@web/components/ui/badge';
import { CopyButton } from '@web/components/ui/copy-button';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';
import { checkPasses, isCheck, purposeOf, type RecordPurpose } from '../utils/dns-checks';

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
    <span className="flex flex-col items-start gap-1">
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
 * marked when that check fails. Values are long: they wrap, in monospace, with a copy button each. On a phone each
 * record is a stacked card, so the value gets the screen's width instead of a column a few letters wide.
 */
export function DnsRecordsTable({ domain }: { domain: DomainDetail }) {
  const label = (record: DnsRecord) => purposeLabel[purposeOf(record, domain.dkimSelector)];
  const columns: DataTableColumn<DnsRecord>[] = [
    {
      id: 'check',
      header: 'Check',
      rowHeader: true,
      cell: (record) => <PurposeCell record={record} domain={domain} />,
    },
    { id: 'type', header: 'Type', className: 'font-medium', cell: (record) => record.type },
    {
      id: 'name',
      header: 'Name',
      className: 'font-mono break-all',
      cell: (record) => (
        <>
          <div>{record.name}</div>
          <CopyButton value={record.name} label={`Copy name of the ${label(record)} ${record.type} record`} />
        </>
      ),
    },
    {
      id: 'value',
      header: 'Value',
      className: 'font-mono break-all md:max-w-xl',
      cell: (record) => (
        <>
          <div>{record.value}</div>
          <CopyButton value={record.value} label={`Copy value of the ${label(record)} ${record.type} record`} />
        </>
      ),
    },
    {
      id: 'priority',
      header: 'Priority',
      cell: (record) => record.priority ?? <span aria-label="none">—</span>,
    },
  ];
  return (
    <DataTable
      caption={`DNS records to publish for ${domain.domain}`}
      columns={columns}
      rows={domain.dnsRecords}
      // Records have no id and the same type/name can repeat (two TXT at the apex): the position is the key.
      rowKey={(_, index) => index}
      rowClassName={(record) => {
        const purpose = purposeOf(record, domain.dkimSelector);
        return isCheck(purpose) && !checkPasses(domain, purpose) ? 'bg-red-50/60 dark:bg-red-950/40' : undefined;
      }}
    />
  );
}
