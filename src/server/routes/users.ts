import { Hono } from 'hono';
import type { Context } from 'hono';
import { createUserRequestSchema, updateUserRequestSchema } from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { companyMailboxesOf } from '../access/company-mailboxes';
import { createUser, deleteUser, listUsers, resetPassword, updateUser, type Actor } from '../access/user-admin';
import { clientIp } from '../request-info';
import { parseOrThrow, readJsonBody } from '../validation';

/** `/api/console/users`: user administration. Admins only (access/route-policy.ts); the rules are in user-admin.ts. */
export function userRoutes(deps: AppDeps) {
  const adminDeps = {
    store: deps.store,
    now: () => deps.now?.() ?? new Date(),
    // Grants are checked against the same cached list as the access gate's mailbox checks.
    companyMailboxes: companyMailboxesOf(deps),
  };
  const actorOf = (c: Context<AppEnv>): Actor => {
    const { user } = c.get('session');
    return { userId: user.id, email: user.email, ip: clientIp(c, deps.config), via: 'web' };
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ data: await listUsers(adminDeps) }, 200))
    .post('/', async (c) => {
      const request = parseOrThrow(createUserRequestSchema, await readJsonBody(c));
      return c.json({ data: await createUser(adminDeps, actorOf(c), request) }, 201);
    })
    .patch('/:id', async (c) => {
      const patch = parseOrThrow(updateUserRequestSchema, await readJsonBody(c));
      return c.json({ data: await updateUser(adminDeps, actorOf(c), c.req.param('id'), patch) }, 200);
    })
    .post('/:id/reset-password', async (c) => {
      return c.json({ data: await resetPassword(adminDeps, actorOf(c), c.req.param('id')) }, 200);
    })
    .delete('/:id', async (c) => {
      await deleteUser(adminDeps, actorOf(c), c.req.param('id'));
      return c.json({ data: { message: 'User deleted' } }, 200);
    });
}
