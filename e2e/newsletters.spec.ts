import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from '@playwright/test';
import { newsletters } from '../src/emulator/seed/newsletters';
import { NEWSLETTER_FOLDER, NEWSLETTER_MAILBOX } from '../src/emulator/seed/test-extras';
import { startConsole, type RunningConsole } from './console-server';
import { expect, test as base } from './fixtures';

/**
 * Real newsletters look in the reader as their authors made them: each original (e2e/fixtures/newsletters, openly
 * licensed; one MJML newsletter rendered by the console's renderer) is rendered on its own in a page of the reader
 * frame's width, and compared pixel by pixel with the reader's frame. Nothing is fetched from outside in either
 * (Postmark's Google Fonts @import is blocked in both), so the two differ only by what the reader changed.
 */

// Playwright's own PNG codec (no extra dependency); its bundle has no type declarations.
interface DecodedPng {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(buffer: Buffer): DecodedPng } };
};

/** Share of pixels whose colour differs noticeably (any channel by more than 48 of 255). */
function differingShare(a: DecodedPng, b: DecodedPng): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      for (let c = 0; c < 3; c++) {
        if (Math.abs(a.data[i + c]! - b.data[j + c]!) > 48) {
          differing += 1;
          break;
        }
      }
    }
  }
  return differing / (width * height);
}

const test = base.extend<object, { consoleServer: RunningConsole }>({
  consoleServer: [
    async ({}, use) => {
      const server = await startConsole({ CONSOLE_DEMO_EXTRA: 'newsletters' });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

// Signing in and starting the console's worker take their share on a busy machine: a budget for all, set up included.
test.describe.configure({ timeout: 240_000 });

// Tall enough that each whole frame is on screen, so one screenshot holds it.
test.use({ viewport: { width: 1400, height: 4000 } });

/** The reader frame's content box (inside its 1 px border), once its height has settled. */
async function readerShot(page: Page, frameElement: Locator) {
  let previous = -1;
  await expect
    .poll(async () => {
      const height = await frameElement.evaluate((f) => f.clientHeight);
      const settled = height === previous && height > 120;
      previous = height;
      return settled;
    })
    .toBe(true);
  const size = await frameElement.evaluate((f) => ({ width: f.clientWidth, height: f.clientHeight }));
  const box = (await frameElement.boundingBox())!;
  const shot = await page.screenshot({ clip: { x: box.x + 1, y: box.y + 1, width: size.width, height: size.height } });
  return { size, png: PNG.sync.read(shot) };
}

/** The original, alone in a page of the same width, with every outside request refused. */
async function directShot(browser: Browser, html: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 100 } });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return PNG.sync.read(await page.screenshot({ fullPage: true }));
  } finally {
    await page.close();
  }
}

test('newsletters look in the reader as they do on their own', async ({ signedInPage: page, browser }) => {
  // Six renderings twice each: the first three took 1 minute with the machine's load average at 25.
  const mails = await newsletters();
  await page.goto(`/inbox/${encodeURIComponent(NEWSLETTER_MAILBOX)}/${NEWSLETTER_FOLDER}`);
  const grid = page.getByRole('grid', { name: `${NEWSLETTER_FOLDER} messages` });
  await expect(grid).toHaveAttribute('aria-rowcount', String(mails.length));
  const frameElement = page.getByTitle('Message content');

  for (const mail of mails) {
    await grid.getByRole('row').filter({ hasText: mail.subject }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: mail.subject })).toBeVisible();
    await expect(frameElement.contentFrame().locator('meta[name="sentroy-blocked-remote"]')).toHaveCount(1);
    const reader = await readerShot(page, frameElement);
    const direct = await directShot(browser, mail.html, reader.size.width);
    // The frame is as tall as the mail (a pixel of rounding either way), and looks the same.
    expect(Math.abs(reader.png.height - direct.height), `${mail.subject}: height`).toBeLessThanOrEqual(2);
    expect(differingShare(reader.png, direct), `${mail.subject}: share of differing pixels`).toBeLessThan(0.005);
  }
});

test('on a 390 px phone a newsletter stays inside its frame and a template preview is scaled into its box', async ({
  signedInPage: page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const inside = async (element: Locator) => {
    const box = (await element.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  };

  const qs = new URLSearchParams({ mailbox: NEWSLETTER_MAILBOX, folder: NEWSLETTER_FOLDER });
  const rows = (
    (await (await page.request.get(`/api/inbox?${qs.toString()}`)).json()) as {
      data: { uid: number; subject: string }[];
    }
  ).data;
  const billing = rows.find((r) => r.subject.includes('billing'))!;
  await page.goto(`/inbox/${encodeURIComponent(NEWSLETTER_MAILBOX)}/${NEWSLETTER_FOLDER}/${billing.uid}`);
  const frameElement = page.getByTitle('Message content');
  await expect(frameElement.contentFrame().locator('meta[name="sentroy-blocked-remote"]')).toHaveCount(1);
  await inside(frameElement);

  const templates = (
    (await (await page.request.get('/api/templates')).json()) as {
      data: { id: string; name: string | Record<string, string> }[];
    }
  ).data;
  const welcome = templates.find((t) => JSON.stringify(t.name).includes('Welcome'))!;
  await page.goto(`/templates/${encodeURIComponent(welcome.id)}`);
  const preview = page.getByTitle('Preview in en: email body');
  await expect(preview.contentFrame().getByText('Hi Ada Lovelace,')).toBeVisible();
  await inside(preview);
  await expect(page.getByText(/Shown at \d+% of its 600 px width/).first()).toBeVisible();
});
