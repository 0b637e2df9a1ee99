import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';

/**
 * One line per request: method, path, status, duration. The path is logged without its query string (it may carry
 * mailbox addresses and search terms) and no header is logged, so cookies and tokens never reach the log.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}
