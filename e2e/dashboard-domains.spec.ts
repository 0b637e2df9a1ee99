import { expect, test } from './fixtures';

test.describe('dashboard: domains', () => {
  test('the failing domain says what to fix, with copyable records and a zone-file snippet', async ({
    signedInPage: page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

    const filter = page.getByLabel(/only domains that need attention/i);
    await filter.check();
    const table = page.getByRole('table', { name: /domains of your company/i });
    await expect(table.getByRole('row')).toHaveCount(2);
    await table.getByRole('link', { name: 'acme-mail.example' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'acme-mail.example' })).toBeVisible();
    await expect(page.getByText(/not all found within 4 hours/i)).toBeVisible();
    await expect(page.getByText('To fix: publish the DKIM and DMARC records marked below')).toBeVisible();

    const records = page.getByRole('table', { name: /dns records to publish for acme-mail\.example/i });
    const dkim = records.getByRole('row', { name: /^DKIM/ });
    await expect(dkim.getByText('not found: publish this record')).toBeVisible();
    await expect(
      records.getByRole('row', { name: /^DMARC/ }).getByText('not found: publish this record'),
    ).toBeVisible();
    await expect(records.getByRole('row', { name: /^SPF/ }).getByText('found', { exact: true })).toBeVisible();
    await expect(records.getByRole('row', { name: /^Receiving mail/ })).toHaveCount(2);

    const dkimValue = await dkim.getByRole('cell').nth(2).locator('div').first().innerText();
    await dkim.getByRole('button', { name: 'Copy value of the DKIM TXT record' }).click();
    await expect(dkim.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dkimValue);

    await page.getByRole('button', { name: 'Copy all as zone-file snippet' }).click();
    const zone = await page.evaluate(() => navigator.clipboard.readText());
    expect(zone).toContain('_dmarc.acme-mail.example.\t3600\tIN\tTXT\t"v=DMARC1;');
    expect(zone).toMatch(/mail\._domainkey\.acme-mail\.example\.\t3600\tIN\tTXT\t"v=DKIM1; k=rsa; p=[^"]+" "/);
    expect(zone).toContain('acme-mail.example.\t3600\tIN\tMX\t10 ');

    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByText(/^Last checked/)).toBeVisible();

    const mailboxes = page.getByRole('region', { name: 'Mailboxes' });
    await expect(mailboxes.getByRole('link', { name: 'news@acme-mail.example' })).toBeVisible();
  });

  test('the active domain lists its templates, linked to their previews', async ({ signedInPage: page }) => {
    await page.getByRole('link', { name: 'acme.example', exact: true }).click();
    await expect(page.getByText(/mail can be sent from this domain/i)).toBeVisible();
    const templates = page.getByRole('region', { name: 'Templates' });
    await templates.getByRole('link', { name: 'Invoice' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoice' })).toBeVisible();
  });
});
