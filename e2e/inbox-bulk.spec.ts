import { BULK_COUNT, BULK_FOLDER, BULK_MAILBOX } from '../src/emulator/seed/test-extras';
import type { Locator } from '@playwright/test';
import { startConsole, type RunningConsole } from './console-server';
import { expect, test as base } from './fixtures';

// This file's worker runs its own console with a folder of 100,000 messages (seeding takes about 1.5 s).
const test = base.extend<object, { consoleServer: RunningConsole }>({
  consoleServer: [
    async ({}, use) => {
      const server = await startConsole({ CONSOLE_DEMO_EXTRA: 'bulk100k' });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

/** Rendered rows must stay far below one API page (100), wherever the list is scrolled. */
const MAX_RENDERED_ROWS = 100;
const ROW_HEIGHT = 60;

/**
 * Scrolls the list's own scroll container to `fraction` of its height and waits until the row at the top of the
 * view is loaded (newest first: row i holds "Bulk message <count - i>"). Returns the rendered rows and the time taken.
 */
async function scrollTo(grid: Locator, fraction: number) {
  const started = Date.now();
  const top = await grid.evaluate((el, f) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
    return el.scrollTop;
  }, fraction);
  const firstVisible = Math.floor(top / ROW_HEIGHT);
  await expect(grid.getByText(`Bulk message ${BULK_COUNT - firstVisible}`, { exact: true })).toBeVisible();
  return { rendered: await grid.getByRole('row').count(), ms: Date.now() - started };
}

test('a folder of 100,000 messages scrolls to the end with a bounded number of rendered rows', async ({
  signedInPage: page,
}, testInfo) => {
  await page.goto(`/inbox/${encodeURIComponent(BULK_MAILBOX)}/${BULK_FOLDER}`);
  const grid = page.getByRole('grid', { name: `${BULK_FOLDER} messages` });
  await expect(grid).toHaveAttribute('aria-rowcount', String(BULK_COUNT));
  await expect(grid.getByText(`Bulk message ${BULK_COUNT}`, { exact: true })).toBeVisible();
  const top = await grid.getByRole('row').count();

  // Down the folder a tenth at a time, then to the very end.
  const steps = [];
  for (let step = 1; step <= 10; step++) steps.push(await scrollTo(grid, step / 10));
  const middle = steps[4]!.rendered;
  const end = steps[9]!.rendered;
  const max = Math.max(top, ...steps.map((s) => s.rendered));

  // The oldest message is the last row, and the grid says where it is.
  const last = grid.getByRole('row').filter({ has: page.getByText('Bulk message 1', { exact: true }) });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', String(BULK_COUNT));

  const report = `rendered rows top ${top}, middle ${middle}, end ${end}, max ${max}; ms to content per step: ${steps.map((s) => s.ms).join(', ')}`;
  testInfo.annotations.push({ type: 'measurements', description: report });
  console.log(`inbox-bulk: ${report}`);
  for (const n of [top, middle, end, max]) {
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(MAX_RENDERED_ROWS);
  }
});
