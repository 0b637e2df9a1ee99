import type { Locator, Page } from '@playwright/test';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// The keyboard, Gmail's letters, in info@acme.example's Junk folder (spam no other spec reads).
const MAILBOX = DEMO_MAILBOXES.info;
const JUNK = `/inbox/${encodeURIComponent(MAILBOX)}/Junk`;

const grid = (page: Page) => page.getByRole('grid', { name: 'Junk messages' });
const junkLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: /^Junk( \d+ unread)?$/ });

/** The UID a row opens (its link's last path segment). */
async function uidOf(row: Locator): Promise<string> {
  const href = (await row.getByRole('link').getAttribute('href')) ?? '';
  return /\/(\d+)$/.exec(href)?.[1] ?? '';
}

async function unreadOf(link: Locator): Promise<number> {
  return Number(/(\d+) unread/.exec((await link.textContent()) ?? '')?.[1] ?? 0);
}

test.describe('inbox keyboard shortcuts', () => {
  test('j/k move through the list, Enter and o open, ? shows the help, / focuses search', async ({
    signedInPage: page,
  }) => {
    await page.goto(JUNK);
    const rows = grid(page).getByRole('row');
    const [first, second] = [await uidOf(rows.nth(0)), await uidOf(rows.nth(1))];

    await page.keyboard.press('o');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));
    await page.goBack();
    await expect(page).toHaveURL(/\/Junk$/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));

    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/Junk/${second}$`));
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Next message');
    await expect(help).toContainText('Delete (move to Trash)');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    const search = page.getByRole('searchbox', { name: 'Search Junk' });
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    // Typing there is text, not commands.
    await page.keyboard.type('gift');
    await expect(search).toHaveValue('gift');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('You have WON a $1000 gift card!!!');
  });

  test('u toggles read, v opens Move to…, e archives, # deletes, r/a/f reach compose', async ({
    signedInPage: page,
  }) => {
    await page.goto(JUNK);
    const rows = grid(page).getByRole('row');
    const uid = await uidOf(rows.nth(0));
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/Junk/${uid}$`));
    // Opening marks it read after a moment (the newest spam is unread): then u flips it.
    await expect(rows.nth(0)).not.toContainText('(unread)');
    const unread = await unreadOf(junkLink(page));
    await page.keyboard.press('u');
    await expect(rows.nth(0)).toContainText('(unread)');
    await expect(junkLink(page)).toHaveAccessibleName(`Junk ${unread + 1} unread`);
    await page.keyboard.press('u');
    await expect(rows.nth(0)).not.toContainText('(unread)');
    await expect(junkLink(page)).toHaveAccessibleName(unread ? `Junk ${unread} unread` : 'Junk');

    await page.keyboard.press('v');
    const move = page.getByRole('dialog', { name: 'Move to folder' });
    await expect(move.getByRole('button', { name: 'Archive' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(move).toBeHidden();

    for (const [key, mode] of [
      ['r', 'reply'],
      ['a', 'replyAll'],
      ['f', 'forward'],
    ] as const) {
      await page.keyboard.press(key);
      await expect(page).toHaveURL(/\/compose\?/);
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
        replyTo: MAILBOX,
        folder: 'Junk',
        uid,
        mode,
      });
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`/Junk/${uid}$`));
    }

    await page.keyboard.press('e');
    await expect(page).toHaveURL(/\/Junk$/);
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Archive' })).toBeVisible();
    await expect(grid(page).locator(`a[href$="/Junk/${uid}"]`)).toHaveCount(0);

    const next = await uidOf(rows.nth(0));
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/Junk/${next}$`));
    await page.keyboard.press('#');
    await expect(page).toHaveURL(/\/Junk$/);
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Trash' })).toBeVisible();
    await expect(grid(page).locator(`a[href$="/Junk/${next}"]`)).toHaveCount(0);
  });
});
