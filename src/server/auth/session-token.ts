import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE_NAME = 'sentroy_console_session';

/** 256 random bits, URL-safe: what the browser holds. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database holds: the SHA-256 of the token, so a leaked table cannot be replayed as cookies. */
export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Cookie values we issue are 43 base64url characters; anything else is not worth a database lookup. */
export function looksLikeSessionToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
