import { expect, test } from './fixtures';

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

    // Mark as unread, then read again: the Inbox count follows.
    const inboxLink = folders.getByRole('link', { name: /^Inbox/ });
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    const unreadAfter = await inboxLink.textContent();
    await page.keyboard.press('u');
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
