/**
 * `npm run bench`: speed and memory checks that print ratios measured in one run on this machine, so they mean the
 * same on a fast laptop and a busy 2-core CI box. Each check names its target; the run exits 1 if one misses it.
 *
 * - inbox-large-vs-small: first page of a 100,000-message folder vs first page of a 200-message folder (indexed
 *   listing must not grow with the folder).
 * - inbox-deep-vs-first: the last page of the 100,000-message folder vs its first page (OFFSET paging cost).
 * - bff-overhead: GET /api/inbox through the BFF vs the same call straight to the emulator, both over HTTP.
 * - memory-per-page: heap growth while listing 500 pages, per page, vs the size of one page's JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN } from '../src/demo-credentials';
import { DEMO_MAILBOXES, seedBulkMessages, startEmulator } from '../src/emulator/index';
import { loadServerConfig, startServer } from '../src/server/index';

interface Check {
  name: string;
  ratio: number;
  target: number;
  detail: string;
}

const BULK_COUNT = Number(process.env.BENCH_BULK_COUNT ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function median(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm caches and JIT
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
  const emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator'), seed: 'demo' });
  const mailbox = DEMO_MAILBOXES.info;
  const seedStart = performance.now();
  emulator.store.createFolderSync(mailbox, 'Bulk');
  seedBulkMessages(emulator.store, { mailbox, folder: 'Bulk', count: BULK_COUNT });
  const seedMs = performance.now() - seedStart;

  const server = await startServer(
    loadServerConfig({
      PORT: '0',
      CONSOLE_DATA_DIR: join(dir, 'console'),
      SENTROY_BASE_URL: emulator.url,
      SENTROY_COMPANY_SLUG: emulator.companySlug,
      SENTROY_ACCESS_TOKEN: emulator.accessToken,
      LOG_LEVEL: 'silent',
    }),
    { bootstrapAdmins: [{ ...DEMO_ADMIN }], log: () => {} },
  );
  const login = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

  const direct = (query: string) =>
    fetch(`${emulator.url}/api/mail/companies/${emulator.companySlug}/inbox?${query}`, {
      headers: { authorization: `Bearer ${emulator.accessToken}` },
    }).then(async (r) => {
      if (!r.ok) throw new Error(`emulator answered ${r.status}`);
      return r.text();
    });
  const viaBff = (query: string) =>
    fetch(`${server.url}/api/inbox?${query}`, { headers: { cookie } }).then(async (r) => {
      if (!r.ok) throw new Error(`BFF answered ${r.status}`);
      return r.text();
    });

  const mb = encodeURIComponent(mailbox);
  const limit = 50;
  const lastPage = Math.ceil(BULK_COUNT / limit);
  const checks: Check[] = [];

  const small = await median(ROUNDS, () => direct(`mailbox=${mb}&folder=INBOX&page=1&limit=${limit}`));
  const large = await median(ROUNDS, () => direct(`mailbox=${mb}&folder=Bulk&page=1&limit=${limit}`));
  checks.push({
    name: 'inbox-large-vs-small',
    ratio: large / small,
    target: 3,
    detail: `first page of ${BULK_COUNT.toLocaleString('en')} msgs ${large.toFixed(2)} ms vs 200-msg folder ${small.toFixed(2)} ms`,
  });

  const deep = await median(ROUNDS, () => direct(`mailbox=${mb}&folder=Bulk&page=${lastPage}&limit=${limit}`));
  checks.push({
    name: 'inbox-deep-vs-first',
    ratio: deep / large,
    target: 10,
    detail: `page ${lastPage} ${deep.toFixed(2)} ms vs page 1 ${large.toFixed(2)} ms`,
  });

  const throughBff = await median(ROUNDS, () => viaBff(`mailbox=${mb}&folder=Bulk&page=1&limit=${limit}`));
  checks.push({
    name: 'bff-overhead',
    ratio: throughBff / large,
    target: 3,
    detail: `via BFF ${throughBff.toFixed(2)} ms vs direct ${large.toFixed(2)} ms`,
  });

  const pageBytes = (await viaBff(`mailbox=${mb}&folder=Bulk&page=1&limit=${limit}`)).length;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const pages = 500;
  for (let page = 1; page <= pages; page++) await viaBff(`mailbox=${mb}&folder=Bulk&page=${page}&limit=${limit}`);
  global.gc?.();
  const heapGrowthPerPage = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / pages;
  checks.push({
    name: 'memory-per-page',
    ratio: heapGrowthPerPage / pageBytes,
    target: 1,
    detail: `heap growth ${(heapGrowthPerPage / 1024).toFixed(1)} KiB/page vs ${(pageBytes / 1024).toFixed(1)} KiB of JSON per page${global.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`,
  });

  await server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `seeded ${BULK_COUNT.toLocaleString('en')} messages in ${seedMs.toFixed(0)} ms; ${ROUNDS} rounds per timing (median)`,
  );
  let failed = 0;
  for (const c of checks) {
    const ok = c.ratio <= c.target;
    if (!ok) failed++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} ${c.name.padEnd(22)} ratio ${c.ratio.toFixed(2).padStart(6)} (target ≤ ${c.target})  ${c.detail}`,
    );
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
