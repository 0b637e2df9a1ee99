/**
 * Peak memory of the console under concurrent large sends (issue 8: "Sixteen concurrent 28 MB sends push the process
 * near 1 GB"). Not part of `npm run bench` (it takes a minute and half a gigabyte); run it alone:
 *
 *   npx tsx bench/large-sends.ts                 # this checkout, default limits
 *   BENCH_ROOT=/path/to/old/checkout npx tsx bench/large-sends.ts   # the same load against another source tree
 *   MAX_CONCURRENT_LARGE_SENDS=16 npx tsx bench/large-sends.ts      # the gate opened as wide as the load
 *
 * The console runs in a child process (bench/large-sends-console.ts) so only its memory is measured; this process
 * plays the browser (16 sends of a 28 MB JSON body, streamed from one shared buffer) and the platform (an upstream
 * that reads each send and answers 201 after 200 ms). Printed: the console's resident memory before the load and its
 * peak during it (VmHWM, from /proc), and how the sends were answered.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const SENDS = Number(process.env.BENCH_SENDS ?? 16);
const ATTACHMENT_BYTES = Number(process.env.BENCH_ATTACHMENT_BYTES ?? 20 * 1024 * 1024);
const TOKEN = `stk_${'be7c'.repeat(12)}`;

function readAll(req: IncomingMessage): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => resolve(bytes));
    req.on('error', reject);
  });
}

/** The platform: lists one mailbox, takes sends (reading and discarding their bodies) and answers 201. */
async function startUpstream() {
  const server = createServer(async (req, res) => {
    // A send the console gave up on (its upstream timeout) arrives cut short: answer nothing, never crash.
    if (
      !(await readAll(req).then(
        () => true,
        () => false,
      ))
    )
      return;
    res.setHeader('content-type', 'application/json');
    if (req.url?.includes('/mailboxes')) {
      res.end(JSON.stringify({ data: [{ email: 'info@acme.test', domain: 'acme.test', username: 'info' }] }));
    } else if (req.url?.endsWith('/send')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      res.statusCode = 201;
      res.end(JSON.stringify({ data: { jobId: `job-${Math.random()}`, status: 'queued' } }));
    } else {
      res.end(JSON.stringify({ data: [] }));
    }
  });
  // Longer than the console's pooled connections stay idle: no send hits a connection this side just closed.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const memory = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return Number(line?.[1] ?? 0) / 1024;
};

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-bench-sends-'));
  const upstream = await startUpstream();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'large-sends-console.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      CONSOLE_DATA_DIR: dir,
      SENTROY_BASE_URL: upstream.url,
      SENTROY_COMPANY_SLUG: 'acme',
      SENTROY_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: process.env.BENCH_LOG ?? 'silent',
      // The load is the point, not the platform's speed: a busy machine must not turn sends into 504s.
      UPSTREAM_TIMEOUT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout! }).once('line', resolve),
    );
    const { url } = JSON.parse(line) as { url: string };
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@console.test', password: 'bench password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const content = Buffer.alloc(ATTACHMENT_BYTES, 7).toString('base64');
    const body = Buffer.from(
      JSON.stringify({
        from: 'info@acme.test',
        to: 'bob@example.com',
        subject: 'Large attachment',
        domainId: 'd1',
        text: 'See attached.',
        attachments: [{ filename: 'large.bin', content }],
      }),
    );
    // Warm up the console's code paths with one small send, then settle.
    await post(url, cookie, Buffer.from(body.subarray(0, 0)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = memory(child.pid!, 'VmRSS');

    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: SENDS }, () => post(url, cookie, body)));
    const seconds = (performance.now() - started) / 1000;
    const peak = memory(child.pid!, 'VmHWM');
    const counts = Object.entries(
      statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
    )
      .map(([status, n]) => `${n}×${status}`)
      .join(', ');
    console.log(
      `${SENDS} concurrent sends of ${(body.length / 1024 / 1024).toFixed(1)} MB` +
        ` (MAX_CONCURRENT_LARGE_SENDS=${process.env.MAX_CONCURRENT_LARGE_SENDS ?? 'default'}` +
        `${process.env.BENCH_ROOT ? `, source ${process.env.BENCH_ROOT}` : ''}):` +
        ` RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB);` +
        ` answers ${counts}; ${seconds.toFixed(1)} s`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    upstream.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** POST /api/send with the body written in 1 MB chunks (as a browser uploads), answered with its status. */
function post(url: string, cookie: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/send`,
      {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'content-length': body.length, origin: url },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 1024 * 1024);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

await main();
