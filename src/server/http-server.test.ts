import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardedCreateServer, httpServerLimits, type HttpServerLimits } from './http-server';
import { loadServerConfig, startServer, type RunningServer } from './index';
import { createLogger } from './logger';
import { startFakeUpstream, TEST_TOKEN, type FakeUpstream } from './test-support';

/**
 * The HTTP server's limits against real sockets: a console from startServer() on 127.0.0.1, clients written with
 * node:net so they can misbehave (stop mid-headers, trickle a body, open many connections).
 */
let fake: FakeUpstream;
const running: { server: RunningServer; dataDir: string }[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const { server, dataDir } of running.splice(0)) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await fake.close();
});

async function start(serverLimits: Partial<HttpServerLimits>, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-http-'));
  const lines: string[] = [];
  const config = loadServerConfig({
    PORT: '0',
    CONSOLE_DATA_DIR: dataDir,
    SENTROY_BASE_URL: fake.url,
    SENTROY_COMPANY_SLUG: 'acme',
    SENTROY_ACCESS_TOKEN: TEST_TOKEN,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const server = await startServer(config, { serverLimits, log: (line) => lines.push(line) });
  running.push({ server, dataDir });
  const url = new URL(server.url);
  return { url: server.url, port: Number(url.port), lines };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

/** Everything the server writes until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.once('close', () => resolve(text));
  });
}

describe('the HTTP server limits', () => {
  it('defaults: headers within 10 s, uploads up to 20 minutes at ≥ 32 KiB/s over 30 s windows, keep-alive 5 s', () => {
    const limits = httpServerLimits(128);
    expect(limits).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 20 * 60_000,
      keepAliveTimeoutMs: 5_000,
      minBodyBytesPerSecond: 32 * 1024,
      bodyRateWindowMs: 30_000,
      maxConnectionsPerAddress: 128,
      maxConnections: 2_048,
    });
    const logger = createLogger({ level: 'silent', secrets: [] });
    const server = guardedCreateServer(limits, logger)({}, () => {});
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(20 * 60_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(server.maxConnections).toBe(2_048);
    // The largest send (30 MB) gets through at the minimum rate before the request timeout.
    expect((30 * 1024 * 1024) / limits.minBodyBytesPerSecond).toBeLessThan(limits.requestTimeoutMs / 1000);
  });

  it('answers 408 and closes a connection whose headers never finish', async () => {
    const { port } = await start({ headersTimeoutMs: 400 });
    const socket = await open(port);
    const answer = untilClosed(socket);
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose body trickles in under the minimum rate', async () => {
    const { port, lines } = await start({ minBodyBytesPerSecond: 2_000, bodyRateWindowMs: 300 });
    const socket = await open(port);
    const answer = untilClosed(socket);
    socket.write(
      `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 5000\r\n\r\n{"email":',
    );
    // Ten bytes and then nothing: far under 2,000 bytes/s. No answer, just the closed connection.
    expect(await answer).toBe('');
    expect(lines.some((l) => /body slower than 2000 bytes\/s/.test(l))).toBe(true);
  });

  it('does not count the time a large send waits for its slot against the body rate', async () => {
    const windowMs = 200;
    const { url } = await start(
      { minBodyBytesPerSecond: 50_000, bodyRateWindowMs: windowMs },
      { MAX_CONCURRENT_LARGE_SENDS: '1', CONSOLE_ADMIN_EMAIL: 'a@console.test', CONSOLE_ADMIN_PASSWORD: 'admin pass' },
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sends = 0;
    fake.handler = (req) => {
      if (req.path.endsWith('/mailboxes')) {
        return Response.json({ data: [{ email: 'info@acme.test', domain: 'acme.test', username: 'info' }] });
      }
      if (!req.path.endsWith('/send')) return undefined;
      const n = ++sends;
      return held.then(() => Response.json({ data: { jobId: `job-${n}`, status: 'queued' } }, { status: 201 }));
    };
    try {
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@console.test', password: 'admin pass' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const body = JSON.stringify({
        from: 'info@acme.test',
        to: 'bob@example.com',
        subject: 'Large',
        domainId: 'd1',
        text: 't',
        attachments: [{ filename: 'a.bin', content: 'QUFB'.repeat(500_000) }],
      });
      const send = () =>
        fetch(`${url}/api/send`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
      const first = send();
      await expect.poll(() => sends, { timeout: 20_000 }).toBe(1);
      const second = send();
      // The behaviour under test is time passing: the second body sits unread in its socket for many rate windows.
      await new Promise((resolve) => setTimeout(resolve, 10 * windowMs));
      release();
      expect((await first).status).toBe(201);
      expect((await second).status).toBe(201);
      expect(sends).toBe(2);
    } finally {
      fake.handler = undefined;
    }
  });

  it('serves a body that keeps the rate', async () => {
    const { url } = await start({ minBodyBytesPerSecond: 2_000, bodyRateWindowMs: 300 });
    const res = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@console.test', password: 'x'.repeat(500) }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses connections beyond the cap per address with a 503 envelope, and takes new ones when some close', async () => {
    const { port, url } = await start({ maxConnectionsPerAddress: 3 });
    const held = await Promise.all([open(port), open(port), open(port)]);
    const fourth = await open(port);
    const answer = await untilClosed(fourth);
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nRetry-After: 5\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({
      data: null,
      error: 'Too many open connections from your address',
    });
    const closed = new Promise((resolve) => held[0]!.once('close', resolve));
    held[0]!.destroy();
    await closed;
    // The server sees the close asynchronously: retry until a new connection is served.
    await expect
      .poll(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.status, { timeout: 5_000 })
      .toBe(200);
  });

  it('reads MAX_CONNECTIONS_PER_ADDRESS, and turns the cap off behind a trusted proxy unless it is set', () => {
    expect(loadServerConfig({}).limits.maxConnectionsPerAddress).toBe(128);
    expect(loadServerConfig({ MAX_CONNECTIONS_PER_ADDRESS: '10' }).limits.maxConnectionsPerAddress).toBe(10);
    expect(loadServerConfig({ TRUST_PROXY: 'true' }).limits.maxConnectionsPerAddress).toBe(0);
    expect(
      loadServerConfig({ TRUST_PROXY: 'true', MAX_CONNECTIONS_PER_ADDRESS: '500' }).limits.maxConnectionsPerAddress,
    ).toBe(500);
  });
});
