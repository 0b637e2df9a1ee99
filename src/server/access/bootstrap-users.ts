import type { ConsoleRole } from '@contract/index';
import { hashPassword } from '../auth/password';
import type { ConsoleStore } from '../db/index';
import type { Logger } from '../logger';

export interface BootstrapUser {
  email: string;
  password: string;
  name?: string;
  /** Default admin. */
  role?: ConsoleRole;
  /** Mailbox grants given when the user is created. */
  mailboxes?: readonly string[];
}

/**
 * Make sure each listed user exists, with its role and grants. Like ensureBootstrapAdmins, an existing user with that
 * email is left exactly as it is: the seed creates people, it never overrides what was changed in the console since.
 */
export async function ensureBootstrapUsers(
  store: ConsoleStore,
  users: readonly BootstrapUser[],
  logger: Logger,
  now: Date = new Date(),
): Promise<void> {
  for (const user of users) {
    const email = user.email.trim().toLowerCase();
    if (await store.users.findByEmail(email)) continue;
    const role = user.role ?? 'admin';
    const created = await store.users.create({
      email,
      name: user.name ?? null,
      role,
      passwordHash: await hashPassword(user.password),
      now,
    });
    const mailboxes = (user.mailboxes ?? []).map((m) => m.trim().toLowerCase());
    if (mailboxes.length > 0) await store.userAdmin.update(created.id, { mailboxes }, now);
    logger.info(`created ${role} user ${email}${mailboxes.length > 0 ? ` (mailboxes: ${mailboxes.join(', ')})` : ''}`);
  }
}
