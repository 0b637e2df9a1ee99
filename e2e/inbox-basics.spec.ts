import { expect, test } from './fixtures';

// Many steps through Chromium on a machine that may be busy: a budget like the hostile-mail spec's.
test.describe.configure({ timeout: 60_000 });

test.describe('inbox', () => {
  test('opens the first mailbox, switches folder and mailbox, opens and marks a message', async ({
    signedInPage: page,
  }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await expect(page).toHaveURL(/\/inbox\/[^/]+\/INBOX$/);
    // Entering the inbox moves focus to its heading; moving inside it (a message) leaves focus where it is.
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeFocused();
    const folders = page.getByRole('navigation', { name: 'Folders' });
    await expect(folders.getByRole('link', { name: /^Inbox/ })).toBeVisible();

    const grid = page.getByRole('grid');
    const firstRow = grid.getByRole('row').first();
    await expect(firstRow).toBeVisible();
    await firstRow.getByRole('link').click();
    await expect(page).toHaveURL(/\/inbox\/[^/]+\/INBOX\/\d+$/);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(firstRow.getByRole('link')).toBeFocused();

    // Opening marks it read after a moment; then Mark as unread and u flip it, and the Inbox count follows.
    // (Waiting for the first is what keeps the auto-read timer from racing the clicks on a busy machine.)
    const inboxLink = folders.getByRole('link', { name: /^Inbox/ });
    await expect(firstRow).not.toContainText('(unread)');
    const readCount = await inboxLink.textContent();
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    await expect(firstRow).toContainText('(unread)');
    await expect(inboxLink).not.toHaveText(readCount ?? '');
    const unreadAfter = await inboxLink.textContent();
    await page.keyboard.press('u');
    await expect(firstRow).not.toContainText('(unread)');
    await expect(inboxLink).not.toHaveText(unreadAfter ?? '');

    await folders.getByRole('link', { name: /^Sent/ }).click();
    await expect(page).toHaveURL(/\/Sent$/);

    const other = await page.getByLabel('Mailbox').locator('option').nth(1).getAttribute('value');
    await page.getByLabel('Mailbox').selectOption({ index: 1 });
    await expect(page).toHaveURL(new RegExp(`/inbox/${encodeURIComponent(other ?? '')}/INBOX$`));

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });
});

test.describe('inbox on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('one pane at a time, a compact toolbar of named icons, and nothing wider than the screen', async ({
    signedInPage: page,
  }) => {
    await page.goto(`/inbox/${encodeURIComponent('info@acme.example')}/INBOX`);
    const grid = page.getByRole('grid', { name: 'Inbox messages' });
    await expect(grid.getByRole('row').first()).toBeVisible();
    const noSidewaysScroll = () =>
      expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
        .toBeLessThanOrEqual(0);
    await noSidewaysScroll();

    // The toolbar: icon buttons, each named by aria-label and a tooltip.
    const toolbar = page.getByRole('toolbar', { name: 'Message actions' });
    for (const name of ['Mark as read', 'Mark as unread', 'Move to…', 'Archive', 'Delete', 'Reply', 'Forward']) {
      const button = toolbar.getByRole('button', { name, exact: true });
      await expect(button).toHaveAttribute('title', name);
      await expect(button).toHaveText('');
    }
    const box = await toolbar.boundingBox();
    expect(box!.height).toBeLessThan(60);

    // Folders replace the list, and choosing one brings its messages back.
    await expect(page.getByRole('navigation', { name: 'Folders' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Folders: Inbox' }).click();
    await expect(grid).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: /^Sent/ }).click();
    await expect(page).toHaveURL(/\/Sent$/);
    const sent = page.getByRole('grid', { name: 'Sent messages' });
    await expect(sent.getByRole('row').first()).toBeVisible();

    // The reader replaces the list; Back returns to it.
    await sent.getByRole('row').first().getByRole('link').click();
    await expect(page.getByRole('article')).toBeVisible();
    await expect(sent).toHaveCount(0);
    await noSidewaysScroll();
    await toolbar.getByRole('button', { name: 'Back to the list' }).click();
    await expect(sent.getByRole('row').first()).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(0);
  });
});
