import { expect, test } from './fixtures';

test.describe('domains', () => {
  test('lists the seeded domains with their status and DNS checks in words', async ({ signedInPage: page }) => {
    await expect(page).toHaveTitle('Domains · Sentroy Console');
    const table = page.getByRole('table', { name: /domains of your company/i });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3);

    const acme = table.getByRole('row', { name: /^acme\.example/ });
    await expect(acme.getByText('active')).toBeVisible();
    await expect(acme.getByText('SPF verified')).toBeVisible();
    await expect(acme.getByText('DKIM verified')).toBeVisible();
    await expect(acme.getByText('DMARC verified')).toBeVisible();

    const acmeMail = table.getByRole('row', { name: /^acme-mail\.example/ });
    await expect(acmeMail.getByText('SPF verified')).toBeVisible();
    await expect(acmeMail.getByText('DKIM failing')).toBeVisible();
    await expect(acmeMail.getByText('DMARC failing')).toBeVisible();
  });

  test('a domain name opens its detail page with the checks and DNS records', async ({ signedInPage: page }) => {
    await page.getByRole('link', { name: 'acme-mail.example' }).click();

    await expect(page).toHaveURL(/\/domains\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'acme-mail.example' })).toBeFocused();
    await expect(page).toHaveTitle('acme-mail.example · Domains · Sentroy Console');
    await expect(page.getByText('DKIM failing')).toBeVisible();
    const records = page.getByRole('table', { name: /dns records to publish for acme-mail\.example/i });
    await expect(records.getByRole('columnheader', { name: 'Value' })).toBeVisible();
    expect(await records.getByRole('row').count()).toBeGreaterThan(1);

    await page.getByRole('link', { name: 'All domains' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
  });
});
