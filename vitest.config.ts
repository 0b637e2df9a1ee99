import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

// Unit and integration tests sit beside their code. Web tests opt into a DOM with `// @vitest-environment jsdom`.
export default defineConfig({
  resolve: {
    alias: {
      '@contract': src('contract'),
      '@mail': src('mail'),
      '@web': src('web'),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/web/testing/setup-testing-library.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: forks keep native modules (better-sqlite3) isolated per worker.
    pool: 'forks',
    maxWorkers: 2,
  },
});
