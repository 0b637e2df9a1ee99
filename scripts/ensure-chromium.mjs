#!/usr/bin/env node
// The e2e tests drive Debian's Chromium (browsers cannot be downloaded here). On a fresh machine it is not there yet:
// install it with apt-get when we are root, otherwise say exactly what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(`Chromium is not installed at ${chromium}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}
console.log("Chromium is missing: installing Debian's chromium package…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(1);
  }
}
if (!existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} is still missing`);
  process.exit(1);
}
