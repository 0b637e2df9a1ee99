import { Hono } from 'hono';
import {
  accountSessionIdSchema,
  changePasswordRequestSchema,
  signOutEverywhereRequestSchema,
  type AccountSession,
} from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { hashPassword, verifyPassword } from '../auth/password';
import { endSession } from '../auth/sessions';
import { publicSessionId } from '../db/access-store';
import { ApiError } from '../http-errors';
import { clientIp } from '../request-info';
import { parseOrThrow, readJsonBody } from '../validation';

/**
 * `/api/console/account`: the signed-in user's own password and sessions. Any role, and only the user's own rows:
 * a session id of another user is "not found", never "forbidden", so ids cannot be probed.
 */
export function accountRoutes(deps: AppDeps) {
  const now = () => deps.now?.() ?? new Date();

  return new Hono<AppEnv>()
    .get('/sessions', async (c) => {
      const { sessionId, user } = c.get('session');
      const rows = await deps.store.accountSessions.listActive(user.id, now());
      const sessions: AccountSession[] = rows.map((s) => ({
        id: publicSessionId(s.id),
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        expiresAt: s.expires_at,
        ip: s.ip,
        userAgent: s.user_agent,
        current: s.id === sessionId,
      }));
      return c.json({ data: sessions }, 200);
    })
    .delete('/sessions/:id', async (c) => {
      const id = parseOrThrow(accountSessionIdSchema, c.req.param('id'));
      const { sessionId, user } = c.get('session');
      const rows = await deps.store.accountSessions.listActive(user.id, now());
      const target = rows.find((s) => publicSessionId(s.id) === id);
      if (!target) throw new ApiError(404, 'This session does not exist or has already ended');
      if (target.id === sessionId) {
        throw new ApiError(409, 'This is the session you are using: sign out instead');
      }
      await deps.store.sessions.delete(target.id);
      await deps.store.audit.write({
        action: 'account.session-end',
        actorUserId: user.id,
        target: user.email,
        detail: { session: id, ip: target.ip, userAgent: target.user_agent },
        ip: clientIp(c, deps.config),
        now: now(),
      });
      return c.json({ data: { ended: 1 } }, 200);
    })
    .post('/password', async (c) => {
      const { currentPassword, newPassword } = parseOrThrow(changePasswordRequestSchema, await readJsonBody(c));
      const { sessionId, user } = c.get('session');
      const row = await deps.store.users.findById(user.id);
      if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
        throw new ApiError(400, 'The current password is not correct');
      }
      await deps.store.userAdmin.update(user.id, { passwordHash: await hashPassword(newPassword) }, now());
      // Whoever knew the old password is signed out; this device stays signed in.
      const ended = await deps.store.accountSessions.endForUser(user.id, sessionId);
      await deps.store.audit.write({
        action: 'account.password-change',
        actorUserId: user.id,
        target: user.email,
        detail: { otherSessionsEnded: ended },
        ip: clientIp(c, deps.config),
        now: now(),
      });
      return c.json({ data: { message: 'Password changed', otherSessionsEnded: ended } }, 200);
    })
    .post('/sign-out-everywhere', async (c) => {
      const { includeThisDevice } = parseOrThrow(signOutEverywhereRequestSchema, await readJsonBody(c));
      const { sessionId, user } = c.get('session');
      const ended = await deps.store.accountSessions.endForUser(user.id, includeThisDevice ? undefined : sessionId);
      if (includeThisDevice) await endSession(c, deps);
      await deps.store.audit.write({
        action: 'account.sign-out-everywhere',
        actorUserId: user.id,
        target: user.email,
        detail: { includeThisDevice, ended },
        ip: clientIp(c, deps.config),
        now: now(),
      });
      return c.json({ data: { ended } }, 200);
    });
}
