import type { ConsoleUser, RoleAbilities } from '@contract/index';
import type { CompanyMailboxDirectory } from './access/company-mailboxes';
import type { ConsoleStore } from './db/index';
import type { ServerConfig } from './env';
import type { Logger } from './logger';
import type { SentroyClient } from './upstream/client';

/** Everything createApp needs, built by startServer (or by a test). Nothing here opens a port. */
export interface AppDeps {
  config: ServerConfig;
  store: ConsoleStore;
  upstream: SentroyClient;
  logger: Logger;
  demoMode: boolean;
  /** The console's version, shown by /auth/me. */
  version: string;
  /** The built SPA (Vite's dist/). */
  staticDir: string;
  /** Injected in tests that move time (session expiry, throttling windows). */
  now?: () => Date;
  /** The company's mailboxes (access/company-mailboxes.ts); by default fetched from `upstream` and cached. */
  companyMailboxes?: CompanyMailboxDirectory;
}

/** The signed-in user of the current request, set by middleware/require-session.ts. */
export interface SessionContext {
  /** SHA-256 of the cookie token: the sessions table's key. */
  sessionId: string;
  user: ConsoleUser;
}

/**
 * What the signed-in user may do, set by access/access-control.ts on every non-public route as `c.get('access')`.
 * Handlers use it to scope what they return, e.g. the send log: `c.get('access').sendLogScope`.
 */
export interface AccessContext {
  user: ConsoleUser;
  /** Granted mailboxes, lower-case. */
  mailboxes: readonly string[];
  abilities: RoleAbilities;
  canReadMailbox(mailbox: string): boolean;
  canSendFrom(mailbox: string): boolean;
  /** `all` for admins and operators; `own` (rows with user_id = userId) for members. */
  sendLogScope: { rows: 'all' } | { rows: 'own'; userId: string };
}

export type AppEnv = { Variables: { session: SessionContext; access: AccessContext } };
