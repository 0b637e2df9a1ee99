import type { ConsoleUser } from '@contract/index';
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
}

/** The signed-in user of the current request, set by middleware/require-session.ts. */
export interface SessionContext {
  /** SHA-256 of the cookie token: the sessions table's key. */
  sessionId: string;
  user: ConsoleUser;
}

export type AppEnv = { Variables: { session: SessionContext } };
