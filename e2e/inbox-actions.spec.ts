import type { Locator, Page } from '@playwright/test';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// These tests change mail: they work on the campaign replies in news@acme-mail.example, which no other spec reads,
// one message each, and compare folder counts with what they were before.
const MAILBOX = DEMO_MAILBOXES.news;
const SUBJECT = 'Re: Bizden haberler: Nisan';

const folderLink = (page: Page, label: string) =>
  page
    .getByRole('navigation', { name: 'Folders' })
    .getByRole('link', { name: new RegExp(`^${label}( \\d+ unread)?$`) });

async function unread(link: Locator): Promise<number> {
  const name = (await link.textContent()) ?? '';
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
}

/** The folder's link names its unread count ("Inbox 4 unread", or just "Archive" for none). */
async function expectUnread(page: Page, label: string, count: number) {
  await expect(folderLink(page, label)).toHaveAccessibleName(count ? `${label} ${count} unread` : label);
}

const row = (page: Page, sender: string) =>
  page.getByRole('grid').getByRole('row').filter({ hasText: sender }).filter({ hasText: SUBJECT });

async function openFolder(page: Page, folder: string) {
  await page.goto(`/inbox/${encodeURIComponent(MAILBOX)}/${folder}`);
  await expect(page.getByRole('grid').getByRole('row').first()).toBeVisible();
}

test.describe('inbox actions', () => {
  test('Move to… moves the selected message, and the folder counts follow', async ({ signedInPage: page }) => {
    await openFolder(page, 'INBOX');
    const inbox = await unread(folderLink(page, 'Inbox'));
    const archive = await unread(folderLink(page, 'Archive'));
    const message = row(page, 'Jonas Becker');

    await message.getByRole('checkbox').check();
    await expect(message).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('dialog', { name: 'Move to folder' }).getByRole('button', { name: 'Archive' }).click();

    await expect(message).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Moved 1 message to Archive' })).toBeVisible();
    await expectUnread(page, 'Inbox', inbox - 1);
    await expectUnread(page, 'Archive', archive + 1);
    await folderLink(page, 'Archive').click();
    await expect(row(page, 'Jonas Becker')).toBeVisible();
  });

  test('dragging a row onto a folder moves it there', async ({ signedInPage: page }) => {
    await openFolder(page, 'INBOX');
    const inbox = await unread(folderLink(page, 'Inbox'));
    const junk = await unread(folderLink(page, 'Junk'));

    await row(page, 'Mehmet Demir').dragTo(folderLink(page, 'Junk'));

    await expect(row(page, 'Mehmet Demir')).toHaveCount(0);
    await expectUnread(page, 'Inbox', inbox - 1);
    await expectUnread(page, 'Junk', junk + 1);
    await folderLink(page, 'Junk').click();
    await expect(page).toHaveURL(/\/Junk$/);
    await expect(row(page, 'Mehmet Demir')).toBeVisible();
  });

  test('Delete moves to Trash, and Undo brings the message back', async ({ signedInPage: page }) => {
    await openFolder(page, 'INBOX');
    const inbox = await unread(folderLink(page, 'Inbox'));
    const trash = await unread(folderLink(page, 'Trash'));

    await row(page, 'Chen Wei').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(row(page, 'Chen Wei')).toHaveCount(0);
    await expectUnread(page, 'Inbox', inbox - 1);
    await expectUnread(page, 'Trash', trash + 1);

    const undoBar = page.getByRole('status').filter({ hasText: 'Moved 1 message to Trash' });
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect(undoBar).toBeHidden();
    await expect(row(page, 'Chen Wei')).toBeVisible();
    await expectUnread(page, 'Inbox', inbox);
    await expectUnread(page, 'Trash', trash);
  });

  test('inside Trash, Delete forever asks first and then deletes for good', async ({ signedInPage: page }) => {
    await openFolder(page, 'INBOX');
    const trash = await unread(folderLink(page, 'Trash'));
    await row(page, 'Liam O’Connor').getByRole('checkbox').check();
    await page.keyboard.press('#');
    await expect(row(page, 'Liam O’Connor')).toHaveCount(0);
    await expectUnread(page, 'Trash', trash + 1);

    await folderLink(page, 'Trash').click();
    await row(page, 'Liam O’Connor').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete forever' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete forever?' });
    await expect(confirm).toContainText('1 message will be deleted permanently');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, 'Liam O’Connor')).toBeVisible();

    await page.getByRole('button', { name: 'Delete forever' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(row(page, 'Liam O’Connor')).toHaveCount(0);
    await expectUnread(page, 'Trash', trash);
    // Gone on the server too, not only from the cache.
    await page.reload();
    await expect(page.getByRole('grid').or(page.getByText('No messages here.'))).toBeVisible();
    await expect(row(page, 'Liam O’Connor')).toHaveCount(0);
  });
});
