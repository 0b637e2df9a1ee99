#!/usr/bin/env node
// Builds the SPA into dist/ when it is missing or older than its sources, so `npm start` works on a fresh clone
// right after `npm install`. `--force` always rebuilds (the e2e gate tests what the sources say now).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.env.CONSOLE_STATIC_DIR || join(root, 'dist');
const builtIndex = join(outDir, 'index.html');
const sources = ['index.html', 'vite.config.ts', 'package-lock.json', 'public', 'src/web', 'src/contract'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const force = process.argv.includes('--force');
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));

if (!force && builtAt > sourcesAt) process.exit(0);

console.log(force ? 'Building the web app…' : 'The web app is missing or stale: building it…');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
