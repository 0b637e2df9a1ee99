import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// Drafts live in the From mailbox's Drafts folder (contract-ops 7.2): each save appends a copy and deletes the one it
// replaces, so every draft has exactly one copy there. Several drafts can be open at once; a reply never replaces
// the draft being written; a draft opens from the Drafts folder into compose; sending deletes it.

const INFO = DEMO_MAILBOXES.info;
const RECIPIENT = DEMO_MAILBOXES.support;

interface Summary {
  uid: number;
  subject: string;
  messageId: string | null;
}

/** The Drafts folder of `mailbox` through the BFF, with the page's session. */
async function drafts(request: APIRequestContext, mailbox = INFO): Promise<Summary[]> {
  const res = await request.get(`/api/inbox?mailbox=${encodeURIComponent(mailbox)}&folder=Drafts&limit=200`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: Summary[] }).data;
}

/** The copies in Drafts of the draft compose holds (its id is in the URL and in each copy's Message-ID). */
const copiesOf = async (request: APIRequestContext, draftId: string) =>
  (await drafts(request)).filter((m) => m.messageId?.includes(draftId));

function draftIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get('draft');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

const savedToDrafts = (page: Page) => page.getByRole('status').filter({ hasText: `Saved to Drafts of ${INFO}` });
/** Autosave waits 3 s after the last change; a busy CI machine adds to that. */
const SAVE = { timeout: 30_000 };

test('drafts: a reply does not replace the draft being written; one copy each in Drafts; Edit draft; sending deletes it', async ({
  signedInPage: page,
}) => {
  test.setTimeout(180_000);
  const tag = test.info().testId;
  const form = page.getByRole('form', { name: 'Compose' });

  // 1. A new message, autosaved to info@'s Drafts.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
  await form.getByLabel('From', { exact: true }).selectOption(INFO);
  await form.getByLabel('To', { exact: true }).fill(RECIPIENT);
  await form.getByLabel('To', { exact: true }).press('Enter');
  await form.getByLabel('Subject', { exact: true }).fill(`Plans ${tag}`);
  await form.getByLabel('Message', { exact: true }).fill('First thoughts on the plan.');
  await expect(savedToDrafts(page)).toBeVisible(SAVE);
  const written = draftIdOf(page);
  const writtenUrl = page.url();

  // 2. A reply to a message of info@'s inbox, started from the reader.
  await page.goto(`/inbox/${encodeURIComponent(INFO)}/INBOX`);
  await page.getByRole('grid').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  const original = (await page.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(form.getByLabel('From', { exact: true })).toHaveValue(INFO);
  await form.getByLabel('Message', { exact: true }).fill(`Replying, ${tag}.`);
  await expect(savedToDrafts(page)).toBeVisible(SAVE);
  const reply = draftIdOf(page);
  expect(reply).not.toBe(written);

  // Both drafts are in Drafts, one copy each.
  await expect
    .poll(async () => (await copiesOf(page.request, written)).map((m) => m.subject), SAVE)
    .toEqual([`Plans ${tag}`]);
  await expect
    .poll(async () => (await copiesOf(page.request, reply)).map((m) => m.subject), SAVE)
    .toEqual([expect.stringMatching(/^Re: /)]);
  expect((await copiesOf(page.request, reply))[0]!.subject).toContain(original.replace(/^Re: /, '').trim());

  // 3. Back to the first draft (its URL names it): still all there; an edit still leaves one copy.
  await page.goto(writtenUrl);
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`Plans ${tag}`);
  await expect(form.getByLabel('Message', { exact: true })).toHaveValue('First thoughts on the plan.');
  await form.getByLabel('Subject', { exact: true }).fill(`Plans, revised ${tag}`);
  await expect
    .poll(async () => (await copiesOf(page.request, written)).map((m) => m.subject), SAVE)
    .toEqual([`Plans, revised ${tag}`]);
  await expect(savedToDrafts(page)).toBeVisible(SAVE);
  expect(await copiesOf(page.request, reply)).toHaveLength(1);

  // 4. The draft opens from the webmail's Drafts folder into compose, as the same draft.
  await page.goto(`/inbox/${encodeURIComponent(INFO)}/Drafts`);
  await page.getByRole('searchbox').fill(`Plans, revised ${tag}`);
  await page.getByRole('searchbox').press('Enter');
  await page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasText: `Plans, revised ${tag}` })
    .getByRole('link')
    .click();
  await page.getByRole('link', { name: 'Edit draft' }).click();
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`Plans, revised ${tag}`);
  await expect(form.getByLabel('From', { exact: true })).toHaveValue(INFO);
  await expect(form.getByLabel('Message', { exact: true })).toHaveValue('First thoughts on the plan.');
  await expect(form.getByRole('list', { name: 'To addresses' }).getByText(RECIPIENT)).toBeVisible();
  await expect.poll(() => draftIdOf(page)).toBe(written);

  // 5. Sending it deletes its copy; the reply's draft stays.
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message sent' })).toBeVisible(SAVE);
  await expect.poll(async () => (await copiesOf(page.request, written)).length, SAVE).toBe(0);
  expect(await copiesOf(page.request, reply)).toHaveLength(1);
});

test('drafts: a failed save keeps the draft in the browser and says so; it reaches Drafts once the platform answers', async ({
  signedInPage: page,
}) => {
  test.setTimeout(120_000);
  const tag = test.info().testId;
  const form = page.getByRole('form', { name: 'Compose' });
  let refuse = true;
  await page.route('**/api/inbox/drafts', (route) =>
    refuse
      ? route.fulfill({ status: 503, json: { data: null, error: 'Mail server temporarily unavailable' } })
      : route.continue(),
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
  await form.getByLabel('From', { exact: true }).selectOption(INFO);
  await form.getByLabel('Subject', { exact: true }).fill(`Offline ${tag}`);
  await expect(page.getByRole('status').filter({ hasText: /^Saved locally, not yet in Drafts/ })).toBeVisible(SAVE);
  const id = draftIdOf(page);
  expect(await copiesOf(page.request, id)).toHaveLength(0);

  // Still there after a reload (the browser's buffer), and saved to Drafts on the next attempt.
  await page.reload();
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`Offline ${tag}`);
  refuse = false;
  await form.getByLabel('Message', { exact: true }).fill('Back online.');
  await expect(savedToDrafts(page)).toBeVisible(SAVE);
  await expect
    .poll(async () => (await copiesOf(page.request, id)).map((m) => m.subject), SAVE)
    .toEqual([`Offline ${tag}`]);
});
