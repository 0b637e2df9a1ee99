import type { ConsoleStore } from '../db/index';
import type { Logger } from '../logger';
import { hashPassword } from './password';

export interface BootstrapAdmin {
  email: string;
  password: string;
  name?: string;
}

/**
 * Make sure each listed admin exists. An existing user with that email is left exactly as it is (password, role,
 * disabled flag): the environment seeds the first admin, it does not override what was changed in the console since.
 */
export async function ensureBootstrapAdmins(
  store: ConsoleStore,
  admins: readonly BootstrapAdmin[],
  logger: Logger,
  now: Date = new Date(),
): Promise<void> {
  for (const admin of admins) {
    const email = admin.email.trim().toLowerCase();
    if (await store.users.findByEmail(email)) continue;
    await store.users.create({
      email,
      name: admin.name ?? null,
      role: 'admin',
      passwordHash: await hashPassword(admin.password),
      now,
    });
    logger.info(`created admin user ${email}`);
  }
}
