/**
 * `npm run bench`: one table of ratios and sizes measured in one run on this machine, each with its target (issue 9).
 * The emulator and the console run as child processes (bench/server-child.ts) on loopback; this process plays the
 * browser and the clients. A missed target is a row that says so; the run exits 1 only when a check could not run.
 *
 * Knobs (defaults as the issue asks): BENCH_BULK_COUNT (100000), BENCH_ROUNDS (40 per timing), BENCH_CANNON_SECONDS
 * (10 per autocannon run), BENCH_SESSIONS (200), BENCH_BROWSE_SECONDS (60), BENCH_ONLY (a comma list of checks:
 * bundle, arrival, bff, folder, send, browse).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { bffVsDirect } from './bff-vs-direct';
import { browse } from './browse';
import { buildSpa, bundle, launchChromium } from './bundle';
import { env, type BenchContext, type EmulatorInfo } from './context';
import { signIn } from './http';
import { largeFolder } from './large-folder';
import { largeSend } from './large-send';
import { startChild, type Child } from './processes';
import { sendToRow } from './send-to-row';
import { failedRow, printTable, type Row } from './table';

const CHECKS = {
  bundle: { needsBrowser: true, run: bundle },
  arrival: { needsBrowser: true, run: sendToRow },
  bff: { needsBrowser: false, run: bffVsDirect },
  folder: { needsBrowser: false, run: largeFolder },
  send: { needsBrowser: false, run: () => largeSend() },
  browse: { needsBrowser: false, run: browse },
} satisfies Record<string, { needsBrowser: boolean; run: (ctx: BenchContext, browser: Browser) => Promise<Row[]> }>;
type CheckName = keyof typeof CHECKS;

const machine = () => {
  const [one, five] = os.loadavg();
  return (
    `${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}, ` +
    `load ${one!.toFixed(2)} / ${five!.toFixed(2)} (1 / 5 min)`
  );
};

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const unknown = only?.filter((name) => !(name in CHECKS));
  if (unknown?.length) throw new Error(`BENCH_ONLY: unknown check(s) ${unknown.join(', ')}`);
  const selected = (Object.keys(CHECKS) as CheckName[]).filter((name) => !only || only.includes(name));
  const bulkCount = env('BENCH_BULK_COUNT', 100_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'console-bench-'));
  const children: Child<unknown>[] = [];
  let browser: Browser | undefined;
  const rows: Row[] = [];
  let couldNotRun = false;
  const startedAt = new Date();
  const loadBefore = machine();
  try {
    const staticDir = path.join(dir, 'dist');
    // Seeding and building are set-up, not measured: they may overlap.
    const [emulator] = await Promise.all([
      startChild<EmulatorInfo>({
        BENCH_ROLE: 'emulator',
        BENCH_DATA_DIR: path.join(dir, 'emulator'),
        BENCH_BULK_COUNT: String(bulkCount),
      }).then((child) => {
        children.push(child);
        return child;
      }),
      buildSpa(staticDir),
    ]);
    const consoleServer = await startChild<{ url: string }>({
      BENCH_ROLE: 'console',
      BENCH_DATA_DIR: path.join(dir, 'console'),
      CONSOLE_STATIC_DIR: staticDir,
      SENTROY_BASE_URL: emulator.info.url,
      SENTROY_COMPANY_SLUG: emulator.info.companySlug,
      SENTROY_ACCESS_TOKEN: emulator.info.accessToken,
      // 200 sessions from one loopback address would meet the per-address cap (128) meant for the public side.
      MAX_CONNECTIONS_PER_ADDRESS: '0',
    });
    children.push(consoleServer);
    const ctx: BenchContext = {
      emulator: { ...emulator.info, pid: emulator.pid },
      console: { ...consoleServer.info, pid: consoleServer.pid },
      cookie: await signIn(consoleServer.info.url),
      bulkCount,
      staticDir,
    };
    for (const name of selected) {
      const check = CHECKS[name];
      try {
        if (check.needsBrowser) browser ??= await launchChromium();
        else if (browser) {
          // The browser idles on the same two cores: close it before anything timed without it.
          await browser.close();
          browser = undefined;
        }
        process.stderr.write(`bench: ${name}…\n`);
        rows.push(...(await check.run(ctx, browser!)));
      } catch (error) {
        couldNotRun = true;
        rows.push(failedRow(name, error));
      }
    }
  } finally {
    await browser?.close();
    for (const child of children.reverse()) await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
  console.log(`npm run bench, ${startedAt.toISOString()} (${seconds} s)`);
  console.log(`machine: ${loadBefore}; at the end: load ${os.loadavg()[0]!.toFixed(2)}`);
  console.log(printTable(rows));
  console.log('KB = 1024 bytes. Ratios are BFF / direct or deep / first page, from this run.');
  process.exitCode = couldNotRun ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
