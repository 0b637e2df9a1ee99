import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const RECIPIENT = 'support@acme.example';

interface Summary {
  uid: number;
  subject: string;
}
interface Detail {
  attachments: { partId: string; filename: string; size: number }[];
}

/** Messages in the recipient's INBOX with this subject, read through the BFF with the page's cookie. */
async function inboxWithSubject(request: APIRequestContext, subject: string): Promise<Summary[]> {
  const res = await request.get(`/api/inbox?mailbox=${encodeURIComponent(RECIPIENT)}&limit=200`);
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: Summary[] };
  return data.filter((m) => m.subject === subject);
}

async function startMessage(page: Page, from: string, subject: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).selectOption(from);
  await page.getByLabel('To', { exact: true }).fill(RECIPIENT);
  await page.getByLabel('To', { exact: true }).press('Enter');
  await expect(page.getByRole('list', { name: 'To addresses' }).getByText(RECIPIENT)).toBeVisible();
  await page.getByLabel('Subject', { exact: true }).fill(subject);
  await page.getByLabel('Message', { exact: true }).fill('Hello **team**,\n\nthe files are attached.');
}

test.describe('dashboard: compose and send', () => {
  test('sends two attachments (one of 5 MB) that arrive intact and are in the send log', async ({
    signedInPage: page,
  }) => {
    const subject = `Quarterly files ${Date.now()}`;
    const big = randomBytes(5 * 1024 * 1024);
    const small = Buffer.from('id,amount\n1,42\n2,7\n');
    await startMessage(page, 'info@acme.example', subject);
    await page.getByLabel('Attach files').setInputFiles([
      { name: 'figures.csv', mimeType: 'text/csv', buffer: small },
      { name: 'archive.bin', mimeType: 'application/octet-stream', buffer: big },
    ]);
    const files = page.getByRole('list', { name: 'Attached files' });
    await expect(files.getByRole('listitem')).toHaveCount(2);
    await expect(files.getByText('5.0 MB')).toBeVisible();
    await expect(page.getByText('5.0 MB of 20.0 MB used')).toBeVisible();
    await expect(files.getByRole('progressbar')).toHaveCount(0);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const result = page.getByRole('status').filter({ hasText: 'Message sent' });
    await expect(result).toBeVisible();
    await expect(result.getByText('Job id')).toBeVisible();

    const [message] = await inboxWithSubject(page.request, subject);
    expect(message).toBeDefined();
    const detailRes = await page.request.get(
      `/api/inbox/${message!.uid}?mailbox=${encodeURIComponent(RECIPIENT)}&folder=INBOX`,
    );
    const detail = ((await detailRes.json()) as { data: Detail }).data;
    expect(detail.attachments.map((a) => a.filename).sort()).toEqual(['archive.bin', 'figures.csv']);
    for (const attachment of detail.attachments) {
      const download = await page.request.get(
        `/api/inbox/${message!.uid}/attachments/${attachment.partId}/download?mailbox=${encodeURIComponent(RECIPIENT)}&folder=INBOX`,
      );
      expect(download.status()).toBe(200);
      const bytes = await download.body();
      expect(bytes.equals(attachment.filename === 'archive.bin' ? big : small)).toBe(true);
    }

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent' }).click();
    const row = page.getByRole('row', { name: new RegExp(subject) });
    await expect(row).toBeVisible();
    await expect(row.getByText('archive.bin (5.0 MB)')).toBeVisible();
    // The Sent page follows the job on the platform until it is final: the emulator delivers at once.
    await expect(row.getByText('sent', { exact: true })).toBeVisible();
  });

  test('double-clicking Send sends one message', async ({ signedInPage: page }) => {
    const subject = `Only once ${Date.now()}`;
    await startMessage(page, 'info@acme.example', subject);
    await page.getByRole('button', { name: 'Send', exact: true }).dblclick();
    await expect(page.getByRole('status').filter({ hasText: 'Message sent' })).toBeVisible();
    expect(await inboxWithSubject(page.request, subject)).toHaveLength(1);
  });

  test('a From on a domain that is not verified blocks Send at the field; sent anyway, the platform refuses and the draft keeps every field, also after a reload', async ({
    signedInPage: page,
  }) => {
    // No request the SPA lets through is refused by the platform any more (it checks the domain, the variables and
    // the input first): the refusal is reached by overriding the domain block with "Send anyway".
    const sends: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/send') sends.push(r.url());
    });
    const subject = `From the failing domain ${Date.now()}`;
    await startMessage(page, 'news@acme-mail.example', subject);
    const from = page.getByLabel('From', { exact: true });
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText(/acme-mail\.example is failed, not active.*Sending is blocked until it is verified\./),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'See what to fix for acme-mail.example' })).toHaveAttribute(
      'href',
      /^\/domains\/[\w-]+$/,
    );

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not sent: fix the marked fields first.' })).toBeVisible();
    expect(sends).toHaveLength(0);

    await page.getByRole('checkbox', { name: /^Send anyway/ }).check();
    await expect(from).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not sent: Domain not found or not active' })).toBeVisible();
    expect(sends).toHaveLength(1);
    await expect(from).toHaveValue('news@acme-mail.example');
    await expect(page.getByRole('list', { name: 'To addresses' }).getByText(RECIPIENT)).toBeVisible();
    await expect(page.getByLabel('Subject', { exact: true })).toHaveValue(subject);
    await expect(page.getByLabel('Message', { exact: true })).toHaveValue('Hello **team**,\n\nthe files are attached.');

    await expect(page.getByText(/^Saved to Drafts of news@acme-mail\.example/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Subject', { exact: true })).toHaveValue(subject);
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('news@acme-mail.example');
    await expect(page.getByRole('list', { name: 'To addresses' }).getByText(RECIPIENT)).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent' }).click();
    const row = page.getByRole('row', { name: new RegExp(subject) });
    await expect(row.getByText('failed')).toBeVisible();
    await expect(row.getByText('Domain not found or not active')).toBeVisible();
  });

  test('a scheduled send shows "scheduled", is in the send log as scheduled, and arrives once due', async ({
    signedInPage: page,
  }) => {
    const subject = `Later ${Date.now()}`;
    await startMessage(page, 'info@acme.example', subject);
    await page.getByText('Advanced').click();
    // datetime-local in the page's own time zone, ~5 s ahead (seconds included).
    const at = await page.evaluate(() => {
      const d = new Date(Date.now() + 5_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    });
    await page.getByLabel('Send later (your time zone)').fill(at);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();

    const result = page.getByRole('status').filter({ hasText: 'Scheduled for' });
    await expect(result).toBeVisible();
    await expect(result.getByRole('definition').filter({ hasText: /^scheduled$/ })).toBeVisible();
    expect(await inboxWithSubject(page.request, subject)).toHaveLength(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sent' }).click();
    const row = page.getByRole('row', { name: new RegExp(subject) });
    await expect(row.getByText('scheduled', { exact: true })).toBeVisible();
    await expect(row.getByText(/^for /)).toBeVisible();

    await expect.poll(async () => (await inboxWithSubject(page.request, subject)).length, { timeout: 20_000 }).toBe(1);
  });
});

test.describe('dashboard: replies from the inbox', () => {
  test('forward opens compose with Fwd:, the quoted original and its attachments; reply fills In-Reply-To', async ({
    signedInPage: page,
  }) => {
    const list = await page.request.get(`/api/inbox?mailbox=${encodeURIComponent(RECIPIENT)}&limit=200`);
    const { data } = (await list.json()) as {
      data: (Summary & { hasAttachments: boolean; messageId: string | null })[];
    };
    const original = data.find((m) => m.hasAttachments && m.messageId);
    expect(original).toBeDefined();

    await page.goto(`/compose?replyTo=${encodeURIComponent(RECIPIENT)}&folder=INBOX&uid=${original!.uid}&mode=forward`);
    await expect(page.getByLabel('Subject', { exact: true })).toHaveValue(/^Fwd: /);
    await expect(page.getByLabel('Quoted message', { exact: true })).toHaveValue(/Forwarded message/);
    const files = page.getByRole('list', { name: 'Attached files' });
    await expect(files.getByRole('listitem').first()).toBeVisible();
    await expect(files.getByRole('progressbar')).toHaveCount(0);
    await expect(files.getByText(/could not/i)).toHaveCount(0);

    await page.goto(`/compose?replyTo=${encodeURIComponent(RECIPIENT)}&folder=INBOX&uid=${original!.uid}&mode=reply`);
    await expect(page.getByLabel('Subject', { exact: true })).toHaveValue(/^Re: /);
    await expect(page.getByLabel('From', { exact: true })).toHaveValue(RECIPIENT);
    await page.getByText('Advanced').click();
    await expect(page.getByText(original!.messageId!, { exact: false }).first()).toBeVisible();
  });
});
