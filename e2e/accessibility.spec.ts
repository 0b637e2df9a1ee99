import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_MEMBER, DEMO_OPERATOR } from '../src/demo-credentials';
import { DEMO_ADMIN, expect, test } from './fixtures';
import { PAGES, signInAs } from './page-walk';

/** axe's serious and critical findings on the page as it is now, one readable line per offending node. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
}

const ROLES = [
  { role: 'admin', user: DEMO_ADMIN, pages: PAGES.admin },
  { role: 'operator', user: DEMO_OPERATOR, pages: PAGES.operator },
  { role: 'member', user: DEMO_MEMBER, pages: PAGES.member },
] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (axe), ${colorScheme} mode`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the sign-in page', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // A failed sign-in shows its error: checked too.
      await page.getByLabel('Email').fill('nobody@acme.example');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const { role, user, pages } of ROLES) {
      test(`every page of the ${role}`, async ({ page }) => {
        test.setTimeout(150_000);
        await signInAs(page, user);
        const found: Record<string, string[]> = {};
        for (const walked of pages) {
          await walked.open(page);
          found[walked.name] = await seriousViolations(page);
        }
        // The phone menu, open, on the last page.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByRole('button', { name: 'Menu' }).click();
        found['phone menu'] = await seriousViolations(page);
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      });
    }
  });
}
