import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostileMails, type HostileMail } from '../src/emulator/seed/hostile-corpus';
import { HOSTILE_FOLDER, HOSTILE_MAILBOX } from '../src/emulator/seed/test-extras';
import { startConsole, type RunningConsole } from './console-server';
import { expect, test as base } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

/** Stands in for a remote image server: records every request it receives, answers with a 1×1 GIF. */
interface RemoteListener {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

async function startRemoteListener(): Promise<RemoteListener> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'image/gif', 'Content-Length': GIF.length });
    res.end(GIF);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// This file's worker runs its own console, seeded with the hostile corpus pointing at the listener.
const test = base.extend<object, { remote: RemoteListener; consoleServer: RunningConsole }>({
  remote: [
    async ({}, use) => {
      const remote = await startRemoteListener();
      try {
        await use(remote);
      } finally {
        await remote.close();
      }
    },
    { scope: 'worker' },
  ],
  consoleServer: [
    async ({ remote }, use) => {
      const server = await startConsole({ CONSOLE_DEMO_EXTRA: 'hostile', CONSOLE_DEMO_REMOTE_BASE: remote.url });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

// Signing in and starting the console's worker take their share on a busy machine: a budget for all, set up included.
test.describe.configure({ timeout: 120_000 });

const SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Everything a mail could do to the browser, recorded for the assertions at the end of each test. */
function watch(page: Page, context: BrowserContext, origin: string) {
  const seen = {
    dialogs: [] as string[],
    markers: [] as string[],
    popups: [] as string[],
    navigations: [] as string[],
    foreign: [] as string[],
    current: '',
  };
  const bodyUrl = `${origin}/api/console/inbox/message-body?`;
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes('HOSTILE-EXECUTED')) seen.markers.push(message.text());
  });
  context.on('page', (popup) => seen.popups.push(popup.url()));
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    // The console itself, a message document (with an in-document #anchor at most), or compose's srcdoc preview.
    const allowed =
      frame === page.mainFrame()
        ? url.startsWith(`${origin}/`)
        : url.startsWith(bodyUrl) || url === 'about:blank' || url === 'about:srcdoc';
    if (!allowed) seen.navigations.push(`${url} (${seen.current})`);
  });
  context.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|about|blob):/.test(request.url()))
      seen.foreign.push(request.url());
  });
  return seen;
}

async function openFolder(page: Page, mails: HostileMail[]) {
  await page.goto(`/inbox/${encodeURIComponent(HOSTILE_MAILBOX)}/${HOSTILE_FOLDER}`);
  const grid = page.getByRole('grid', { name: 'Hostile messages' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(mails.length));
  return grid;
}

/** The element at the centre of "Sign out" is that button: nothing of a mail lies over the console's controls. */
async function signOutOnTop(page: Page) {
  return page.getByRole('button', { name: 'Sign out' }).evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === button || button.contains(hit));
  });
}

/** An HTML mail is its own document from the BFF, sandboxed without scripts, loaded before we move on. */
async function expectBodyShown(page: Page, mail: HostileMail) {
  const frameElement = page.getByTitle('Message content');
  const frame = frameElement.contentFrame();
  if (mail.html === undefined) return expect(frameElement).toHaveCount(0);
  await expect(frameElement).toHaveAttribute('sandbox', SANDBOX);
  await expect(frameElement).toHaveAttribute('src', /\/api\/console\/inbox\/message-body\?.*images=0$/);
  await expect(frame.locator('meta[name="sentroy-blocked-remote"]')).toHaveCount(1);
  await expect(
    frame.locator('script, iframe, form, object, embed, base, link, svg, math, meta[http-equiv]'),
  ).toHaveCount(0);
}

/** The corpus with each mail's UID, from the console's own API (the folder holds only the corpus). */
async function withUids(page: Page, mails: HostileMail[]) {
  const qs = new URLSearchParams({ mailbox: HOSTILE_MAILBOX, folder: HOSTILE_FOLDER, limit: '200' });
  const res = await page.request.get(`/api/inbox?${qs.toString()}`);
  expect(res.status()).toBe(200);
  const rows = ((await res.json()) as { data: { uid: number; subject: string }[] }).data;
  return mails.map((mail) => {
    const row = rows.find((r) => r.subject.startsWith(`${mail.label} `));
    expect(row, mail.label).toBeDefined();
    return { ...mail, uid: row!.uid };
  });
}

function checkResults(seen: ReturnType<typeof watch>, remote: RemoteListener) {
  expect(seen.dialogs, 'dialogs opened by the mails').toEqual([]);
  expect(seen.markers, 'console markers of the mails').toEqual([]);
  expect(seen.popups, 'popups opened by the mails').toEqual([]);
  expect(seen.navigations, 'navigations caused by the mails').toEqual([]);
  expect(seen.foreign, 'requests for remote resources before "Show images"').toEqual([]);
  expect(remote.requests, 'requests that reached the remote listener before "Show images"').toEqual([]);
}

test('every hostile HTML mail as its own document: no script, nothing remote, nothing over the console', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  // About 90 documents, a batch of 15 frames at a time in the console's own page (under its CSP), each sandboxed
  // like the reader's frame. Measured: 2.6 minutes with the machine's load average at 25 (other suites running).
  test.setTimeout(200_000);
  const seen = watch(page, context, baseURL!);
  await openFolder(page, hostileMails(remote.url));
  const mails = (await withUids(page, hostileMails(remote.url))).filter((m) => m.html !== undefined);
  expect(mails.length).toBeGreaterThanOrEqual(80);
  const BATCH = 15;
  for (let start = 0; start < mails.length; start += BATCH) {
    const batch = mails.slice(start, start + BATCH);
    seen.current = batch.map((m) => m.label).join(' ');
    const urls = batch.map(
      (m) =>
        `/api/console/inbox/message-body?${new URLSearchParams({ mailbox: HOSTILE_MAILBOX, folder: HOSTILE_FOLDER, uid: String(m.uid), images: '0' }).toString()}`,
    );
    await page.evaluate(
      ({ urls, sandbox }) => {
        const box = document.createElement('section');
        box.setAttribute('aria-label', 'Hostile batch');
        for (const [i, url] of urls.entries()) {
          const frame = document.createElement('iframe');
          frame.title = `Hostile document ${i}`;
          frame.setAttribute('sandbox', sandbox);
          frame.src = url;
          frame.style.cssText = 'display:block;width:600px;height:200px';
          box.append(frame);
        }
        document.body.append(box);
      },
      { urls, sandbox: SANDBOX },
    );
    for (const [i, mail] of batch.entries()) {
      const frame = page.getByTitle(`Hostile document ${i}`).contentFrame();
      await expect(frame.locator('meta[name="sentroy-blocked-remote"]'), mail.label).toHaveCount(1);
      // One look per document: nothing active survived, and nothing is laid out of flow (fixed, sticky or absolute),
      // however the CSS spelled it.
      const found = await frame.locator('html, html *').evaluateAll((els) => ({
        active: els.filter((e) => /^(script|iframe|form|object|embed|base|link|svg|math)$/i.test(e.localName)).length,
        positioned: els.filter((e) => !['static', 'relative'].includes(getComputedStyle(e).position)).length,
      }));
      expect(found, mail.label).toEqual({ active: 0, positioned: 0 });
    }
    expect(await signOutOnTop(page), `"Sign out" is on top with ${seen.current}`).toBe(true);
    await page.getByRole('region', { name: 'Hostile batch' }).evaluate((box) => box.remove());
  }
  checkResults(seen, remote);
});

test('the reader shows the hostile texts, names, subjects and overlays with the console on top', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  // 36 messages opened with "j", each waited for in the reader. Measured: 35 of them in 4 minutes with the machine's
  // load average at 30 (other suites running), hence the budget.
  test.setTimeout(360_000);
  const mails = hostileMails(remote.url);
  const seen = watch(page, context, baseURL!);
  const grid = await openFolder(page, mails);
  // Newest first, with "j" (the list is virtualised: not every row exists at once). Wait for the first page of rows
  // too, or the first "j" has nothing to move to.
  // The corpus ends with the overlays and the texts: the newest messages.
  const walked = mails.filter((m) => m.kind === 'overlay' || m.kind === 'text');
  const newestFirst = [...mails].reverse().slice(0, walked.length);
  expect(newestFirst.every((m) => m.kind === 'overlay' || m.kind === 'text')).toBe(true);
  await expect(grid.getByRole('row').first()).toContainText(newestFirst[0]!.label);
  for (const mail of newestFirst) {
    seen.current = mail.subject;
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { level: 2, name: mail.label })).toBeVisible();
    await expectBodyShown(page, mail);
    expect(await signOutOnTop(page), `"Sign out" is on top after ${mail.label}`).toBe(true);
  }
  await expect(page).toHaveURL(new RegExp(`/inbox/[^/]+/${HOSTILE_FOLDER}/\\d+$`));
  checkResults(seen, remote);
});

test('clicking what a hostile mail offers moves nothing and runs nothing', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const mails = hostileMails(remote.url);
  const seen = watch(page, context, baseURL!);
  const grid = await openFolder(page, mails);
  const frame = page.getByTitle('Message content').contentFrame();
  const open = async (title: string) => {
    const mail = mails.find((m) => m.title === title)!;
    seen.current = mail.subject;
    await page.getByRole('searchbox').fill(mail.subject);
    await page.getByRole('searchbox').press('Enter');
    await expect(grid.getByRole('row')).toHaveCount(1);
    await grid.getByRole('row').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: mail.label })).toBeVisible();
    await expect(frame.locator('meta[name="sentroy-blocked-remote"]')).toHaveCount(1);
    return mail;
  };

  await open('top navigation');
  await frame.getByText('x', { exact: true }).click();
  await open('javascript links');
  await frame.getByText('Click me').click();
  await frame.getByText('and me').click();
  const overlay = await open('host, var and important');
  // No copy of the mail in the console's own document: its text is only in the frame, and no shadow root holds it.
  await expect(page.getByText('Your session expired: sign in again')).toHaveCount(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => e.shadowRoot !== null))).toBe(false);
  // The fake "sign in again" link pointed at the console (relative): it has no href left.
  await expect(frame.getByText('Your session expired: sign in again')).not.toHaveAttribute('href', /./);
  await frame.getByText('Your session expired: sign in again').click();
  await expect(page.getByRole('heading', { level: 2, name: overlay.label })).toBeVisible();
  expect(await signOutOnTop(page)).toBe(true);

  checkResults(seen, remote);
});

test('"Show images" loads remote images, survives the conversation view, and "Always show images" trusts the sender', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const mails = hostileMails(remote.url);
  const seen = watch(page, context, baseURL!);
  const grid = await openFolder(page, mails);
  const frameElement = page.getByTitle('Message content');
  const pixel = mails.find((m) => m.title === 'tracking pixel')!;
  await page.getByRole('searchbox').fill(pixel.subject);
  await page.getByRole('searchbox').press('Enter');
  await expect(grid.getByRole('row')).toHaveCount(1);
  await grid.getByRole('row').getByRole('link').click();

  const bar = page.getByRole('status').filter({ hasText: 'blocked to protect your privacy' });
  await expect(bar).toHaveText(/2 remote resources were blocked/);
  expect(remote.requests).toEqual([]);
  await page.getByRole('button', { name: 'Show images', exact: true }).click();
  await expect(bar).toBeHidden();
  await expect(frameElement).toHaveAttribute('src', /images=1$/);
  await expect.poll(() => remote.requests.some((r) => r.startsWith('GET /pixel.gif?id=42'))).toBe(true);
  await expect.poll(() => remote.requests.some((r) => r.startsWith('GET /logo.png'))).toBe(true);
  expect(remote.requests.every((r) => /^GET \/(pixel\.gif\?id=42|logo\.png)$/.test(r))).toBe(true);

  // Consent belongs to the message, not to the view that showed it.
  await page.getByRole('button', { name: 'Conversation', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Conversation' }).getByTitle('Message content')).toHaveAttribute(
    'src',
    /images=1$/,
  );
  await expect(bar).toBeHidden();
  await page.getByRole('button', { name: 'Conversation', exact: true }).click();
  await expect(frameElement).toHaveAttribute('src', /images=1$/);

  // "Always show images from …": another mail of the same sender loads its images at once.
  const backgrounds = mails.find((m) => m.title === 'CSS backgrounds')!;
  await page.getByRole('searchbox').fill(backgrounds.subject);
  await page.getByRole('searchbox').press('Enter');
  await expect(grid.getByRole('row')).toHaveCount(1);
  await grid.getByRole('row').getByRole('link').click();
  await expect(bar).toHaveText(/3 remote resources were blocked/);
  await page.getByRole('button', { name: 'Always show images from mallory@hostile.example' }).click();
  await expect(frameElement).toHaveAttribute('src', /images=1$/);
  await expect.poll(() => remote.requests.some((r) => r.startsWith('GET /cell-bg.png'))).toBe(true);

  expect(seen.dialogs).toEqual([]);
  expect(seen.markers).toEqual([]);
  expect(seen.popups).toEqual([]);
  expect(seen.navigations).toEqual([]);
});

test('Reply and Forward on hostile mails fetch nothing remote and run nothing', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  // Five composes opened from the reader.
  test.setTimeout(180_000);
  // The listener is the worker's: forget what the "Show images" test before this one asked for on purpose.
  remote.requests.length = 0;
  const mails = hostileMails(remote.url);
  const seen = watch(page, context, baseURL!);
  const cases: [title: string, key: 'r' | 'f', prefix: string][] = [
    ['markup in the subject <img src="', 'r', 'Re:'],
    ['markdown in plain text', 'r', 'Re:'],
    ['markup in the name', 'f', 'Fwd:'],
    ['tracking pixel', 'f', 'Fwd:'],
    ['html mail with a hidden preheader and markdown', 'r', 'Re:'],
  ];
  for (const [title, key, prefix] of cases) {
    const mail = mails.find((m) => m.title.startsWith(title))!;
    seen.current = `${key} on ${mail.label}`;
    const grid = await openFolder(page, mails);
    await page.getByRole('searchbox').fill(mail.label);
    await page.getByRole('searchbox').press('Enter');
    await expect(grid.getByRole('row')).toHaveCount(1);
    await grid.getByRole('row').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: mail.label })).toBeVisible();
    await page.keyboard.press(key);
    const form = page.getByRole('form', { name: 'Compose' });
    await expect(form.getByLabel('Subject', { exact: true })).toHaveValue(`${prefix} ${mail.subject}`);
    await expect(form.getByLabel('Quoted message', { exact: true })).not.toHaveValue('');
  }
  checkResults(seen, remote);
});
