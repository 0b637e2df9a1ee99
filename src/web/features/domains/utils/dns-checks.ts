import type { DnsRecord, Domain, DomainStatus } from '@contract/index';
import { DOMAIN_VERIFY_WINDOW_MS } from '@contract/index';

export type DnsCheckName = 'SPF' | 'DKIM' | 'DMARC';
export type RecordPurpose = DnsCheckName | 'BIMI' | 'Receiving' | 'Other';

/** Which check a DNS record satisfies (contract 5.2's verification rules), so a failing check points at its record. */
export function purposeOf(record: DnsRecord, dkimSelector = 'mail'): RecordPurpose {
  const type = record.type.toUpperCase();
  const name = record.name.toLowerCase();
  const value = record.value.trim();
  if (type === 'MX' || type === 'A' || type === 'AAAA') return 'Receiving';
  if (type !== 'TXT') return 'Other';
  if (/^v=spf1\b/i.test(value)) return 'SPF';
  if (name.startsWith(`${dkimSelector.toLowerCase()}._domainkey.`) || /v=DKIM1/i.test(value)) return 'DKIM';
  if (name.startsWith('_dmarc.') || /^v=DMARC1\b/i.test(value)) return 'DMARC';
  if (name.includes('._bimi.')) return 'BIMI';
  return 'Other';
}

export function checkPasses(
  domain: Pick<Domain, 'spfVerified' | 'dkimVerified' | 'dmarcVerified'>,
  check: DnsCheckName,
) {
  if (check === 'SPF') return domain.spfVerified;
  if (check === 'DKIM') return domain.dkimVerified;
  return domain.dmarcVerified;
}

export function isCheck(purpose: RecordPurpose): purpose is DnsCheckName {
  return purpose === 'SPF' || purpose === 'DKIM' || purpose === 'DMARC';
}

/** A domain needs attention when it cannot send yet or one of its checks fails. */
export function needsAttention(domain: Domain): boolean {
  return domain.status !== 'active' || !domain.spfVerified || !domain.dkimVerified || !domain.dmarcVerified;
}

export const statusMeaning: Record<DomainStatus, string> = {
  pending: 'Just added: the platform has not checked its DNS records yet. Publish the records below.',
  verifying:
    'The platform checks the DNS records every 5 minutes. If SPF, DKIM and DMARC are not all found within 4 hours of adding the domain, it is marked failed.',
  active: 'SPF, DKIM and DMARC were found: mail can be sent from this domain.',
  failed:
    'The records were not all found within 4 hours of adding the domain. Sending is refused. Publish the failing records below, then ask the platform to verify the domain again.',
};

/** Milliseconds until a `verifying` domain is marked failed (4 h after creation); 0 when the window has passed. */
export function verifyTimeLeftMs(createdAt: string, now: number): number {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return 0;
  return Math.max(0, created + DOMAIN_VERIFY_WINDOW_MS - now);
}

export function formatDuration(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);

/** TXT values longer than 255 characters are split into several quoted strings, as zone files require. */
function quoteTxt(value: string): string {
  const chunks = value.match(/.{1,255}/g) ?? [''];
  return chunks.map((c) => `"${c.replace(/(["\\])/g, '\\$1')}"`).join(' ');
}

/** One record as a zone-file line (BIND syntax, TTL 3600). */
export function zoneFileLine(record: DnsRecord): string {
  const type = record.type.toUpperCase();
  const name = fqdn(record.name);
  if (type === 'TXT') return `${name}\t3600\tIN\tTXT\t${quoteTxt(record.value)}`;
  if (type === 'MX') return `${name}\t3600\tIN\tMX\t${record.priority ?? 10} ${fqdn(record.value)}`;
  if (type === 'CNAME') return `${name}\t3600\tIN\tCNAME\t${fqdn(record.value)}`;
  return `${name}\t3600\tIN\t${type}\t${record.value}`;
}

export function zoneFileSnippet(domain: string, records: readonly DnsRecord[]): string {
  return [`; DNS records for ${domain} (Sentroy)`, ...records.map(zoneFileLine)].join('\n') + '\n';
}
