import { Hono } from 'hono';
import { loginRequestSchema, type Me } from '@contract/index';
import { LOGIN_LIMITS } from '../abuse-limits';
import type { AppDeps, AppEnv } from '../app-types';
import { loginBlockedForSeconds, overLoginLimit, throttledMessage } from '../auth/login-throttle';
import { sourceAddress } from '../auth/source-address';
import { decoyPasswordHash, verifyPassword } from '../auth/password';
import { deletePresentedSession, endSession, resolveSession, startSession, toConsoleUser } from '../auth/sessions';
import { ApiError, MESSAGES } from '../http-errors';
import { clientIp } from '../request-info';
import { parseOrThrow, readJsonBody } from '../validation';

/** Attempt rows older than the longest throttle window count for nothing. */
const KEEP_LOGIN_ATTEMPTS_MS = LOGIN_LIMITS.pairWindowMs;

/** `/auth/login`, `/auth/logout`, `/auth/me`: the console's own sign-in, independent of Sentroy. */
export function authRoutes(deps: AppDeps) {
  const now = () => deps.now?.() ?? new Date();
  const meFor = async (user: Me['user']): Promise<Me> => ({
    user,
    mailboxGrants: await deps.store.grants.forUser(user.id),
    console: { demoMode: deps.demoMode, companySlug: deps.config.upstream.companySlug ?? '', version: deps.version },
  });

  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { email, password } = parseOrThrow(loginRequestSchema, await readJsonBody(c));
      const ip = clientIp(c, deps.config);
      // Throttling counts per source address (an IPv6 client as its /64); the audit keeps the exact address.
      const key = { email, source: sourceAddress(ip) };
      const throttle = { maxFailuresPerAddress: deps.config.limits.maxLoginFailuresPerAddress };
      const at = now();

      const throttled = async (blockedFor: number) => {
        await deps.store.audit.write({ action: 'login.throttled', actorUserId: null, target: email, ip, now: at });
        return new ApiError(429, throttledMessage(blockedFor), { 'Retry-After': String(blockedFor) });
      };
      const blockedFor = await loginBlockedForSeconds(deps.store, key, at, throttle);
      if (blockedFor !== undefined) throw await throttled(blockedFor);
      // Counted as a failure until the password proves otherwise, before the slow check: concurrent guesses see
      // each other here, so a burst sent at once cannot all pass the check above.
      const attemptId = await deps.store.loginAttempts.record({ email, ip: key.source, succeeded: false, now: at });
      if (await overLoginLimit(deps.store, key, attemptId, at, throttle)) {
        await deps.store.loginAttempts.delete(attemptId);
        throw await throttled((await loginBlockedForSeconds(deps.store, key, at, throttle)) ?? 1);
      }

      const user = await deps.store.users.findByEmail(email);
      // Always pay for one scrypt, so unknown and disabled accounts answer as slowly as a wrong password.
      const passwordOk = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
      if (!user || !passwordOk || user.disabled) {
        const reason = !user ? 'unknown user' : !passwordOk ? 'wrong password' : 'disabled user';
        await deps.store.audit.write({
          action: 'login.failure',
          actorUserId: user?.id ?? null,
          target: email,
          detail: { reason },
          ip,
          now: at,
        });
        throw new ApiError(401, MESSAGES.badCredentials);
      }

      await deps.store.loginAttempts.markSucceeded(attemptId);
      // Forgets this address's failures on the account only: a stranger's elsewhere keep slowing the stranger.
      await deps.store.loginAttempts.clearFailures(email, key.source);
      await deps.store.loginAttempts.deleteOlderThan(new Date(at.getTime() - KEEP_LOGIN_ATTEMPTS_MS));
      await deps.store.sessions.deleteExpired(at);
      // A fresh session id at every sign-in: a cookie planted before login (session fixation) is worthless after.
      await deletePresentedSession(c, deps);
      await startSession(c, deps, user);
      await deps.store.audit.write({ action: 'login.success', actorUserId: user.id, target: email, ip, now: at });
      return c.json({ data: await meFor(toConsoleUser(user)) }, 200);
    })
    .post('/logout', async (c) => {
      const session = await resolveSession(c, deps);
      await endSession(c, deps);
      if (session) {
        await deps.store.audit.write({
          action: 'logout',
          actorUserId: session.user.id,
          target: session.user.email,
          ip: clientIp(c, deps.config),
          now: now(),
        });
      }
      return c.json({ data: { message: MESSAGES.signedOut } }, 200);
    })
    .get('/me', async (c) => {
      const session = await resolveSession(c, deps);
      if (!session) throw new ApiError(401, MESSAGES.notSignedIn);
      return c.json({ data: await meFor(session.user) }, 200);
    });
}
