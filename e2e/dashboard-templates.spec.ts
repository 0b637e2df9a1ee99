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

  test('"Send test" delivers the rendered template to an emulator mailbox', async ({ signedInPage: page }) => {
    const recipient = 'support@acme.example';
    const name = `Tester ${Date.now()}`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page
      .getByRole('table', { name: /email templates/i })
      .getByRole('link', { name: 'Welcome' })
      .click();
    await page.getByRole('tablist', { name: 'Language' }).getByRole('tab', { name: 'en' }).click();
    await page.getByLabel('name', { exact: true }).fill(name);
    const subject = `Welcome to Acme Inc., ${name}!`;
    await expect(page.getByText(subject)).toBeVisible();

    const form = page.getByRole('form', { name: 'Send test' });
    await form.getByLabel('Send a test to').fill(recipient);
    await form.getByRole('button', { name: 'Send test' }).click();
    await expect(form.getByRole('status')).toContainText(/Test sent \(job \S+, status queued\)/);

    const messages = async () => {
      const res = await page.request.get(`/api/inbox?mailbox=${encodeURIComponent(recipient)}&limit=200`);
      const { data } = (await res.json()) as { data: { uid: number; subject: string }[] };
      return data.filter((m) => m.subject === subject);
    };
    await expect.poll(async () => (await messages()).length).toBe(1);
    const [message] = await messages();
    const detail = await page.request.get(
      `/api/inbox/${message!.uid}?mailbox=${encodeURIComponent(recipient)}&folder=INBOX`,
    );
    const { data } = (await detail.json()) as { data: { htmlBody: string | null; from: { address: string } } };
    expect(data.from.address).toBe('info@acme.example');
    expect(data.htmlBody).toContain(`Hi ${name},`);
  });
});
