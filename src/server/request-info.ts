import type { Context } from 'hono';
import type { ServerConfig } from './env';

/**
 * Facts about the incoming request that depend on deployment: behind a reverse proxy the socket says "http from the
 * proxy", so X-Forwarded-* is believed only when TRUST_PROXY is on (otherwise any client could claim https or an IP).
 */
type ProxySettings = Pick<ServerConfig, 'trustProxy' | 'publicOrigin'>;

function firstForwarded(c: Context, name: string): string | undefined {
  const value = c.req.header(name)?.split(',')[0]?.trim();
  return value === '' ? undefined : value;
}

/**
 * Each proxy appends the address it was connected from, so with N trusted proxies the client is the N-th entry from
 * the right. Entries further left came from the client itself: taking the first one would let anyone pick their
 * address per request (escaping the per-IP login throttle and writing false IPs into the audit log).
 */
function forwardedClient(c: Context, trustedHops: number): string | undefined {
  const entries = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedHops)];
}

export function clientIp(c: Context, config: ProxySettings): string | null {
  if (config.trustProxy > 0) {
    const forwarded = forwardedClient(c, config.trustProxy);
    if (forwarded) return forwarded;
  }
  // Present when served by @hono/node-server; absent under app.request() in tests.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function isHttpsRequest(c: Context, config: ProxySettings): boolean {
  if (config.publicOrigin?.startsWith('https:')) return true;
  if (config.trustProxy > 0 && firstForwarded(c, 'x-forwarded-proto')?.toLowerCase() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** The console's own origin: CONSOLE_PUBLIC_URL when configured, else what this request was addressed to. */
export function consoleOrigin(c: Context, config: ProxySettings): string {
  if (config.publicOrigin) return config.publicOrigin;
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  const protocol = isHttpsRequest(c, config) ? 'https:' : url.protocol;
  return `${protocol}//${host}`.toLowerCase();
}
