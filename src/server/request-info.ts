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

export function clientIp(c: Context, config: ProxySettings): string | null {
  if (config.trustProxy) {
    const forwarded = firstForwarded(c, 'x-forwarded-for');
    if (forwarded) return forwarded;
  }
  // Present when served by @hono/node-server; absent under app.request() in tests.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function isHttpsRequest(c: Context, config: ProxySettings): boolean {
  if (config.publicOrigin?.startsWith('https:')) return true;
  if (config.trustProxy && firstForwarded(c, 'x-forwarded-proto')?.toLowerCase() === 'https') return true;
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
