import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, startServer, type RunningServer } from './index';
import { MISDIRECTED_MESSAGE } from './middleware/host-check';
import { startFakeUpstream, TEST_TOKEN, type FakeUpstream } from './test-support';

/** DNS rebinding: the Host header a real client sends, against consoles listening on 127.0.0.1. */
let fake: FakeUpstream;
const servers: { server: RunningServer; dataDir: string }[] = [];

async function start(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-host-'));
  const config = loadServerConfig({
    PORT: '0',
    CONSOLE_DATA_DIR: dataDir,
    SENTROY_BASE_URL: fake.url,
    SENTROY_COMPANY_SLUG: 'acme',
    SENTROY_ACCESS_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await startServer(config, {});
  servers.push({ server, dataDir });
  return Number(new URL(server.url).port);
}

/** GET with any Host header (fetch would not let a test choose it). */
function get(port: number, pathname: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  for (const { server, dataDir } of servers) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await fake.close();
});

describe('the Host check', () => {
  it('on a loopback bind accepts 127.0.0.1, localhost and [::1] at the listening port, and nothing else', async () => {
    const port = await start();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get(port, '/auth/me', host)).status, host).toBe(401);
    }
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
      `10.0.0.1:${port}`,
    ]) {
      const res = await get(port, '/auth/me', host);
      expect(res.status, host).toBe(421);
      expect(JSON.parse(res.body), host).toEqual({ data: null, error: MISDIRECTED_MESSAGE });
    }
    // Before any handler: the SPA and the API alike.
    expect((await get(port, '/', `evil.example:${port}`)).status).toBe(421);
    expect((await get(port, '/api/domains', `evil.example:${port}`)).status).toBe(421);
  });

  it('leaves /healthz reachable for health checkers whatever their Host', async () => {
    const port = await start();
    const res = await get(port, '/healthz', 'health-checker.internal');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { status: 'ok' } });
  });

  it('with CONSOLE_PUBLIC_URL accepts its host (default port written or not) and the listening address', async () => {
    const port = await start({ CONSOLE_PUBLIC_URL: 'https://console.acme.example' });
    for (const host of ['console.acme.example', 'Console.Acme.Example:443', `127.0.0.1:${port}`]) {
      expect((await get(port, '/auth/me', host)).status, host).toBe(401);
    }
    for (const host of ['console.acme.example:8443', 'evil.example', 'acme.example', `console.acme.example:${port}`]) {
      expect((await get(port, '/auth/me', host)).status, host).toBe(421);
    }
  });
});
