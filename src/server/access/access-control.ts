import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import {
  canReadMailbox,
  canSendFrom,
  mailboxAddressSchema,
  mailboxDeniedMessage,
  ROLE_ABILITIES,
  type ConsoleUser,
} from '@contract/index';
import type { AccessContext, AppDeps, AppEnv } from '../app-types';
import { resolveSession } from '../auth/sessions';
import { ApiError, MESSAGES } from '../http-errors';
import { readJsonBody } from '../validation';
import { findRoutePolicy, roleAllowed, type MailboxRule, type RoutePolicy } from './route-policy';
import { auditSentroyAction, mailActionForRoute } from './sentroy-hooks';

export const ACCESS_MESSAGES = {
  noPolicy: 'This route is not available: it has no access policy',
  roleDenied: (allowed: readonly string[]) =>
    `Your role does not allow this (it needs ${allowed.length === 1 ? 'the' : 'one of the roles'} ${allowed.join(', ')})`,
} as const;

export function accessFor(user: ConsoleUser, mailboxes: readonly string[]): AccessContext {
  const abilities = ROLE_ABILITIES[user.role];
  return {
    user,
    mailboxes,
    abilities,
    canReadMailbox: (mailbox) => canReadMailbox(user.role, mailboxes, mailbox),
    canSendFrom: (mailbox) => canSendFrom(user.role, mailboxes, mailbox),
    sendLogScope: abilities.sendLogAllRows ? { rows: 'all' } : { rows: 'own', userId: user.id },
  };
}

/**
 * The one gate in front of every route. Hono has already matched the request when middleware runs, so every route
 * that could answer it (each matched route that is not middleware: a handler may pass on with next(), as the SPA's
 * catch-all does for /api paths) is looked up in route-policy.ts, and ALL of them must allow the request:
 *   no route      → next(): nothing answers and the 404 handler says so
 *   no policy     → 403 for everyone (default deny), logged as a bug
 *   all public    → next()
 *   otherwise     → the session (401 without one), then each policy's role (403) and the mailbox the request names
 *                   (403); `session` and `access` are set on the context for the handler.
 * A mail action (send, move, delete, mark read/unread) refused for its mailbox leaves an audit row (result refused).
 */
export function accessControl(deps: Pick<AppDeps, 'config' | 'store' | 'now' | 'logger'>): MiddlewareHandler<AppEnv> {
  return async function accessControlMiddleware(c, next) {
    const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL');
    if (routes.length === 0) return next();
    const policies: { policy: RoutePolicy; method: string; path: string }[] = [];
    for (const route of routes) {
      const policy = findRoutePolicy(route.method, route.path);
      if (!policy) {
        deps.logger.error(`access: no policy for ${route.method} ${route.path}: refused (add it to route-policy.ts)`);
        throw new ApiError(403, ACCESS_MESSAGES.noPolicy);
      }
      policies.push({ policy, method: route.method, path: route.path });
    }
    if (policies.every((p) => p.policy.allow === 'public')) return next();

    const session = await resolveSession(c, deps);
    if (!session) throw new ApiError(401, MESSAGES.notSignedIn);
    c.set('session', session);
    const access = accessFor(session.user, await deps.store.grants.forUser(session.user.id));
    c.set('access', access);

    for (const { policy, method, path } of policies) {
      if (!roleAllowed(policy.allow, session.user.role)) {
        throw new ApiError(403, ACCESS_MESSAGES.roleDenied(policy.allow as readonly string[]));
      }
      if (policy.mailbox) {
        const mailbox = await namedMailbox(c, policy.mailbox);
        // A missing or malformed value is the handler's 400 (it validates the same field with the same schema).
        if (mailbox === undefined) continue;
        const allowed = policy.mailbox.use === 'send' ? access.canSendFrom(mailbox) : access.canReadMailbox(mailbox);
        if (!allowed) {
          const message = mailboxDeniedMessage(mailbox);
          const action = mailActionForRoute(method, path);
          if (action) {
            await auditSentroyAction(c, deps, action, await rawInput(c, path, policy.mailbox), {
              result: 'refused',
              error: message,
              status: 403,
            });
          }
          throw new ApiError(403, message);
        }
      }
    }
    return next();
  };
}

/** What a refused request named, unvalidated (the audit reads it defensively). */
async function rawInput(c: Parameters<MiddlewareHandler<AppEnv>>[0], pattern: string, rule: MailboxRule) {
  return {
    params: paramsOf(pattern, c.req.path),
    query: c.req.query(),
    body: rule.source === 'body' ? await readJsonBody(c).catch(() => undefined) : undefined,
  };
}

/** `:name` segments of a route pattern read from the path (middleware runs before the route's params exist). */
function paramsOf(pattern: string, pathname: string): Record<string, string> {
  const names = pattern.split('/');
  const values = pathname.split('/');
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const value = values[i];
    if (segment.startsWith(':') && value !== undefined) params[segment.slice(1)] = value;
  });
  return params;
}

async function namedMailbox(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  rule: MailboxRule,
): Promise<string | undefined> {
  let raw: unknown;
  if (rule.source === 'query') {
    raw = c.req.query(rule.field);
  } else {
    // Hono caches the parsed body, so the handler reads the same object again.
    const body = await readJsonBody(c);
    raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[rule.field] : undefined;
  }
  const parsed = mailboxAddressSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
