import { describe, expect, it } from 'vitest';
import { formatDuration, purposeOf, verifyTimeLeftMs, zoneFileLine } from './dns-checks';

describe('dns checks', () => {
  it('ties each platform record to the check it satisfies', () => {
    expect(purposeOf({ type: 'TXT', name: 'a.example', value: 'v=spf1 ip4:1.2.3.4 ~all' })).toBe('SPF');
    expect(purposeOf({ type: 'TXT', name: 'mail._domainkey.a.example', value: 'v=DKIM1; k=rsa; p=x' })).toBe('DKIM');
    expect(purposeOf({ type: 'TXT', name: '_dmarc.a.example', value: 'v=DMARC1; p=quarantine' })).toBe('DMARC');
    expect(purposeOf({ type: 'MX', name: 'a.example', value: 'mail.a.example', priority: 10 })).toBe('Receiving');
    expect(purposeOf({ type: 'A', name: 'mail.a.example', value: '1.2.3.4' })).toBe('Receiving');
  });
  it('writes zone-file lines, splitting long TXT values', () => {
    expect(zoneFileLine({ type: 'MX', name: 'a.example', value: 'mail.a.example', priority: 10 })).toBe(
      'a.example.\t3600\tIN\tMX\t10 mail.a.example.',
    );
    const line = zoneFileLine({ type: 'TXT', name: 'k._domainkey.a.example', value: 'x'.repeat(300) });
    expect(line).toBe(`k._domainkey.a.example.\t3600\tIN\tTXT\t"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });
  it('counts down the 4 h verification window', () => {
    const created = '2026-01-01T00:00:00.000Z';
    expect(formatDuration(verifyTimeLeftMs(created, Date.parse('2026-01-01T01:30:00.000Z')))).toBe('2 h 30 min');
    expect(verifyTimeLeftMs(created, Date.parse('2026-01-01T05:00:00.000Z'))).toBe(0);
  });
});
