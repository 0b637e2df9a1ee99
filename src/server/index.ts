import { readFileSync } from 'node:fs';
import type { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { warmMessageSanitizer } from './routes/message-body';
import { ensureBootstrapUsers, type BootstrapUser } from './access/bootstrap-users';
import { ensureBootstrapAdmins, type BootstrapAdmin } from './auth/bootstrap-admins';
import { createConsoleStore, openConsoleDatabase } from './db/index';
import type { ServerConfig } from './env';
import { guardedCreateServer, httpServerLimits, type HttpServerLimits } from './http-server';
import { createLogger, type LogSink } from './logger';
import { createSentroyClient, type RetryPolicy } from './upstream/client';

export { createApp, type ConsoleApp } from './app';
export type { AppDeps } from './app-types';
export { loadServerConfig, ConfigError, type ServerConfig, type UpstreamConfig, type LogLevel } from './env';
export { createSentroyClient, type SentroyClient, type RetryPolicy } from './upstream/client';
export { createConsoleStore, openConsoleDatabase, type ConsoleStore } from './db/index';
export { createLogger, type Logger, type LogSink } from './logger';
export type { BootstrapAdmin } from './auth/bootstrap-admins';
export type { BootstrapUser } from './access/bootstrap-users';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StartServerOptions {
  /** Shown to the SPA by /auth/me (demo banner); the caller has already pointed `config.upstream` at the emulator. */
  demoMode?: boolean;
  /** Admins created when no user has their email; CONSOLE_ADMIN_* from the config is added automatically. */
  bootstrapAdmins?: BootstrapAdmin[];
  /** Users of any role, with mailbox grants, created when no user has their email (demo mode seeds one per role). */
  bootstrapUsers?: BootstrapUser[];
  /** The built SPA; default `<repo>/dist`. */
  staticDir?: string;
  /** Where log lines go; default stdout. */
  log?: LogSink;
  /** Upstream retry tuning (tests make it fast). */
  retry?: Partial<RetryPolicy>;
  /** The HTTP server's timeouts and connection caps (http-server.ts); tests shorten them. */
  serverLimits?: Partial<HttpServerLimits>;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function consoleVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Open the database, seed admins, and serve the console on config.host:config.port (0 = a free port). */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const { companySlug, accessToken } = config.upstream;
  if (!companySlug || !accessToken) {
    const missing = [!companySlug && 'SENTROY_COMPANY_SLUG', !accessToken && 'SENTROY_ACCESS_TOKEN'].filter(Boolean);
    throw new Error(`Cannot start the console without ${missing.join(' and ')} (or start it in demo mode)`);
  }
  const logger = createLogger({ level: config.logLevel, sink: options.log, secrets: [accessToken] });
  if (config.trustProxy > 0 && !config.publicOrigin) {
    // The Host check (middleware/host-check.ts) knows the public name only from CONSOLE_PUBLIC_URL.
    logger.warn(
      'TRUST_PROXY is set without CONSOLE_PUBLIC_URL: requests addressed to the public host name are refused (421); ' +
        "set CONSOLE_PUBLIC_URL to the console's public URL",
    );
  }
  const version = consoleVersion();
  const store = createConsoleStore(await openConsoleDatabase(path.resolve(config.dataDir)));

  try {
    await store.sessions.deleteExpired(new Date());
    await ensureBootstrapAdmins(
      store,
      [...(config.admin ? [config.admin] : []), ...(options.bootstrapAdmins ?? [])],
      logger,
    );
    await ensureBootstrapUsers(store, options.bootstrapUsers ?? [], logger);
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = createApp({
    config,
    store,
    logger,
    demoMode: options.demoMode ?? false,
    version,
    staticDir: options.staticDir ?? path.join(REPO_ROOT, 'dist'),
    upstream: createSentroyClient(
      { ...config.upstream, companySlug, accessToken },
      { logger, retry: options.retry, userAgent: `sentroy-console/${version}` },
    ),
  });

  // Load the email sanitiser's workers while starting, not when the first message is opened.
  warmMessageSanitizer();

  const limits = httpServerLimits(config.limits.maxConnectionsPerAddress, options.serverLimits);
  const server = serve({
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    createServer: guardedCreateServer(limits, logger) as unknown as typeof createServer,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) => {
      void store.close();
      reject(error);
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info(`sentroy-console listening on ${url}${options.demoMode ? ' (demo mode)' : ''}`);

  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
    },
  };
}
