import type { Page } from '@playwright/test';
import { DEMO_MEMBER } from '../src/demo-credentials';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// Read-mostly views of support@acme.example: the internal thread "Customer escalation: Globex" (info → support →
// info, the middle message in support's Sent) and the archived "Re: DNS records for our domain", whose UID (3) is
// also taken in INBOX, Sent and Drafts — the case the virtual All folder must tell apart.
const MAILBOX = DEMO_MAILBOXES.support;
const THREAD = 'Customer escalation: Globex';

async function openFolder(page: Page, folder: string) {
  await page.goto(`/inbox/${encodeURIComponent(MAILBOX)}/${encodeURIComponent(folder)}`);
  await expect(page.getByRole('grid').getByRole('row').first()).toBeVisible();
}

/** The list is virtualised: older messages are found by searching the folder, as a person would. */
async function search(page: Page, text: string) {
  await page.getByRole('searchbox').fill(text);
  await page.getByRole('searchbox').press('Enter');
}

test.describe('inbox views', () => {
  test('the Conversation view shows the thread oldest to newest, earlier messages collapsed', async ({
    signedInPage: page,
  }) => {
    await openFolder(page, 'INBOX');
    await search(page, THREAD);
    await page
      .getByRole('grid')
      .getByRole('row')
      .filter({ hasText: `Re: ${THREAD}` })
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { level: 2, name: `Re: ${THREAD}` })).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Conversation', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const conversation = page.getByRole('region', { name: 'Conversation' });
    await expect(conversation).toContainText('3 messages in this conversation');
    const items = conversation.getByRole('listitem');
    await expect(items).toHaveCount(3);
    // info wrote first (support's INBOX), support answered (support's Sent), info replied (support's INBOX).
    await expect(items.nth(0).locator('summary')).toContainText(/Acme Info .* INBOX/);
    await expect(items.nth(1).locator('summary')).toContainText(/Acme Support .* Sent/);
    await expect(items.nth(2).locator('summary')).toContainText(/Acme Info .* INBOX/);
    await expect(items.nth(0).locator('details')).not.toHaveAttribute('open');
    await expect(items.nth(1).locator('details')).not.toHaveAttribute('open');
    await expect(items.nth(2).locator('details')).toHaveAttribute('open', '');
    // An earlier message opens on demand.
    await items.nth(0).locator('summary').click();
    await expect(items.nth(0).locator('details')).toHaveAttribute('open', '');
  });

  test('the list switches to conversations, and a conversation opens in the conversation view', async ({
    signedInPage: page,
  }) => {
    await openFolder(page, 'INBOX');
    await search(page, THREAD);
    const messagesGrid = page.getByRole('grid', { name: 'Inbox messages' });
    await expect(messagesGrid.getByRole('row').filter({ hasText: THREAD })).toHaveCount(2);

    const group = page.getByRole('group', { name: 'List shows' });
    await group.getByRole('button', { name: 'Conversations' }).click();
    await expect(group.getByRole('button', { name: 'Conversations' })).toHaveAttribute('aria-pressed', 'true');
    const grid = page.getByRole('grid', { name: 'Inbox conversations' });
    const row = grid.getByRole('row').filter({ hasText: THREAD });
    await expect(grid.getByRole('row')).toHaveCount(1);
    // The newest message represents the conversation, with its size and its participants.
    await expect(row).toContainText(`Re: ${THREAD}`);
    await expect(row).toContainText('Acme Info, me3 messages');
    await expect(page.getByText('1 conversation in the newest 2 messages')).toBeVisible();

    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: `Re: ${THREAD}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Conversation', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByRole('region', { name: 'Conversation' })).toContainText('3 messages in this conversation');
    await expect(row).toHaveAttribute('aria-selected', 'true');

    // The choice is remembered.
    await page.reload();
    await expect(page.getByRole('grid', { name: 'Inbox conversations' })).toBeVisible();
    await page.getByRole('group', { name: 'List shows' }).getByRole('button', { name: 'Messages' }).click();
    await expect(page.getByRole('grid', { name: 'Inbox messages' })).toBeVisible();
  });

  test('a message opened from All mail is found in its own folder by Message-ID and can be acted on', async ({
    signedInPage: page,
  }) => {
    await openFolder(page, '__ALL__');
    const grid = page.getByRole('grid', { name: 'All mail messages' });
    await expect(page.getByText('All mail lists the messages of every folder.')).toBeVisible();
    await expect(grid.getByRole('checkbox')).toHaveCount(0);
    const archive = page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: /^Archive/ });
    await expect(archive).toHaveAccessibleName('Archive 1 unread');

    // Other specs deliver into this mailbox in the same console, so the row may be far down: search for it.
    const search = page.getByRole('searchbox', { name: 'Search All mail' });
    await search.fill('DNS records');
    await search.press('Enter');
    const row = grid.getByRole('row').filter({ hasText: 'Sofia Rossi' }).filter({ hasText: 'Re: DNS records' });
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/__ALL__\/3\?id=/);
    await expect(page.getByRole('heading', { level: 2, name: 'Re: DNS records for our domain' })).toBeVisible();
    await expect(page.getByText('In Archive', { exact: true })).toBeVisible();
    await expect(row).toHaveAttribute('aria-selected', 'true');

    // Actions act on the message where it really is.
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    await expect(archive).toHaveAccessibleName('Archive 2 unread');
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await expect(archive).toHaveAccessibleName('Archive 1 unread');
    // Read the URL Reply opened as it is navigated to: compose then names its new draft there instead.
    let opened: Record<string, string> = {};
    const reached = page.waitForURL((url) => {
      const match = url.pathname === '/compose' && url.searchParams.has('replyTo');
      if (match) opened = Object.fromEntries(url.searchParams);
      return match;
    });
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await reached;
    expect(opened).toEqual({ replyTo: MAILBOX, folder: 'Archive', uid: '3', mode: 'reply' });
  });

  test('pane widths are remembered per user', async ({ signedInPage: page }) => {
    await openFolder(page, 'INBOX');
    const folders = page.getByRole('separator', { name: 'Resize folders' });
    const list = page.getByRole('separator', { name: 'Resize message list' });
    await expect(folders).toHaveAttribute('aria-valuenow', '220');
    await folders.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(folders).toHaveAttribute('aria-valuenow', '252');
    await list.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(list).toHaveAttribute('aria-valuenow', '316');

    await page.reload();
    await expect(folders).toHaveAttribute('aria-valuenow', '252');
    await expect(list).toHaveAttribute('aria-valuenow', '316');
    const box = await page.getByRole('navigation', { name: 'Folders' }).boundingBox();
    expect(box?.width).toBe(252);

    // Another console user on the same browser starts from the defaults.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(DEMO_MEMBER.email);
    await page.getByLabel('Password').fill(DEMO_MEMBER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    await openFolder(page, 'INBOX');
    await expect(folders).toHaveAttribute('aria-valuenow', '220');
    await expect(list).toHaveAttribute('aria-valuenow', '380');
  });
});
