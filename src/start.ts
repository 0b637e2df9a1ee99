/**
 * The composition root of `npm start`. With SENTROY_ACCESS_TOKEN it starts the BFF against Sentroy; without it
 * (demo mode) it first starts the emulator on a free loopback port and points the BFF at it over HTTP, exactly as it
 * would point at sentroy.com. Only this file knows both: the BFF never learns which upstream it has.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_ADMIN, DEMO_USERS } from './demo-credentials';
import { parseTestExtras, startEmulator, type RunningEmulator } from './emulator/index';
import { loadServerConfig, startServer, type ServerConfig } from './server/index';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');

  let config: ServerConfig;
  try {
    config = loadServerConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  const demoMode = !process.env.SENTROY_ACCESS_TOKEN;
  let emulator: RunningEmulator | undefined;
  if (demoMode) {
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(resolve(config.dataDir), 'emulator'),
      seed: 'demo',
      // Test hooks, demo mode only (src/emulator/README.md): extra seeded data sets for the e2e suite.
      extras: parseTestExtras(process.env.CONSOLE_DEMO_EXTRA),
      remoteBase: process.env.CONSOLE_DEMO_REMOTE_BASE || undefined,
    });
    config = {
      ...config,
      upstream: {
        ...config.upstream,
        baseUrl: emulator.url,
        apiPath: '/api/mail/companies',
        companySlug: emulator.companySlug,
        accessToken: emulator.accessToken,
      },
    };
  }

  const server = await startServer(config, {
    demoMode,
    // Where the built SPA is; default dist/ (vite.config.ts reads the same variable).
    staticDir: process.env.CONSOLE_STATIC_DIR || undefined,
    bootstrapUsers: demoMode ? DEMO_USERS.map((u) => ({ ...u, mailboxes: [...u.mailboxes] })) : [],
    log: (line) => console.log(line),
  });

  console.log('');
  console.log(`sentroy-console is listening on ${server.url}`);
  if (demoMode) {
    console.log(
      `Demo mode: no SENTROY_ACCESS_TOKEN, using the built-in Sentroy emulator (company "${emulator?.companySlug}").`,
    );
    console.log(`Sign in with ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
    for (const u of DEMO_USERS.slice(1)) console.log(`  or as ${u.role}: ${u.email} / ${u.password}`);
  } else {
    console.log(`Upstream: ${config.upstream.baseUrl} (company "${config.upstream.companySlug}")`);
  }
  if (config.admin) console.log(`Admin from CONSOLE_ADMIN_EMAIL: ${config.admin.email}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await server.close();
    await emulator?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
