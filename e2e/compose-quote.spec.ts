import type { APIRequestContext } from '@playwright/test';
import { DEMO_MAILBOXES } from '../src/emulator/seed/demo-data';
import { expect, test } from './fixtures';

// info@ writes a hostile newsletter to support@ (the emulator delivers company-internal mail); support@ replies to
// it and forwards it. The quote must be the text a reader sees, as text: nothing of the original becomes markup,
// and nothing remote is fetched while composing.
const SENDER = DEMO_MAILBOXES.info;
const RECIPIENT = DEMO_MAILBOXES.support;
const EVIL = 'https://evil.example';
const HOSTILE_HTML =
  '<html><head><title>TITLE-LEAK</title><style>.pre{display:none!important}</style></head><body>' +
  '<span class="pre">PREHEADER-LEAK</span>' +
  '<div style="max-height:0;overflow:hidden;mso-hide:all">HIDDEN-LEAK</div>' +
  `<img src="${EVIL}/open.gif" width="1" height="1">` +
  `<p>Visible &lt;img src=${EVIL}/x.png onerror=alert(1)&gt; text</p>` +
  `<p>![pixel](${EVIL}/md.png) and [click](javascript:alert(1))</p>` +
  `<p><a href="${EVIL}/phish">Log in</a></p>` +
  '</body></html>';

async function deliver(request: APIRequestContext, subject: string): Promise<number> {
  const domains = (await (await request.get('/api/domains')).json()) as { data: { id: string; domain: string }[] };
  const domainId = domains.data.find((d) => d.domain === SENDER.split('@')[1])?.id;
  const sent = await request.post('/api/send', {
    data: { from: SENDER, to: RECIPIENT, subject, domainId, html: HOSTILE_HTML },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(sent.ok(), await sent.text()).toBe(true);
  let uid = 0;
  await expect
    .poll(async () => {
      const list = await request.get(`/api/inbox?mailbox=${encodeURIComponent(RECIPIENT)}&limit=50`);
      const { data } = (await list.json()) as { data: { uid: number; subject: string }[] };
      uid = data.find((m) => m.subject === subject)?.uid ?? 0;
      return uid;
    })
    .toBeGreaterThan(0);
  return uid;
}

/** The message as it left: the newest copy in the replying mailbox's Sent folder, with `subject`. */
async function sentMessage(request: APIRequestContext, subject: string) {
  const inbox = `mailbox=${encodeURIComponent(RECIPIENT)}&folder=Sent`;
  let uid = 0;
  await expect
    .poll(async () => {
      const { data } = (await (await request.get(`/api/inbox?${inbox}&limit=50`)).json()) as {
        data: { uid: number; subject: string }[];
      };
      uid = data.find((m) => m.subject === subject)?.uid ?? 0;
      return uid;
    })
    .toBeGreaterThan(0);
  const detail = (await (await request.get(`/api/inbox/${uid}?${inbox}`)).json()) as {
    data: { htmlBody: string; textBody: string };
  };
  return detail.data;
}

test('reply and forward quote a hostile mail’s visible text as text, fetch nothing, and send none of its markup', async ({
  signedInPage: page,
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(`${baseURL}/`) && !/^(data|about|blob):/.test(request.url()))
      foreign.push(request.url());
  });
  const subject = `Invoice <img src=${EVIL}/subject.png> ![x](${EVIL}/s.png) ${test.info().testId}`;
  const uid = await deliver(page.request, subject);
  const compose = (mode: string) =>
    `/compose?replyTo=${encodeURIComponent(RECIPIENT)}&folder=INBOX&uid=${uid}&mode=${mode}`;

  // Forward first: what a sent reply's draft does afterwards is the drafts' business, not the quote's.
  await page.goto(compose('forward'));
  const form = page.getByRole('form', { name: 'Compose' });
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`Fwd: ${subject}`);
  await expect(form.getByLabel('Quoted message', { exact: true })).toHaveValue(
    new RegExp(
      `^---------- Forwarded message ----------\\nFrom: ${SENDER}\\nDate: .+ at .+\\n` +
        `Subject: Invoice <img src=${EVIL}/subject\\.png>.*\\nTo: ${RECIPIENT}\\n\\nVisible <img src=`,
    ),
  );

  await page.goto(compose('reply'));
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`Re: ${subject}`);
  const quote = form.getByLabel('Quoted message', { exact: true });
  await expect(quote).toHaveValue(
    new RegExp(
      ` wrote:\\n> Visible <img src=${EVIL}/x\\.png onerror=alert\\(1\\)> text\\n` +
        `> !\\[pixel\\]\\(${EVIL}/md\\.png\\) and \\[click\\]\\(javascript:alert\\(1\\)\\)\\n` +
        `> Log in \\(${EVIL}/phish\\)$`,
    ),
  );
  await expect(quote).not.toHaveValue(/LEAK/);

  await form.getByLabel('Message', { exact: true }).fill('Paid, **thanks**.');
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message sent' })).toBeVisible();
  const sent = await sentMessage(page.request, `Re: ${subject}`);
  // The only markup is the user's own and the quote's frame: no tag, attribute or link of the original.
  expect(sent.htmlBody).toContain('<strong>thanks</strong>');
  // (`src=` inside the escaped text is fine: it is characters, not an attribute.)
  expect(sent.htmlBody).not.toMatch(/<(img|a|script|style|title|link|iframe)\b|\b(src|href|style)="[^"]*evil|LEAK/i);
  expect(sent.htmlBody).toContain(`&#60;img src=${EVIL}/x.png onerror=alert(1)&#62;`);
  expect(sent.textBody).toMatch(/^Paid, \*\*thanks\*\*\.\n\nOn .+ wrote:\n> Visible <img src=/);
  expect(sent.textBody).not.toContain('LEAK');

  expect(foreign).toEqual([]);
});
