/**
 * A 20 MB send through the BFF: its peak resident memory growth as a multiple of the payload. Reuses
 * bench/large-sends.ts (the console in a child process, a platform stand-in that reads and discards the send), with
 * one send of a 20 MiB attachment, and reads the figures it prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { mb, times, type Row } from './table';

const ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function largeSend(): Promise<Row[]> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'large-sends.ts')], {
      env: { ...process.env, BENCH_SENDS: '1', BENCH_ATTACHMENT_BYTES: String(ATTACHMENT_BYTES) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`large-sends.ts exited ${code}`))));
  });
  // "1 concurrent sends of 26.7 MB (…): RSS 80 MB before, peak 150 MB (+70 MB); answers 1×201; 1.2 s"
  const match = output.match(/of ([\d.]+) MB .*RSS (\d+) MB before, peak (\d+) MB .*answers ([^;]+);/);
  if (!match) throw new Error(`large-sends.ts printed something else: ${output.trim().slice(0, 200)}`);
  const MiB = 1024 * 1024;
  const bodyBytes = Number(match[1]) * MiB;
  const growth = (Number(match[3]) - Number(match[2])) * MiB;
  const ratio = growth / bodyBytes;
  return [
    {
      check: 'one 20 MB send: BFF peak RSS growth / payload',
      figure: times(ratio),
      target: '≤ 3.00×',
      met: ratio <= 3 && /^1×20[01]/.test(match[4]!.trim()),
      note:
        `+${mb(growth)} over ${mb(Number(match[2]) * MiB)} for a ${mb(bodyBytes)} JSON body ` +
        `(20 MiB attachment, base64; ${times(growth / ATTACHMENT_BYTES)} of the attachment); answered ${match[4]!.trim()}`,
    },
  ];
}
