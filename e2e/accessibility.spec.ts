import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { DEMO_MEMBER, DEMO_OPERATOR } from '../src/demo-credentials';
import { DEMO_ADMIN, expect, test } from './fixtures';
import { PAGES, signInAs, type DemoUser } from './page-walk';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** axe's serious and critical findings on the page as it is now, one readable line per offending node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

/** The same page checked in the light and the dark scheme (colour contrast differs, nothing else should). */
async function bothSchemes(page: Page) {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await seriousViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await seriousViolations(page);
  return { light, dark };
}

const clean = { light: [], dark: [] };

async function signedInState(browser: Browser, baseURL: string | undefined, user: DemoUser): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, user);
  const state = await context.storageState();
  await context.close();
  return state;
}

test.describe('accessibility (axe): no serious or critical violation', () => {
  // axe walks the whole page twice per test; on a busy machine that takes a while.
  test.describe.configure({ timeout: 120_000 });

  test('the sign-in page, also with its error shown', async ({ page }) => {
    // Checked once, with the error shown: the form is the same, plus the alert.
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByLabel('Email').fill('nobody@acme.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await bothSchemes(page)).toEqual(clean);
  });

  const roles = [
    { role: 'admin', user: DEMO_ADMIN, pages: PAGES.admin },
    { role: 'operator', user: DEMO_OPERATOR, pages: PAGES.operator },
    { role: 'member', user: DEMO_MEMBER, pages: PAGES.member },
  ] as const;

  for (const { role, user, pages } of roles) {
    test.describe(`as the ${role}`, () => {
      let state: StorageState;

      test.beforeAll(async ({ browser, baseURL }) => {
        state = await signedInState(browser, baseURL, user);
      });

      // A fresh page per test, signed in from the saved cookie: one sign-in per role, not one per page.
      test.use({ storageState: async ({}, use) => use(state) });

      for (const walked of pages) {
        test(walked.name, async ({ page }) => {
          await walked.open(page);
          expect(await bothSchemes(page)).toEqual(clean);
        });
      }

      test('the phone menu, open', async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto('/domains');
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        expect(await bothSchemes(page)).toEqual(clean);
      });
    });
  }
});
