import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../env';
import { ApiError, MESSAGES } from '../http-errors';
import { consoleOrigin } from '../request-info';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence in depth on top of SameSite=Strict cookies: a state-changing request must come from the console's own
 * origin. Browsers send Origin on every cross-origin POST and on same-origin fetches; without it, Sec-Fetch-Site
 * still tells a cross-site request apart. Clients that send neither (curl, server-side tests) are not browsers and
 * cannot carry a victim's cookie, so they pass.
 */
export function sameOrigin(config: Pick<ServerConfig, 'publicOrigin' | 'trustProxy'>): MiddlewareHandler {
  return async function sameOriginMiddleware(c, next) {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (origin.toLowerCase() !== consoleOrigin(c, config)) throw new ApiError(403, MESSAGES.crossOrigin);
    } else if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site') {
      throw new ApiError(403, MESSAGES.crossOrigin);
    }
    return next();
  };
}
