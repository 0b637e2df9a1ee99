import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../env';
import { ApiError } from '../http-errors';

export const MISDIRECTED_MESSAGE =
  'This console does not answer to the host name this request was sent to (the operator sets CONSOLE_PUBLIC_URL)';

/**
 * DNS rebinding defence: a page on an attacker's name that later resolves to this console's address would be
 * same-origin with it in the browser, but its requests still carry the attacker's name in `Host`. So `Host` must be:
 * - CONSOLE_PUBLIC_URL's host, when set (its default port may be written or left out); or
 * - the address the client actually connected to, with its port: for a loopback address also `localhost` and the
 *   other loopback literal (127.0.0.1, [::1]); IP literals and `localhost` cannot be rebound by anyone.
 * The second form is accepted with CONSOLE_PUBLIC_URL too, for a proxy that forwards its upstream's address as Host
 * (nginx's default) and for local health checks. Anything else is 421 in the envelope, before any handler.
 *
 * /healthz answers whatever the Host: it tells nothing and checkers (container, orchestrator) send odd ones.
 * Requests without a socket (app.request() in tests) have no address to compare with and are not checked here.
 */
export function hostCheck(config: Pick<ServerConfig, 'publicOrigin'>): MiddlewareHandler {
  const publicUrl = config.publicOrigin ? new URL(config.publicOrigin) : undefined;
  return async function hostCheckMiddleware(c, next) {
    if (c.req.path === '/healthz') return next();
    const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)
      ?.incoming?.socket;
    if (!socket?.localAddress || !socket.localPort) return next();
    const host = c.req.header('host') ?? '';
    if (isPublicHost(host, publicUrl) || isListeningAddress(host, socket.localAddress, socket.localPort)) {
      return next();
    }
    throw new ApiError(421, MISDIRECTED_MESSAGE);
  };
}

function parseHost(host: string, protocol = 'http:'): URL | undefined {
  if (host === '' || /[/?#@\\\s]/.test(host)) return undefined;
  try {
    return new URL(`${protocol}//${host}`);
  } catch {
    return undefined;
  }
}

function isPublicHost(host: string, publicUrl: URL | undefined): boolean {
  if (!publicUrl) return false;
  return parseHost(host, publicUrl.protocol)?.host === publicUrl.host;
}

const unbracket = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');
/** `::ffff:127.0.0.1` (a dual-stack socket's view of an IPv4 client) is 127.0.0.1. */
const plainAddress = (address: string) => address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
const isLoopback = (address: string) => address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);

function isListeningAddress(host: string, localAddress: string, localPort: number): boolean {
  const url = parseHost(host);
  if (!url || (url.port || '80') !== String(localPort)) return false;
  const local = plainAddress(localAddress);
  const named = unbracket(url.hostname);
  if (isLoopback(local)) return named === 'localhost' || (isIP(named) !== 0 && isLoopback(plainAddress(named)));
  return isIP(named) !== 0 && plainAddress(named) === local;
}
