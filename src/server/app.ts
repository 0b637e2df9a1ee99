import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { accessControl } from './access/access-control';
import type { AppDeps, AppEnv } from './app-types';
import { ApiError, errorEnvelope, MESSAGES } from './http-errors';
import { bodyLimit, SEND_BODY_LIMIT_BYTES, SMALL_BODY_LIMIT_BYTES } from './middleware/body-limit';
import { hostCheck } from './middleware/host-check';
import { refusalAudit } from './middleware/refusal-audit';
import { requestLog } from './middleware/request-log';
import { sameOrigin } from './middleware/same-origin';
import { securityHeaders } from './middleware/security-headers';
import { sendGate } from './middleware/send-gate';
import { accountRoutes } from './routes/account';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { consoleDashboardRoutes } from './routes/console-dashboard';
import { healthRoutes } from './routes/health';
import { messageBodyRoutes } from './routes/message-body';
import { sentroyRoutes } from './routes/sentroy';
import { userRoutes } from './routes/users';
import { webAppRoutes } from './routes/web-app';

/**
 * The console's HTTP surface in one table:
 *
 *   GET  /healthz                 liveness, no session
 *   POST /auth/login              sign in → session cookie
 *   POST /auth/logout             end the session
 *   GET  /auth/me                 the signed-in user and the console around them
 *   *    /api/<sentroy path>      the contract's allowlist, forwarded to Sentroy with the token added (session)
 *   POST /api/console/templates/:id/preview   render a template as the platform would (session)
 *   GET  /api/console/send-log    the console's own send log (session)
 *   GET  /api/console/inbox/message-body   one message as a sanitised document with its own CSP (mailbox read)
 *   *    /api/console/users[/:id[/reset-password]]   user administration (admin)
 *   GET  /api/console/audit[.csv] the audit log, as pages or CSV (admin)
 *   *    /api/console/account/…   the user's own password and sessions (session)
 *   GET  /*                       the built SPA, with index.html for deep links
 *
 * Order matters: log and headers wrap everything; the Host and origin checks and body limits run before any handler
 * reads a body; large sends wait for a slot before anything reads theirs; the access gate (access/route-policy.ts)
 * covers every route: session, role, mailbox grants, default deny; body refusals on console routes are audited.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', requestLog(deps.logger));
  app.use('*', securityHeaders());
  // DNS rebinding: only the console's own host names get past this (middleware/host-check.ts).
  app.use('*', hostCheck(deps.config));
  app.use('*', sameOrigin(deps.config));
  const sendBodyLimit = bodyLimit(SEND_BODY_LIMIT_BYTES);
  const smallBodyLimit = bodyLimit(SMALL_BODY_LIMIT_BYTES);
  // Drafts carry the same attachments as the send they become.
  const largeBodyPaths = new Set(['/api/send', '/api/inbox/drafts']);
  app.use('*', (c, next) => (largeBodyPaths.has(c.req.path) ? sendBodyLimit : smallBodyLimit)(c, next));
  // Large sends and drafts wait for one of a few slots with their bodies unread (middleware/send-gate.ts).
  const largeBodyGate = sendGate(deps, { maxConcurrent: deps.config.limits.maxConcurrentLargeSends });
  for (const largePath of largeBodyPaths) app.use(largePath, largeBodyGate);
  // Every route's policy (access/route-policy.ts): session, role and mailbox grants, default deny.
  app.use('*', accessControl(deps));
  app.use('*', refusalAudit(deps));

  app.route('/healthz', healthRoutes());
  app.route('/auth', authRoutes(deps));
  app.route('/api/console', consoleDashboardRoutes(deps));
  app.route('/api/console/inbox', messageBodyRoutes(deps));
  app.route('/api/console/users', userRoutes(deps));
  app.route('/api/console/account', accountRoutes(deps));
  app.route('/api/console', auditRoutes(deps));
  app.route('/api', sentroyRoutes(deps));
  app.route('/', webAppRoutes(deps.staticDir));

  app.notFound((c) => c.json(errorEnvelope(MESSAGES.notFound), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(errorEnvelope(error.message), error.status, error.headers);
    }
    if (error instanceof HTTPException) {
      return c.json(errorEnvelope(error.message || MESSAGES.internal), error.status as ContentfulStatusCode);
    }
    // Unexpected: keep the detail in the server log (redacted by the logger), give the browser a fixed sentence.
    deps.logger.error(
      `${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return c.json(errorEnvelope(MESSAGES.internal), 500);
  });

  return app;
}

export type ConsoleApp = ReturnType<typeof createApp>;
