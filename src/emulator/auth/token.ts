import { createHash, randomBytes } from 'node:crypto';

/** `stk_` + 48 hex characters (24 random bytes), as the platform issues them (contract 3). */
export const ACCESS_TOKEN_PATTERN = /^stk_[0-9a-f]{48}$/;

export function generateAccessToken(): string {
  return `stk_${randomBytes(24).toString('hex')}`;
}

/** Tokens are never stored: only their SHA-256 hex digest … */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** … and the first 12 characters, which the 401 message quotes so a user can tell which token failed. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 12);
}
