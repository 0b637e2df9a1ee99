import type { DomainStatus } from '@contract/index';
import { Badge, type BadgeTone } from '@web/components/ui/badge';

const statusLook: Record<DomainStatus, { tone: BadgeTone; icon: string }> = {
  active: { tone: 'success', icon: '●' },
  verifying: { tone: 'info', icon: '◐' },
  pending: { tone: 'warning', icon: '○' },
  failed: { tone: 'danger', icon: '✕' },
};

/** The status word itself is the label; colour and glyph only repeat it. */
export function DomainStatusBadge({ status }: { status: DomainStatus }) {
  const look = statusLook[status];
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {status}
    </Badge>
  );
}

export type DnsCheck = 'SPF' | 'DKIM' | 'DMARC';

export interface CheckBadgeProps {
  check: DnsCheck;
  verified: boolean;
}

/**
 * "verified" or "failing" in words. The check's name is spoken before it ("SPF verified") so the badge makes
 * sense outside its table column too; sighted users get the name from the column header.
 */
export function CheckBadge({ check, verified }: CheckBadgeProps) {
  return (
    <Badge tone={verified ? 'success' : 'danger'} icon={verified ? '✓' : '✕'}>
      <span className="sr-only">{check} </span>
      {verified ? 'verified' : 'failing'}
    </Badge>
  );
}
