import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-types';
import { clientIp } from '../request-info';
import { BodyRefusedError } from '../validation';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isConsoleRoute = (path: string) => path.startsWith('/auth/') || path.startsWith('/api/console/');

/**
 * The console's own routes that change state (sign-in, users, account, previews) refuse a body that is not JSON,
 * too deep or too large before they validate it (validation.ts readJsonBody). Those refusals leave an audit row
 * `request.refused` here, as mail actions leave theirs in routes/sentroy.ts: someone sending such bodies is worth
 * seeing. Runs after the handler (Hono has already turned the error into the envelope and set `c.error`).
 */
export function refusalAudit(deps: Pick<AppDeps, 'config' | 'store' | 'now'>): MiddlewareHandler<AppEnv> {
  return async function refusalAuditMiddleware(c, next) {
    await next();
    const error = c.error;
    if (!(error instanceof BodyRefusedError) || !STATE_CHANGING.has(c.req.method) || !isConsoleRoute(c.req.path)) {
      return;
    }
    const user = c.get('session')?.user;
    await deps.store.audit.write({
      action: 'request.refused',
      actorUserId: user?.id ?? null,
      actorEmail: user?.email ?? null,
      target: `${c.req.method} ${c.req.path}`,
      detail: { result: 'refused', error: error.message, status: error.status },
      ip: clientIp(c, deps.config),
      now: deps.now?.() ?? new Date(),
    });
  };
}
