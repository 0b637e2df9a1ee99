import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_ADMIN } from '../src/demo-credentials';
import { startConsole, type RunningConsole } from './console-server';

interface WorkerFixtures {
  /** One console (BFF + seeded emulator) per worker, on its own port and data directory. */
  consoleServer: RunningConsole;
}

interface TestFixtures {
  /** Attaches the console's output to every failed test, next to the trace and the screenshot. */
  consoleOutputOnFailure: void;
  /** A page already signed in as the demo admin, on the domains page. */
  signedInPage: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  consoleServer: [
    // Playwright reads the fixtures a function needs from its first parameter, which must be a destructuring.
    async ({}, use) => {
      const server = await startConsole();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],

  baseURL: async ({ consoleServer }, use) => {
    await use(consoleServer.baseURL);
  },

  consoleOutputOnFailure: [
    async ({ consoleServer }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('console-output.txt', { body: consoleServer.output(), contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],

  // Every test fails on an uncaught exception in the page, even if what it looked at rendered fine.
  page: async ({ page }, use) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await use(page);
    expect(
      pageErrors.map((e) => e.stack ?? e.message),
      'uncaught errors in the page',
    ).toEqual([]);
  },

  signedInPage: async ({ page }, use) => {
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    await use(page);
  },
});

/** Signs in through the form, like a person: the demo admin from src/demo-credentials.ts. */
export async function signIn(page: Page, password: string = DEMO_ADMIN.password) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export { expect, DEMO_ADMIN };
