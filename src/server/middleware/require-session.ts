import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-types';
import { resolveSession } from '../auth/sessions';
import { ApiError, MESSAGES } from '../http-errors';

/** Refuse the request with 401 unless it carries a live session; otherwise expose it as `c.get('session')`. */
export function requireSession(deps: Pick<AppDeps, 'config' | 'store' | 'now'>): MiddlewareHandler<AppEnv> {
  return async function requireSessionMiddleware(c, next) {
    const session = await resolveSession(c, deps);
    if (!session) throw new ApiError(401, MESSAGES.notSignedIn);
    c.set('session', session);
    return next();
  };
}
