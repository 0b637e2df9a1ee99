/**
 * The bench's servers as child processes (bench/server-child.ts): started on free loopback ports, their resident
 * memory read from /proc, stopped by pid. Nothing here outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface Child<T> {
  info: T;
  pid: number;
  stop(): Promise<void>;
}

export async function startChild<T>(env: Record<string, string>): Promise<Child<T>> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'server-child.ts')],
    {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)),
    exited.then(() => {
      throw new Error(`bench server (${env.BENCH_ROLE}) exited before it listened`);
    }),
  ]);
  return {
    info: JSON.parse(line) as T,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** VmRSS (now) or VmHWM (peak since start) of a process, in bytes. */
export function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return Number(match?.[1] ?? 0) * 1024;
}
