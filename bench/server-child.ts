/**
 * One server of `npm run bench`, in its own process so its CPU and memory are its own (the bench process plays the
 * clients). BENCH_ROLE=emulator: the demo emulator plus BENCH_BULK_COUNT messages in info@acme.example "Bulk".
 * BENCH_ROLE=console: the console (startServer, configured from the environment like `npm start`) serving the SPA
 * from CONSOLE_STATIC_DIR. Either prints one JSON line on stdout once it listens, and stops on SIGTERM.
 */
import { DEMO_ADMIN } from '../src/demo-credentials';
import { DEMO_MAILBOXES, seedBulkMessages, startEmulator } from '../src/emulator/index';
import { loadServerConfig, startServer } from '../src/server/index';
import { BULK_FOLDER } from './context';

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  if (process.env.BENCH_ROLE === 'emulator') {
    const emulator = await startEmulator({ port: 0, dataDir, seed: 'demo', log: () => {} });
    const count = Number(process.env.BENCH_BULK_COUNT ?? 0);
    const started = performance.now();
    if (count > 0) {
      emulator.store.createFolderSync(DEMO_MAILBOXES.info, BULK_FOLDER);
      seedBulkMessages(emulator.store, { mailbox: DEMO_MAILBOXES.info, folder: BULK_FOLDER, count });
    }
    const seedMs = performance.now() - started;
    const { url, companySlug, accessToken } = emulator;
    process.stdout.write(`${JSON.stringify({ url, companySlug, accessToken, seedMs })}\n`);
    process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
  } else if (process.env.BENCH_ROLE === 'console') {
    const server = await startServer(loadServerConfig({ ...process.env, PORT: '0', CONSOLE_DATA_DIR: dataDir }), {
      bootstrapAdmins: [{ ...DEMO_ADMIN }],
      staticDir: process.env.CONSOLE_STATIC_DIR || undefined,
      log: () => {},
    });
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  } else {
    throw new Error('BENCH_ROLE must be emulator or console');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
