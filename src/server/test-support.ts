/**
 * Test helpers for src/server: a fake Sentroy (a tiny Hono app on 127.0.0.1:0 that records what it receives and
 * answers canned envelopes) and a harness that builds the BFF with createApp() against it, on a temp data dir.
 * Not the emulator: the BFF's tests must not depend on it. Every response text, header and log line is collected so
 * a test can prove the access token never leaves the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { CompanyMailboxDirectory } from './access/company-mailboxes';
import { createApp } from './app';
import { ensureBootstrapAdmins } from './auth/bootstrap-admins';
import { createConsoleStore, openConsoleDatabase, type ConsoleStore } from './db/index';
import { loadServerConfig, type ServerConfig } from './env';
import { createLogger } from './logger';
import { createSentroyClient, type RetryPolicy } from './upstream/client';

export const TEST_TOKEN = `stk_${'c0ffee'.repeat(8)}`;
export const TEST_SLUG = 'acme';
export const ADMIN = { email: 'admin@console.test', password: 'correct horse battery' };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Override the answer for the next requests; return undefined to fall back to the canned envelope. */
  handler: ((req: RecordedRequest, attempt: number) => Response | Promise<Response> | undefined) | undefined;
  close(): Promise<void>;
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const fake: FakeUpstream = { url: '', requests: [], handler: undefined, close: async () => {} };
  const app = new Hono().all('*', async (c) => {
    const url = new URL(c.req.url);
    const recorded: RecordedRequest = {
      method: c.req.method,
      path: url.pathname,
      query: url.searchParams,
      authorization: c.req.header('authorization'),
      body: await c.req.text(),
    };
    fake.requests.push(recorded);
    const custom = await fake.handler?.(recorded, fake.requests.length);
    if (custom) return custom;
    if (url.pathname.endsWith('/download')) {
      return new Response('%PDF-1.4 fake', {
        headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="report.pdf"' },
      });
    }
    const created = url.pathname.endsWith('/send') || url.pathname.endsWith('/inbox/drafts');
    const status = c.req.method === 'POST' && created ? 201 : 200;
    return c.json({ data: { echo: `${c.req.method} ${url.pathname}` } }, status);
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  // Idle connections stay open past any test's pause: with Node's 5 s default the BFF's pooled connection could be
  // closed just as it was reused for a POST (after a slow 27 MB refusal, say), which fails as a 502.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  return fake;
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  config: ServerConfig;
  store: ConsoleStore;
  logs: string[];
  /** Every response body and header block seen, for the token-leak check. */
  seen: string[];
  request(urlPath: string, init?: RequestInit & { json?: unknown }): Promise<Response & { text_: string }>;
  /** Sign in as ADMIN and return the `name=value` cookie pair. */
  login(): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  upstreamUrl?: string;
  staticDir?: string;
  retry?: Partial<RetryPolicy>;
  now?: () => Date;
  /**
   * The company's mailboxes (issue 8's boundary): `'upstream'` uses the real directory over the fake's
   * `GET /mailboxes`, as the console does; a list fixes them; left out, every address counts as the company's, for
   * tests about other things (the boundary's own tests are access/*.test.ts and integration/company-boundary.test.ts).
   */
  companyMailboxes?: readonly string[] | 'upstream';
}

function fixedCompanyMailboxes(list: readonly string[] | undefined): CompanyMailboxDirectory {
  const known = list && new Set(list.map((m) => m.toLowerCase()));
  return {
    foreign: async (names) => (known ? names.filter((n) => !known.has(n)) : []),
    list: async () => known ?? new Set(),
  };
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-test-'));
  const config = loadServerConfig({
    CONSOLE_DATA_DIR: dataDir,
    SENTROY_BASE_URL: options.upstreamUrl ?? 'http://127.0.0.1:9',
    SENTROY_COMPANY_SLUG: TEST_SLUG,
    SENTROY_ACCESS_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs: string[] = [];
  const seen: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line), secrets: [] });
  const store = createConsoleStore(await openConsoleDatabase(dataDir));
  await ensureBootstrapAdmins(store, [ADMIN], logger);
  const app = createApp({
    config,
    store,
    logger,
    demoMode: false,
    version: '9.9.9-test',
    staticDir: options.staticDir ?? path.join(dataDir, 'no-dist'),
    now: options.now,
    companyMailboxes:
      options.companyMailboxes === 'upstream' ? undefined : fixedCompanyMailboxes(options.companyMailboxes),
    upstream: createSentroyClient(
      { ...config.upstream, companySlug: TEST_SLUG, accessToken: TEST_TOKEN },
      { logger, retry: { baseDelayMs: 5, ...options.retry } },
    ),
  });

  const request: Harness['request'] = async (urlPath, init = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const res = await app.request(urlPath, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
    const text_ = await res.clone().text();
    seen.push(text_, JSON.stringify([...res.headers.entries()]));
    return Object.assign(res, { text_ });
  };

  return {
    app,
    config,
    store,
    logs,
    seen,
    request,
    async login() {
      const res = await request('/auth/login', { method: 'POST', json: ADMIN });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text_}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
