import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// support@acme.example answers info@acme.example in their internal thread "Q3 support metrics" (info wrote, support
// answered, info replied: support INBOX holds info's two mails, info's INBOX holds support's answer).
const SUPPORT = DEMO_MAILBOXES.support;
const INFO = DEMO_MAILBOXES.info;
const SUBJECT = 'Re: Q3 support metrics';

test('a reply goes to the sender’s Sent folder and threads into the recipient’s inbox', async ({
  signedInPage: page,
}) => {
  await page.goto(`/inbox/${encodeURIComponent(SUPPORT)}/INBOX`);
  await page.getByRole('searchbox').fill('Q3 support metrics');
  await page.getByRole('searchbox').press('Enter');
  await page.getByRole('grid').getByRole('row').filter({ hasText: SUBJECT }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: SUBJECT })).toBeVisible();
  const uid = /\/INBOX\/(\d+)$/.exec(page.url())?.[1] ?? '';

  // Reply from the reader: the compose page gets the original's place and the mode, and fills in the reply (then
  // names the new draft in the URL instead: compose-drafts.spec.ts).
  let opened: Record<string, string> = {};
  const reached = page.waitForURL((url) => {
    if (url.pathname === '/compose' && url.searchParams.has('replyTo')) opened = Object.fromEntries(url.searchParams);
    return url.pathname === '/compose' && url.searchParams.has('replyTo');
  });
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await reached;
  expect(opened).toEqual({
    replyTo: SUPPORT,
    folder: 'INBOX',
    uid,
    mode: 'reply',
  });
  const form = page.getByRole('form', { name: 'Compose' });
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(SUBJECT);
  await expect(form.getByLabel('From', { exact: true })).toHaveValue(SUPPORT);
  const to = form.getByRole('list', { name: 'To addresses' }).getByRole('listitem');
  await expect(to).toHaveCount(1);
  await expect(to).toContainText(INFO);
  // The original is quoted as plain text of its own, apart from the Markdown the user writes.
  await expect(form.getByLabel('Quoted message', { exact: true })).toHaveValue(/ wrote:\n> /);
  const body = form.getByLabel('Message', { exact: true });
  await expect(body).toHaveValue('');
  const text = `Thanks, the Q3 numbers look right. (${test.info().testId})`;
  await body.press('ControlOrMeta+Home');
  await body.pressSequentially(text);
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message sent' })).toBeVisible();

  // In the sender's Sent folder: the newest message.
  await page.goto(`/inbox/${encodeURIComponent(SUPPORT)}/Sent`);
  const sentRow = page.getByRole('grid', { name: 'Sent messages' }).getByRole('row').first();
  await expect(sentRow).toContainText(SUBJECT);
  await sentRow.getByRole('link').click();
  // Written in Markdown, sent as HTML: the text is inside the sandboxed frame.
  await expect(page.getByTitle('Message content').contentFrame().getByText(text)).toBeVisible();

  // In the recipient's inbox: unread on top, and in the conversation after the three earlier messages.
  await page.getByLabel('Mailbox').selectOption(INFO);
  await expect(page).toHaveURL(new RegExp(`/inbox/${encodeURIComponent(INFO)}/INBOX$`));
  const inboxRow = page.getByRole('grid', { name: 'Inbox messages' }).getByRole('row').first();
  await expect(inboxRow).toContainText(`${SUPPORT}(unread)`);
  await expect(inboxRow).toContainText(SUBJECT);
  await inboxRow.getByRole('link').click();
  await page.getByRole('button', { name: 'Conversation', exact: true }).click();
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await expect(conversation).toContainText('4 messages in this conversation');
  const items = conversation.getByRole('listitem');
  await expect(items.nth(0).locator('summary')).toContainText(/Acme Info .* Sent/);
  await expect(items.nth(1).locator('summary')).toContainText(/Acme Support .* INBOX/);
  await expect(items.nth(2).locator('summary')).toContainText(/Acme Info .* Sent/);
  await expect(items.nth(3).locator('summary')).toContainText(`${SUPPORT} · `);
  await expect(items.nth(3).getByTitle('Message content').contentFrame().getByText(text)).toBeVisible();

  // In-Reply-To and References came from the original, so the emulator filed it in the thread; the list's
  // conversation view groups it with the earlier answer in this inbox.
  await page.getByRole('group', { name: 'List shows' }).getByRole('button', { name: 'Conversations' }).click();
  const thread = page.getByRole('grid', { name: 'Inbox conversations' }).getByRole('row').first();
  await expect(thread).toContainText(SUBJECT);
  await expect(thread).toContainText('4 messages');
});
