import { isIPv4, isIPv6 } from 'node:net';

/**
 * The "source address" the abuse limits count per (login throttling, connections per address). An IPv4 address is
 * itself (also when written IPv4-mapped, `::ffff:192.0.2.1`). An IPv6 address counts as its /64: one subscriber
 * usually holds a whole /64, and counting single addresses would give them 2^64 fresh budgets.
 */
export function sourceAddress(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const address = ip.trim().toLowerCase().replace(/%.*$/, ''); // zone ids (fe80::1%eth0) name the same host
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros; undefined for a form this does not expand. */
function expandIPv6(address: string): string[] | undefined {
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups first.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}
