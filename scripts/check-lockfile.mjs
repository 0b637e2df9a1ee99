#!/usr/bin/env node
// `npm ci` refuses a lock file that misses an optional dependency of some package (the platform binaries of
// tailwind's oxide, unrs-resolver, …). The npm registry reachable here sometimes serves the newest version of such a
// package for Linux only; npm then leaves the other platforms out of the lock and CI's `npm ci` fails. Catch that
// before pushing: pin the package to a version whose binaries all exist (see "overrides" in package.json).
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const missing = [];
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
    if (!lock.packages[`node_modules/${dep}`] && !lock.packages[`${path}/node_modules/${dep}`])
      missing.push(`${path} → ${dep}`);
  }
}
if (missing.length > 0) {
  console.error(`package-lock.json misses ${missing.length} optional dependencies, so \`npm ci\` will fail:`);
  for (const m of missing.slice(0, 20)) console.error(`  ${m}`);
  process.exit(1);
}
