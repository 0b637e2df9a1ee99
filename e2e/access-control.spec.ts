import { DEMO_MEMBER, DEMO_OPERATOR } from '../src/demo-credentials';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function signInAs(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
}

test.describe('access control', () => {
  // Several sign-ins (password hashing) per test: on a busy machine 30 s is not enough.
  test.describe.configure({ timeout: 60_000 });

  test('the member sees only their mailbox and cannot reach another one by URL', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(DEMO_MEMBER.email);
    await page.getByLabel('Password').fill(DEMO_MEMBER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Inbox' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);

    const mailboxes = await page.request.get('/api/mailboxes');
    expect(((await mailboxes.json()) as { data: { email: string }[] }).data.map((m) => m.email)).toEqual([
      'support@acme.example',
    ]);
    const other = await page.request.get('/api/inbox?mailbox=info@acme.example');
    expect(other.status()).toBe(403);
    expect(await other.json()).toEqual({ data: null, error: 'You do not have access to mailbox info@acme.example' });
    expect((await page.request.get('/api/inbox?mailbox=support@acme.example')).status()).toBe(200);
    expect((await page.request.get('/api/console/users')).status()).toBe(403);
  });

  test('the admin creates a user with one mailbox, who signs in and sees exactly it', async ({
    signedInPage,
    browser,
    baseURL,
  }) => {
    const page = signedInPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Add a user' });
    const email = `agent-${Date.now()}@acme.example`;
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('member');
    await form.getByRole('checkbox', { name: 'news@acme-mail.example' }).check();
    await form.getByRole('button', { name: 'Create user' }).click();

    const shown = page.getByRole('status').filter({ hasText: `Password for ${email}` });
    await expect(shown).toBeVisible();
    const password = (await shown.locator('code').textContent())!.trim();
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('news@acme-mail.example');

    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    await other.goto('/login');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    const res = await other.request.get('/api/mailboxes');
    expect(((await res.json()) as { data: { email: string }[] }).data.map((m) => m.email)).toEqual([
      'news@acme-mail.example',
    ]);
    expect((await other.request.get('/api/inbox?mailbox=support@acme.example')).status()).toBe(403);
    await context.close();
  });

  for (const user of [DEMO_OPERATOR, DEMO_MEMBER]) {
    test(`the ${user.role} opening /users or /audit by URL gets the "no access" page, not a failing pane`, async ({
      page,
    }) => {
      await signInAs(page, user);
      for (const path of ['/users', '/audit']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible();
        await expect(
          page.getByText(new RegExp(`You are signed in as an? ${user.role}, and this page needs`)),
        ).toBeVisible();
        await expect(page.getByRole('alert')).toHaveCount(0);
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      }
      await page.getByRole('link', { name: 'Go to the domains' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    });
  }

  test('the operator following an /inbox link gets the "no access" page, not a failing inbox', async ({ page }) => {
    await signInAs(page, DEMO_OPERATOR);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' })).toHaveCount(0);
    for (const path of ['/inbox', `/inbox/${encodeURIComponent('info@acme.example')}/INBOX/1`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible();
      await expect(
        page.getByText('You are signed in as an operator, and this page needs a company mailbox granted to you'),
      ).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByRole('grid')).toHaveCount(0);
    }
  });

  test('the member composes only from their mailbox', async ({ page }) => {
    await signInAs(page, DEMO_MEMBER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
    const from = page.getByLabel('From', { exact: true });
    await expect(from.getByRole('option', { name: 'support@acme.example' })).toBeAttached();
    await expect(from.getByRole('option')).toHaveText(['Choose a mailbox…', 'support@acme.example']);
  });
});
