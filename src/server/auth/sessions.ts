import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ConsoleUser } from '@contract/index';
import type { AppDeps, SessionContext } from '../app-types';
import type { UserRow } from '../db/index';
import { clientIp, isHttpsRequest } from '../request-info';
import { looksLikeSessionToken, newSessionToken, SESSION_COOKIE_NAME, sessionIdFromToken } from './session-token';

/**
 * Cookie sessions. The browser holds a random token; the database holds its SHA-256 with the expiry. Expiry slides:
 * each use pushes it SESSION_TTL_HOURS ahead, written at most once a minute so reads do not all become writes.
 */
const SLIDE_EVERY_MS = 60_000;

type SessionDeps = Pick<AppDeps, 'config' | 'store' | 'now'>;

const nowOf = (deps: SessionDeps) => deps.now?.() ?? new Date();
const ttlMs = (deps: SessionDeps) => deps.config.sessionTtlHours * 3_600_000;

export function toConsoleUser(row: UserRow): ConsoleUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

function writeCookie(c: Context, deps: SessionDeps, token: string): void {
  setCookie(c, SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttpsRequest(c, deps.config),
    maxAge: Math.floor(ttlMs(deps) / 1000),
  });
}

export async function startSession(c: Context, deps: SessionDeps, user: UserRow): Promise<void> {
  const now = nowOf(deps);
  const token = newSessionToken();
  await deps.store.sessions.create({
    idHash: sessionIdFromToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + ttlMs(deps)),
    ip: clientIp(c, deps.config),
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  });
  writeCookie(c, deps, token);
}

/** The session the request's cookie names, if it is live; slides its expiry. */
export async function resolveSession(c: Context, deps: SessionDeps): Promise<SessionContext | undefined> {
  const token = getCookie(c, SESSION_COOKIE_NAME);
  if (!looksLikeSessionToken(token)) return undefined;
  const sessionId = sessionIdFromToken(token);
  const now = nowOf(deps);
  const found = await deps.store.sessions.findActive(sessionId, now);
  if (!found) return undefined;
  if (now.getTime() - Date.parse(found.session.last_seen_at) >= SLIDE_EVERY_MS) {
    await deps.store.sessions.touch(sessionId, now, new Date(now.getTime() + ttlMs(deps)));
    writeCookie(c, deps, token);
  }
  return { sessionId, user: toConsoleUser(found.user) };
}

/** Delete the session named by the cookie (whether or not it is still live) and tell the browser to drop the cookie. */
export async function endSession(c: Context, deps: SessionDeps): Promise<void> {
  await deletePresentedSession(c, deps);
  deleteCookie(c, SESSION_COOKIE_NAME, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttpsRequest(c, deps.config),
  });
}

/** Delete, server-side only, whatever session the request's cookie names. */
export async function deletePresentedSession(c: Context, deps: SessionDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE_NAME);
  if (looksLikeSessionToken(token)) await deps.store.sessions.delete(sessionIdFromToken(token));
}
