import { expect, test } from './fixtures';

test.describe('dashboard: templates', () => {
  test('previews a template in English and Turkish and warns about a missing variable', async ({
    signedInPage: page,
  }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByLabel('Search templates by name').fill('welc');
    const table = page.getByRole('table', { name: /email templates/i });
    await expect(table.getByRole('row')).toHaveCount(2);
    await table.getByRole('link', { name: 'Welcome' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();

    const languages = page.getByRole('tablist', { name: 'Language' });
    await languages.getByRole('tab', { name: 'en' }).click();
    await expect(page.getByText('Welcome to Acme Inc., Ada Lovelace!')).toBeVisible();
    await expect(
      page.frameLocator('iframe[title="Preview in en: email body"]').getByText('Hi Ada Lovelace,'),
    ).toBeVisible();

    await languages.getByRole('tab', { name: 'tr' }).click();
    await expect(page.getByText('Acme Inc. ailesine hoş geldin, Ada Lovelace!')).toBeVisible();
    await expect(page.getByText('Welcome to Acme Inc., Ada Lovelace!')).toBeHidden();

    await page.getByLabel('name', { exact: true }).fill('');
    await expect(page.getByRole('status', { name: 'Preview in tr: warnings' })).toContainText(
      'Variable "name" has no value',
    );
    await expect(page.getByText('Acme Inc. ailesine hoş geldin, {name}!')).toBeVisible();

    await page.getByLabel('All languages side by side').check();
    await expect(page.getByText('Welcome to Acme Inc., {name}!')).toBeVisible();
    await expect(page.getByText('Acme Inc. ailesine hoş geldin, {name}!')).toBeVisible();
  });
});
