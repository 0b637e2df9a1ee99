import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { canReadMailbox, canSendFrom, mailboxDeniedMessage, ROLE_ABILITIES, type ConsoleUser } from '@contract/index';
import type { AccessContext, AppDeps, AppEnv } from '../app-types';
import { resolveSession } from '../auth/sessions';
import { ApiError, MESSAGES } from '../http-errors';
import { clientIp } from '../request-info';
import { readJsonBody } from '../validation';
import { COMPANY_MESSAGES, companyMailboxesOf } from './company-mailboxes';
import { namedMailboxes, type NamedMailbox } from './named-mailboxes';
import { findRoutePolicy, mailboxRules, roleAllowed, type MailboxRule, type RoutePolicy } from './route-policy';
import { auditSentroyAction, mailActionForRoute } from './sentroy-hooks';

export const ACCESS_MESSAGES = {
  noPolicy: 'This route is not available: it has no access policy',
  roleDenied: (allowed: readonly string[]) =>
    `Your role does not allow this (it needs ${allowed.length === 1 ? 'the' : 'one of the roles'} ${allowed.join(', ')})`,
  /** What the platform says of a job that does not exist: a member cannot tell another user's job from none. */
  jobNotFound: 'Job not found',
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
 *   otherwise     → the session (401 without one), then each policy's role (403), every mailbox the request names
 *                   (400 unreadable, 403 not granted or not a company mailbox, 503 when the company's list cannot be
 *                   fetched) and a member's send job (404); `session` and `access` are set on the context.
 * Every mailbox or send-job refusal leaves an audit row with result `refused`: a mail action (send, move, delete, mark
 * read/unread) under its own action, any other route as `access.refused`.
 */
export function accessControl(deps: AccessDeps): MiddlewareHandler<AppEnv> {
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
      const rules = mailboxRules(policy);
      if (rules.length > 0) await checkMailboxes(c, deps, access, rules, { method, path });
      if (policy.sendJob === 'own') await checkSendJob(c, deps, access, { method, path });
    }
    return next();
  };
}

type AccessDeps = Pick<AppDeps, 'config' | 'store' | 'now' | 'logger' | 'upstream' | 'companyMailboxes'>;
type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0];
interface MatchedRoute {
  method: string;
  path: string;
}

/**
 * Every mailbox the request names must be allowed to the user (grants: no upstream call) and be one of the
 * company's mailboxes (company-mailboxes.ts: the cached `GET /mailboxes`), for every role. Refused before the
 * handler, so nothing of the request reaches Sentroy; each refusal is audited.
 */
async function checkMailboxes(
  c: Ctx,
  deps: AccessDeps,
  access: AccessContext,
  rules: readonly MailboxRule[],
  route: MatchedRoute,
): Promise<void> {
  let named: NamedMailbox[];
  try {
    named = await namedMailboxes(c, rules);
  } catch (error) {
    // 400: unreadable mailbox or body; 413: a body over the size limit (validation.ts readJsonBody).
    if (error instanceof ApiError && (error.status === 400 || error.status === 413)) {
      await auditRefusal(c, deps, route, rules, error, undefined);
    }
    throw error;
  }
  for (const { rule, addresses } of named) {
    for (const mailbox of addresses) {
      const allowed = rule.use === 'send' ? access.canSendFrom(mailbox) : access.canReadMailbox(mailbox);
      if (!allowed) {
        await auditRefusal(c, deps, route, rules, new ApiError(403, mailboxDeniedMessage(mailbox)), mailbox);
      }
    }
  }
  const all = [...new Set(named.flatMap((n) => n.addresses))];
  if (all.length === 0) return;
  let foreign: string[];
  try {
    foreign = await companyMailboxesOf(deps).foreign(all);
  } catch (error) {
    // Fail closed: without the company's list nothing that names a mailbox goes out.
    if (error instanceof ApiError) await auditRefusal(c, deps, route, rules, error, all[0]);
    throw error;
  }
  if (foreign.length > 0) {
    deps.logger.warn(`access: ${route.method} ${c.req.path} named a mailbox outside the company: refused`);
    await auditRefusal(c, deps, route, rules, new ApiError(403, COMPANY_MESSAGES.foreign(foreign)), foreign[0]);
  }
}

/**
 * `GET /api/send/:id`: a member may follow only a job of their own sends; everyone else's is "not found", so job ids
 * (small sequential numbers at the platform) cannot be walked. Admins and operators see the whole send log anyway.
 */
async function checkSendJob(c: Ctx, deps: AccessDeps, access: AccessContext, route: MatchedRoute): Promise<void> {
  if (access.sendLogScope.rows === 'all') return;
  const jobId = decodeSegment(paramsOf(route.path, c.req.path)['id']);
  if (jobId !== undefined && (await deps.store.sendLog.hasJob(jobId, access.sendLogScope.userId))) return;
  await writeAccessRefusal(c, deps, route, { jobId, reason: 'send job not in own send log', status: 404 });
  throw new ApiError(404, ACCESS_MESSAGES.jobNotFound);
}

/** Audit a refusal, then throw it: a mail action under its own name, any other route as `access.refused`. */
async function auditRefusal(
  c: Ctx,
  deps: AccessDeps,
  route: MatchedRoute,
  rules: readonly MailboxRule[],
  error: ApiError,
  mailbox: string | undefined,
): Promise<never> {
  const action = mailActionForRoute(route.method, route.path);
  if (action) {
    await auditSentroyAction(c, deps, action, await rawInput(c, route.path, rules), {
      result: 'refused',
      error: error.message,
      status: error.status,
    });
  } else {
    await writeAccessRefusal(c, deps, route, { mailbox, error: error.message, status: error.status });
  }
  throw error;
}

async function writeAccessRefusal(
  c: Ctx,
  deps: AccessDeps,
  route: MatchedRoute,
  detail: { mailbox?: string; jobId?: string; reason?: string; error?: string; status: number },
): Promise<void> {
  const { user } = c.get('session');
  await deps.store.audit.write({
    action: 'access.refused',
    actorUserId: user.id,
    actorEmail: user.email,
    mailbox: detail.mailbox ?? null,
    target: `${route.method} ${route.path}`,
    detail: Object.fromEntries(
      Object.entries({ ...detail, mailbox: undefined, result: 'refused' }).filter(([, v]) => v !== undefined),
    ),
    ip: clientIp(c, deps.config),
    now: deps.now?.() ?? new Date(),
  });
}

const decodeSegment = (value: string | undefined) => {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

/** What a refused request named, unvalidated (the audit reads it defensively). */
async function rawInput(c: Ctx, pattern: string, rules: readonly MailboxRule[]) {
  return {
    params: paramsOf(pattern, c.req.path),
    query: c.req.query(),
    body: rules.some((r) => r.source === 'body') ? await readJsonBody(c).catch(() => undefined) : undefined,
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
