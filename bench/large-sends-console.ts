/**
 * The console process measured by bench/large-sends.ts: startServer() from the source tree named by BENCH_ROOT
 * (default: this checkout), configured from the environment, printing its URL as one JSON line on stdout.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ConsoleServer from '../src/server/index';

const root = path.resolve(process.env.BENCH_ROOT ?? path.join(import.meta.dirname, '..'));
const server = (await import(pathToFileURL(path.join(root, 'src/server/index.ts')).href)) as typeof ConsoleServer;
const running = await server.startServer(server.loadServerConfig(process.env), {
  bootstrapAdmins: [{ email: 'bench@console.test', password: 'bench password' }],
  log: process.env.BENCH_LOG ? (line) => process.stderr.write(`${line}\n`) : () => {},
});
process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
