import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** Enough of the console's log to explain a failed start, without holding a long run's output in memory. */
const MAX_OUTPUT_CHARS = 20_000;

export interface RunningConsole {
  baseURL: string;
  /** What the console printed so far: attached to failures. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Asks the OS for a free port: listen on :0, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not read the free port'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Signals the whole process group: tsx runs the console in a child node process of its own. */
function signalTree(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopTree(child: ChildProcess) {
  signalTree(child, 'SIGTERM');
  const timedOut = await Promise.race([
    exited(child).then(() => false),
    new Promise<boolean>((done) => setTimeout(() => done(true), STOP_TIMEOUT_MS).unref()),
  ]);
  // Grandchildren may outlive the parent: always sweep the group.
  signalTree(child, 'SIGKILL');
  if (timedOut) await exited(child);
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The console exited (${child.exitCode ?? child.signalCode}) before it was healthy.\n${output()}`);
    }
    try {
      const response = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    // Polling, not sleeping for a guessed time: the loop ends as soon as the console answers.
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `The console did not answer GET /healthz with 200 within ${STARTUP_TIMEOUT_MS / 1000} s (${lastProblem}).\n${output()}`,
  );
}

/**
 * Starts the console exactly as `npm start` does after its build check: `tsx src/start.ts` from the repository
 * root, in demo mode (no SENTROY_ACCESS_TOKEN, so it starts the seeded emulator), on a free port and with a data
 * directory of its own.
 */
export async function startConsole(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningConsole> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'sentroy-console-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CONSOLE_DATA_DIR: dataDir,
    // Empty rather than deleted: start.ts reads .env, which never overrides a variable that is already set, so a
    // developer's real token in .env cannot turn the tests against a live company.
    SENTROY_ACCESS_TOKEN: '',
    SENTROY_COMPANY_SLUG: '',
    CONSOLE_ADMIN_EMAIL: '',
    CONSOLE_ADMIN_PASSWORD: '',
    CONSOLE_PUBLIC_URL: '',
    // Test hooks such as CONSOLE_DEMO_EXTRA / CONSOLE_DEMO_REMOTE_BASE (src/emulator/README.md).
    ...extraEnv,
  };

  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
  };
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['src/start.ts'], {
    cwd: repoRoot,
    env,
    // Its own process group, so stop() can signal tsx and the node process it starts in one go.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const readOutput = () => `--- console output ---\n${output}`;

  const stop = async () => {
    await stopTree(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, child, readOutput);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, output: readOutput, stop };
}
