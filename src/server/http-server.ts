import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SERVER_LIMITS } from './abuse-limits';
import { sourceAddress } from './auth/source-address';
import { errorEnvelope } from './http-errors';
import type { Logger } from './logger';

/**
 * The Node HTTP server's own defences, below Hono: what a client can hold without ever completing a request.
 *
 * - headers must arrive within headersTimeoutMs (Node answers 408 and closes); Node checks this every
 *   connectionsCheckingInterval, which defaults to 30 s, so it is tightened to a tenth of the timeout;
 * - a request body must keep minBodyBytesPerSecond over each bodyRateWindowMs the console spends waiting for it;
 *   time the console is not reading (a send waiting for its turn, backpressure) does not count against the client;
 * - requestTimeoutMs caps a whole upload; keepAliveTimeoutMs closes idle connections;
 * - at most maxConnectionsPerAddress open connections per socket peer (sourceAddress: an IPv6 peer as its /64),
 *   answered 503 and closed beyond it; at most maxConnections in all (Node drops the rest).
 *
 * Behind TRUST_PROXY every socket peer is the proxy: the per-address cap then caps the proxy's connections, not a
 * client's, so it is off there by default (env.ts) and per-client connection limits belong in the proxy.
 */
export interface HttpServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  minBodyBytesPerSecond: number;
  bodyRateWindowMs: number;
  /** 0 = no cap. */
  maxConnectionsPerAddress: number;
  maxConnections: number;
}

export function httpServerLimits(
  maxConnectionsPerAddress: number,
  overrides: Partial<HttpServerLimits> = {},
): HttpServerLimits {
  return {
    headersTimeoutMs: SERVER_LIMITS.headersTimeoutMs,
    requestTimeoutMs: SERVER_LIMITS.requestTimeoutMs,
    keepAliveTimeoutMs: SERVER_LIMITS.keepAliveTimeoutMs,
    minBodyBytesPerSecond: SERVER_LIMITS.minBodyBytesPerSecond,
    bodyRateWindowMs: SERVER_LIMITS.bodyRateWindowMs,
    maxConnectionsPerAddress,
    maxConnections: SERVER_LIMITS.maxConnections,
    ...overrides,
  };
}

const TOO_MANY_CONNECTIONS = 'Too many open connections from your address';
const RETRY_AFTER_SECONDS = 5;

/** A `createServer` for @hono/node-server's serve(): the limits applied, the guards installed. */
export function guardedCreateServer(limits: HttpServerLimits, logger: Logger) {
  return (_options: unknown, listener: RequestListener): Server => {
    const refused = new WeakSet<Socket>();
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 10))),
      },
      (req, res) => {
        // A connection over the cap is already answered; whatever it sends after is not served.
        if (refused.has(req.socket)) {
          req.socket.destroy();
          return;
        }
        watchBodyRate(req, res, limits, logger);
        listener(req, res);
      },
    );
    server.maxConnections = limits.maxConnections;
    if (limits.maxConnectionsPerAddress > 0) capConnections(server, limits.maxConnectionsPerAddress, refused, logger);
    return server;
  };
}

function capConnections(server: Server, cap: number, refused: WeakSet<Socket>, logger: Logger): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = sourceAddress(socket.remoteAddress) ?? 'unknown';
    const count = (open.get(key) ?? 0) + 1;
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
    if (count <= cap) return;
    refused.add(socket);
    if (count === cap + 1) logger.warn(`connections: ${key} reached ${cap} open connections; refusing more`);
    const body = JSON.stringify(errorEnvelope(TOO_MANY_CONNECTIONS));
    const head = [
      'HTTP/1.1 503 Service Unavailable',
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `Retry-After: ${RETRY_AFTER_SECONDS}`,
      'Connection: close',
    ].join('\r\n');
    socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
  });
}

/**
 * Drops a request whose body arrives slower than the minimum rate. Sampled every tenth of a window from the socket's
 * byte count; a sample where the socket is paused (the console is not reading: its buffer is full or the handler has
 * not started on the body) is not counted, so only time spent waiting on the client is judged.
 */
function watchBodyRate(req: IncomingMessage, res: ServerResponse, limits: HttpServerLimits, logger: Logger): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > 0) && req.headers['transfer-encoding'] === undefined) return;
  const socket = req.socket;
  const tickMs = Math.max(10, Math.floor(limits.bodyRateWindowMs / 10));
  const minBytes = (limits.minBodyBytesPerSecond * limits.bodyRateWindowMs) / 1000;
  let last = socket.bytesRead;
  let waitedMs = 0;
  let received = 0;
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) return stop();
    const now = socket.bytesRead;
    if (socket.isPaused()) {
      last = now;
      return;
    }
    waitedMs += tickMs;
    received += now - last;
    last = now;
    if (waitedMs < limits.bodyRateWindowMs) return;
    if (received < minBytes) {
      logger.warn(
        `${req.method ?? ''} ${(req.url ?? '').split('?')[0]}: body slower than ${limits.minBodyBytesPerSecond} bytes/s ` +
          `from ${socket.remoteAddress ?? 'unknown'}; connection closed`,
      );
      socket.destroy();
      return stop();
    }
    waitedMs = 0;
    received = 0;
  }, tickMs);
  timer.unref();
  function stop() {
    clearInterval(timer);
  }
  req.once('end', stop);
  res.once('close', stop);
}
