import type { Locator, Page } from '@playwright/test';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// The keyboard, Gmail's letters, in info@acme.example's Junk folder (spam no other spec reads).
const MAILBOX = DEMO_MAILBOXES.info;
const JUNK = `/inbox/${encodeURIComponent(MAILBOX)}/Junk`;

// Each test walks many steps through a loaded machine's Chromium: a budget like the hostile-mail spec's.
test.describe.configure({ timeout: 60_000 });

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

/** What the server finds for `q` in info@'s Junk: the list must show exactly these. */
async function serverSearch(page: Page, q: string): Promise<number> {
  const res = await page.request.get(`/api/inbox?${new URLSearchParams({ mailbox: MAILBOX, folder: 'Junk', q })}`);
  return ((await res.json()) as { data: unknown[] }).data.length;
}

test.describe('inbox keyboard shortcuts', () => {
  test('search filters as you type, Enter still searches, and clearing it shows the folder again', async ({
    signedInPage: page,
  }) => {
    await page.goto(JUNK);
    const rows = grid(page).getByRole('row');
    await expect(rows.first()).toBeVisible();
    const all = await rows.count();
    const search = page.getByRole('searchbox', { name: 'Search Junk' });
    await expect(search).toHaveAttribute('placeholder', /filters as you type/);
    await expect(search).toHaveAccessibleDescription(/filters as you type; Enter searches at once/);

    const found = await serverSearch(page, 'gift');
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);
    // No Enter: the list follows the typing once it pauses.
    await search.pressSequentially('gift', { delay: 30 });
    await expect(rows).toHaveCount(found);
    await expect(rows.first()).toContainText('gift card');

    await search.fill('no-such-words-anywhere');
    await search.press('Enter');
    await expect(page.getByText('No messages match your search.')).toBeVisible();

    await search.fill('');
    await expect(rows).toHaveCount(all);
  });

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
    // The URL changes before the list re-renders around the open row: the next key waits for that.
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');

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
      // Compose soon names its new draft in the URL instead (compose-drafts.spec.ts): read the URL the key opened, as
      // it is navigated to, not after.
      let opened: Record<string, string> = {};
      const reached = page.waitForURL((url) => {
        const match = url.pathname === '/compose' && url.searchParams.has('replyTo');
        if (match) opened = Object.fromEntries(url.searchParams);
        return match;
      });
      await page.keyboard.press(key);
      await reached;
      expect(opened).toEqual({
        replyTo: MAILBOX,
        folder: 'Junk',
        uid,
        mode,
      });
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`/Junk/${uid}$`));
    }

    // Archive and Delete open the next message instead of leaving the reader blank.
    const [next, afterNext] = [await uidOf(rows.nth(1)), await uidOf(rows.nth(2))];
    await page.keyboard.press('e');
    await expect(page).toHaveURL(new RegExp(`/Junk/${next}$`));
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Archive' })).toBeVisible();
    await expect(grid(page).locator(`a[href$="/Junk/${uid}"]`)).toHaveCount(0);

    await page.keyboard.press('#');
    await expect(page).toHaveURL(new RegExp(`/Junk/${afterNext}$`));
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Trash' })).toBeVisible();
    await expect(grid(page).locator(`a[href$="/Junk/${next}"]`)).toHaveCount(0);
  });
});

// support@acme.example's Junk (four spam mails no other spec reads): the auto-read timer and removal of the open one.
const SUPPORT_JUNK = `/inbox/${encodeURIComponent(DEMO_MAILBOXES.support)}/Junk`;
/** Past the reader's auto-read delay (AUTO_READ_DELAY_MS, 1.5 s), on the page's fake clock. */
const PAST_AUTO_READ = 2_000;

test.describe('reading state and the open message', () => {
  test('u sticks on a message that was read when opened, until it is opened again', async ({ signedInPage: page }) => {
    const reads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/inbox\/\d+\/read$/.test(r.url())) reads.push(new URL(r.url()).pathname);
    });
    await page.clock.install();
    await page.goto(SUPPORT_JUNK);
    const rows = page.getByRole('grid', { name: 'Junk messages' }).getByRole('row');
    await expect(rows.first()).toBeVisible();
    const [first, second] = [await uidOf(rows.nth(0)), await uidOf(rows.nth(1))];
    const rowOf = (uid: string) => rows.filter({ has: page.locator(`a[href$="/Junk/${uid}"]`) });

    // Open it, let the timer mark it read, move on and come back: now it was read when opened.
    await rowOf(first).getByRole('link').click();
    await expect(rowOf(first)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await page.clock.fastForward(PAST_AUTO_READ);
    await expect(rowOf(first)).not.toContainText('(unread)');
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/Junk/${second}$`));
    await expect(rowOf(second)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));
    await expect(rowOf(first)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();

    reads.length = 0;
    await page.keyboard.press('u');
    await expect(rowOf(first)).toContainText('(unread)');
    await page.clock.fastForward(PAST_AUTO_READ * 5);
    // A round trip after the timer would have fired: its request would be out by now.
    const refreshed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/inbox');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await refreshed;
    expect(reads).toEqual([]);
    await expect(rowOf(first)).toContainText('(unread)');
    const res = await page.request.get(
      `/api/inbox?${new URLSearchParams({ mailbox: DEMO_MAILBOXES.support, folder: 'Junk' })}`,
    );
    const listed = ((await res.json()) as { data: { uid: number; seen: boolean }[] }).data;
    expect(listed.find((m) => String(m.uid) === first)?.seen).toBe(false);

    // Opening it again reads it again.
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/Junk/${second}$`));
    await expect(rowOf(second)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`/Junk/${first}$`));
    await expect(rowOf(first)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await page.clock.fastForward(PAST_AUTO_READ);
    await expect(rowOf(first)).not.toContainText('(unread)');
    expect(reads).toContain(`/api/inbox/${first}/read`);
  });

  test('Archive opens the next message, and Delete of the last one opens the previous, keeping focus', async ({
    signedInPage: page,
  }) => {
    await page.goto(SUPPORT_JUNK);
    const rows = page.getByRole('grid', { name: 'Junk messages' }).getByRole('row');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const uids = await Promise.all([...Array(count).keys()].map((i) => uidOf(rows.nth(i))));
    const rowOf = (uid: string) => rows.filter({ has: page.locator(`a[href$="/Junk/${uid}"]`) });

    await rowOf(uids[0]!).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/Junk/${uids[0]}$`));
    const archive = page.getByRole('button', { name: 'Archive' });
    await archive.click();
    await expect(page).toHaveURL(new RegExp(`/Junk/${uids[1]}$`));
    await expect(rowOf(uids[0]!)).toHaveCount(0);
    await expect(rowOf(uids[1]!)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article')).toBeVisible();
    await expect(archive).toBeFocused();

    // The last row: Delete opens the one before it; its link was focused and is gone, so the reader takes focus.
    const last = uids.at(-1)!;
    const beforeLast = uids.at(-2)!;
    await rowOf(last).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/Junk/${last}$`));
    await page.keyboard.press('#');
    await expect(page).toHaveURL(new RegExp(`/Junk/${beforeLast}$`));
    await expect(rowOf(last)).toHaveCount(0);
    await expect(page.getByRole('article')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Trash' })).toBeVisible();
  });
});
