import { DEMO_ADMIN, expect, signIn, test } from './fixtures';

test.describe('sign-in', () => {
  test('a signed-out visitor is sent to the sign-in page and back after signing in', async ({ page }) => {
    await page.goto('/templates');
    await expect(page).toHaveURL(/\/login\?next=%2Ftemplates$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Sentroy Console' })).toBeVisible();

    await page.getByLabel('Email').fill(DEMO_ADMIN.email);
    await page.getByLabel('Password').fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/templates$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  });

  test('the home page leads to the domains, with the layout of a signed-in user', async ({ signedInPage: page }) => {
    await expect(page).toHaveURL(/\/domains$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    await expect(page.getByText('Demo mode — data comes from the built-in Sentroy emulator')).toBeVisible();
    await expect(page.getByText(DEMO_ADMIN.name)).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Domains', 'Templates', 'Compose', 'Inbox']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await nav.getByRole('link', { name: 'Compose' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeFocused();
  });

  test('a wrong password shows the server message and keeps the user on the sign-in page', async ({ page }) => {
    await signIn(page, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('signing out returns to the sign-in page and closes the session', async ({ signedInPage: page }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Sentroy Console' })).toBeVisible();

    await page.goto('/domains');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Email')).toBeVisible();
  });

  test('the skip link moves the keyboard to the main content', async ({ signedInPage: page }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});
