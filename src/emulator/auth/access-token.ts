import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { apiError } from '../errors';
import type { EmulatorEnv } from '../context';
import type { Company } from '../store/company-store';

/**
 * Bearer-token auth as the platform does it (contract 3): only `stk_` tokens count (anything else falls back to a
 * cookie session the emulator does not have → 401 "Unauthorized"), lookup by SHA-256, and the token's company must
 * be the one in the path.
 */
export function authenticate(c: Context<EmulatorEnv>): Company {
  const header = c.req.header('authorization') ?? '';
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (!token || !token.startsWith('stk_')) throw apiError(401, 'Unauthorized');
  const found = c.get('deps').companies.findToken(token);
  if (!found)
    throw apiError(401, `Access token not recognized (prefix ${token.slice(0, 12)}). It may be revoked or expired.`);
  const slug = c.req.param('slug') ?? '';
  if (found.company.slug !== slug) throw apiError(403, `Token belongs to "${found.company.slug}", not "${slug}"`);
  c.set('company', found.company);
  return found.company;
}

/** The usual case: authenticate before the handler. Routes that validate input first call `authenticate` themselves. */
export function accessToken() {
  return createMiddleware<EmulatorEnv>(async function accessToken(c, next) {
    authenticate(c);
    await next();
  });
}

/**
 * The emulator's tenant check (a deliberate deviation: the platform lets a token read any mailbox):
 * `mailbox` must be one of the company's mailboxes.
 */
export function requireCompanyMailbox(c: Context<EmulatorEnv>, mailbox: string): string {
  const address = mailbox.trim().toLowerCase();
  if (!c.get('deps').companies.hasMailbox(c.get('company').id, address))
    throw apiError(403, 'Insufficient permissions');
  return address;
}
