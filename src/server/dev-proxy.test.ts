import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, startServer, type RunningServer } from './index';
import { startFakeUpstream, TEST_TOKEN, type FakeUpstream } from './test-support';

/**
 * `npm run dev`: Vite serves the SPA and forwards /api, /auth and /healthz to the console. The console answers only
 * to its own host names and origin, so the proxy must present them (vite.config.ts): sign in and read /auth/me
 * through a real Vite dev server in front of a real console.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const admin = { email: 'dev@console.test', password: 'dev password 1' };
let fake: FakeUpstream;
let consoleServer: RunningServer;
let vite: ViteDevServer;
let viteUrl: string;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeUpstream();
  dataDir = mkdtempSync(path.join(tmpdir(), 'bff-dev-proxy-'));
  consoleServer = await startServer(
    loadServerConfig({
      PORT: '0',
      CONSOLE_DATA_DIR: dataDir,
      SENTROY_BASE_URL: fake.url,
      SENTROY_COMPANY_SLUG: 'acme',
      SENTROY_ACCESS_TOKEN: TEST_TOKEN,
      LOG_LEVEL: 'silent',
    }),
    { bootstrapAdmins: [admin] },
  );
  process.env.CONSOLE_DEV_BFF_URL = consoleServer.url;
  vite = await createViteServer({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    logLevel: 'silent',
  });
  await vite.listen();
  viteUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
});

afterAll(async () => {
  delete process.env.CONSOLE_DEV_BFF_URL;
  await vite?.close();
  await consoleServer?.close();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Vite dev proxy', () => {
  it('reaches the console past its Host and Origin checks', async () => {
    expect(viteUrl).not.toBe(consoleServer.url);
    expect((await fetch(`${viteUrl}/healthz`)).status).toBe(200);
    // What the SPA on the dev server sends: its own origin, the dev server's Host.
    const login = await fetch(`${viteUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: viteUrl },
      body: JSON.stringify(admin),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await fetch(`${viteUrl}/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { user: { email: string } } }).data.user.email).toBe(admin.email);
  });

  it('still refuses a cross-origin page behind the proxy', async () => {
    const res = await fetch(`${viteUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify(admin),
    });
    expect(res.status).toBe(403);
  });
});
