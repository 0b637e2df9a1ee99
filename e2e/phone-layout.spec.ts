import type { Page } from '@playwright/test';
import { DEMO_MEMBER } from '../src/demo-credentials';
import { DEMO_ADMIN, expect, test } from './fixtures';
import { PAGES, settle, signInAs, type WalkedPage } from './page-walk';

const PHONE = { width: 390, height: 844 };

/**
 * What sticks out past the right edge of the screen: the page's own scroll width, and every visible element whose
 * right edge is beyond the viewport, unless it sits inside a box that clips or scrolls sideways and that box itself
 * fits (a preview or a wide table meant to scroll inside its frame).
 */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipsX = (el: Element) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 4).join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`;
    const offenders: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
      if (el.closest('.sr-only')) continue;
      let contained = false;
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (clipsX(parent) && parent.getBoundingClientRect().right <= width + 1) {
          contained = true;
          break;
        }
      }
      if (!contained) offenders.push(describe(el));
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, width, offenders: offenders.slice(0, 8) };
  });
}

/** Opens every page and lists what does not fit on each: an empty list per page when all is well. */
async function problemsOf(page: Page, pages: readonly WalkedPage[]) {
  const problems: Record<string, string[]> = {};
  for (const walked of pages) {
    await walked.open(page);
    const { scrollWidth, width, offenders } = await overflow(page);
    problems[walked.name] = [...(scrollWidth > width ? [`page is ${scrollWidth} px wide`] : []), ...offenders];
  }
  return problems;
}

const none = (pages: readonly WalkedPage[]) => Object.fromEntries(pages.map((p) => [p.name, []]));

test.describe('phone layout (390 × 844)', () => {
  test.use({ viewport: PHONE });

  test('no page of the admin is wider than the screen', async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, DEMO_ADMIN);
    expect(await problemsOf(page, PAGES.admin)).toEqual(none(PAGES.admin));
  });

  test("the member's pages, inbox and compose included, fit the screen", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, DEMO_MEMBER);
    expect(await problemsOf(page, PAGES.member)).toEqual(none(PAGES.member));
  });

  test('the sign-in page fits the screen, and the check catches a page that does not', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const result = await overflow(page);
    expect(result.offenders).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(result.width);

    // The check itself can fail: a box wider than the screen is reported, unless it sits in a scrolling box.
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.id = 'too-wide';
      wide.style.width = '600px';
      wide.textContent = 'wide';
      document.body.append(wide);
    });
    const broken = await overflow(page);
    expect(broken.offenders.join('\n')).toContain('div#too-wide');
    expect(broken.scrollWidth).toBeGreaterThan(broken.width);
    await page.evaluate(() => {
      const scroller = document.createElement('div');
      scroller.style.overflowX = 'auto';
      scroller.append(document.getElementById('too-wide')!);
      document.body.append(scroller);
    });
    expect((await overflow(page)).offenders).toEqual([]);
  });

  test('the navigation folds behind a menu button that opens, closes on Escape and after following a link', async ({
    page,
  }) => {
    await signInAs(page, DEMO_ADMIN);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toHaveAttribute('aria-controls', 'main-menu');

    // Closed, the header is one short line: the page starts near the top.
    const header = await page.getByRole('banner').first().boundingBox();
    expect(header!.height).toBeLessThan(80);

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expect(page.locator('#main-menu')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole('link', { name: 'Sent' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sent' })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  test('the DNS records stack as labelled cards instead of a table wrapping letter by letter', async ({ page }) => {
    await signInAs(page, DEMO_ADMIN);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Domains' }).click();
    await page.getByRole('link', { name: 'acme-mail.example' }).click();
    await settle(page);
    const records = page.getByRole('table', { name: /dns records to publish/i });
    const dkim = records.getByRole('row', { name: /^DKIM/ });
    // The value gets most of the screen's width, not a column a few letters wide.
    const value = await dkim.getByRole('cell').nth(2).locator('div').first().boundingBox();
    expect(value!.width).toBeGreaterThan(180);
    await expect(dkim.getByText('Value', { exact: true })).toBeVisible();
  });
});

test.describe('desktop layout (1440 px)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the navigation shows in full with no menu button', async ({ page }) => {
    await signInAs(page, DEMO_ADMIN);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});
