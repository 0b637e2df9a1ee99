import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { EmulatorEnv } from './context';
import { createEmulatorApp } from './app';
import { ACCESS_TOKEN_PATTERN } from './auth/token';
import { FaultSwitch, parseFaultSpec } from './faults/fault-switch';
import { Scheduler } from './send/scheduler';
import { SendService } from './send/send-service';
import { CompanyStore } from './store/company-store';
import { openDatabase } from './store/database';
import { JobStore } from './store/job-store';
import { SqliteMessageStore } from './store/sqlite-message-store';
import { DEMO_ACCESS_TOKEN, DEMO_COMPANY_SLUG } from './seed/demo-data';
import { ensureCompany, seedDemo, type SeedKind } from './seed/seed-demo';
import { seedTestExtras, type TestExtra } from './seed/test-extras';

export { createEmulatorApp } from './app';
export type { EmulatorDeps, EmulatorEnv } from './context';
export type { MessageStore } from './store/message-store';
export { SqliteMessageStore } from './store/sqlite-message-store';
export { seedBulkMessages } from './seed/bulk';
export * from './seed/demo-data';
export { parseTestExtras, TEST_EXTRAS, type TestExtra } from './seed/test-extras';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = a free port. Default 0. */
  port?: number;
  /** Holds emulator.sqlite; seeded only when empty. */
  dataDir: string;
  /** Default "acme". */
  companySlug?: string;
  /** Must match ^stk_[0-9a-f]{48}$. Default DEMO_ACCESS_TOKEN. */
  accessToken?: string;
  /** Default "demo". */
  seed?: SeedKind;
  /** Fault spec such as "latency=200,error=0.1,rate429=0.05,drop=0.01"; off by default. */
  faults?: string;
  /** Mount POST /__emulator/faults (tests only). */
  faultControl?: boolean;
  log?: (line: string) => void;
  /** Injectable clock for scheduled sends (ms since epoch). */
  clock?: () => number;
  /** How often the scheduler looks for due scheduled sends. Default 250 ms. */
  schedulerIntervalMs?: number;
  /** Random source of the fault switch (tests make it deterministic). */
  random?: () => number;
  /** Test hook: extra data sets seeded after the demo (seed/test-extras.ts), e.g. ["hostile", "bulk100k"]. */
  extras?: readonly TestExtra[];
  /** Test hook: where the hostile corpus' remote URLs point (a listener the test owns). */
  remoteBase?: string;
}

/** An emulator without a listening socket: use `app.request()` in tests. */
export interface EmulatorInstance {
  app: Hono<EmulatorEnv>;
  companySlug: string;
  accessToken: string;
  store: SqliteMessageStore;
  companies: CompanyStore;
  jobs: JobStore;
  faults: FaultSwitch;
  scheduler: Scheduler;
  /** True when this start seeded the (empty) data folder. */
  seeded: boolean;
  close(): Promise<void>;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  companySlug: string;
  accessToken: string;
  store: SqliteMessageStore;
  instance: EmulatorInstance;
  close(): Promise<void>;
}

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

function isEmptyFolder(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Open the data folder, migrate, seed an empty folder, and build the app (no port). */
export async function createEmulator(options: EmulatorOptions): Promise<EmulatorInstance> {
  const companySlug = options.companySlug ?? DEMO_COMPANY_SLUG;
  const accessToken = options.accessToken ?? DEMO_ACCESS_TOKEN;
  if (!ACCESS_TOKEN_PATTERN.test(accessToken)) {
    throw new Error(
      'Emulator access token must be "stk_" followed by 48 lower-case hex characters (e.g. stk_0123…cdef)',
    );
  }
  if (!SLUG_PATTERN.test(companySlug))
    throw new Error(`Emulator company slug "${companySlug}" must be lower-case letters, digits and "-"`);
  const log = options.log ?? (() => {});
  const faults = new FaultSwitch(parseFaultSpec(options.faults), options.random);
  const clock = options.clock ?? Date.now;

  const empty = isEmptyFolder(options.dataDir);
  const { db } = openDatabase(options.dataDir);
  const companies = new CompanyStore(db);
  const store = new SqliteMessageStore(db);
  const jobs = new JobStore(db);
  try {
    if (empty) {
      const started = Date.now();
      await seedDemo(
        { companies, messages: store },
        { companySlug, accessToken, seed: options.seed ?? 'demo', now: new Date(clock()) },
      );
      if (options.extras?.length) {
        await seedTestExtras(store, options.extras, { remoteBase: options.remoteBase, now: new Date(clock()) });
      }
      log(`seeded ${options.seed ?? 'demo'} data into ${options.dataDir} in ${Date.now() - started} ms`);
    } else {
      // An existing data folder keeps its data; only make sure the configured company and token work.
      ensureCompany({ companies, messages: store }, { companySlug, accessToken });
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const send = new SendService({ companies, messages: store, jobs, clock, log });
  const scheduler = new Scheduler({
    runDue: () => send.runDueJobs(),
    intervalMs: options.schedulerIntervalMs ?? 250,
    log,
  });
  scheduler.start();
  const app = createEmulatorApp({
    companies,
    messages: store,
    jobs,
    send,
    faults,
    faultControl: options.faultControl ?? false,
    log,
  });
  let closed = false;
  return {
    app,
    companySlug,
    accessToken,
    store,
    companies,
    jobs,
    faults,
    scheduler,
    seeded: empty,
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      db.close();
    },
  };
}

const IDLE_KEEP_ALIVE_MS = 65_000;

/** Start the emulator on a real port. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const instance = await createEmulator(options);
  const host = options.host ?? '127.0.0.1';
  let server: ServerType;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: instance.app.fetch, hostname: host, port: options.port ?? 0 }, (info: AddressInfo) =>
      resolve(info.port),
    );
    // Idle connections stay open for a minute, like the platform's proxies. With Node's default of 5 s, the BFF's
    // pooled connection could be closed by the emulator just as the BFF reused it for a POST on a busy machine,
    // which fails (a POST is not retried) as a 502.
    (server as Server).keepAliveTimeout = IDLE_KEEP_ALIVE_MS;
    (server as Server).headersTimeout = IDLE_KEEP_ALIVE_MS + 5_000;
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await instance.close();
    throw error;
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    companySlug: instance.companySlug,
    accessToken: instance.accessToken,
    store: instance.store,
    instance,
    async close() {
      await new Promise<void>((resolve) => {
        // Keep-alive sockets would hold close() open; end them.
        if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function')
          server.closeAllConnections();
        server.close(() => resolve());
      });
      await instance.close();
    },
  };
}
