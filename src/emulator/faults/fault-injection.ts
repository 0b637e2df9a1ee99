import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';
import type { EmulatorEnv } from '../context';

/** Applies the fault switch to API calls (never to the control route, so a test can always turn faults off). */
export function faultInjection() {
  return createMiddleware<EmulatorEnv>(async function faultInjection(c, next) {
    const faults = c.get('deps').faults;
    if (!faults.enabled) return next();
    const { latency } = faults.current;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    switch (faults.decide()) {
      case 'drop': {
        // On a real server: cut the TCP connection without an answer. In-process (app.request) there is no socket,
        // so the closest observable outcome is a thrown network-style error.
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        if (incoming?.socket) {
          incoming.socket.destroy();
          return new Response(null, { status: 499 });
        }
        throw new TypeError('fetch failed: connection dropped by emulator fault');
      }
      case 'error':
        return c.json({ data: null, error: 'HTTP 503: IMAP service unavailable' }, 500);
      case 'rate429':
        // The platform drops upstream headers; the fault switch sends Retry-After anyway so backoff can be tested.
        c.header('Retry-After', '1');
        return c.json({ data: null, error: 'Too many requests. Please try again later.' }, 429);
      default:
        return next();
    }
  });
}
