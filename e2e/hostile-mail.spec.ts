import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostileMails } from '../src/emulator/seed/hostile-corpus';
import { HOSTILE_FOLDER, HOSTILE_MAILBOX } from '../src/emulator/seed/test-extras';
import { startConsole, type RunningConsole } from './console-server';
import { expect, test as base } from './fixtures';

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

test('hostile mails run no script, navigate nowhere and fetch nothing remote until "Show images"', async ({
  signedInPage: page,
  context,
  remote,
  baseURL,
}) => {
  // Sixteen messages, each checked in its frame: about 10 s on an idle machine; room for a busy one.
  test.setTimeout(60_000);
  const origin = baseURL!;
  const dialogs: string[] = [];
  const markers: string[] = [];
  const popups: string[] = [];
  const navigations: string[] = [];
  const foreignRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes('HOSTILE-EXECUTED')) markers.push(message.text());
  });
  context.on('page', (popup) => popups.push(popup.url()));
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    const allowed =
      frame === page.mainFrame() ? url.startsWith(`${origin}/`) : /^about:(srcdoc|blank)(#.*)?$/.test(url);
    if (!allowed) navigations.push(`${url} (${current})`);
  });
  context.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`) && !/^(data|about|blob):/.test(request.url()))
      foreignRequests.push(request.url());
  });

  const mails = hostileMails(remote.url);
  let current = '';
  await page.goto(`/inbox/${encodeURIComponent(HOSTILE_MAILBOX)}/${HOSTILE_FOLDER}`);
  const grid = page.getByRole('grid', { name: 'Hostile messages' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(mails.length));
  const frameElement = page.getByTitle('Message content');
  /** Opens one message by searching the folder for its subject. */
  const open = async (subject: string) => {
    await page.getByRole('searchbox').fill(subject);
    await page.getByRole('searchbox').press('Enter');
    await expect(grid.getByRole('row')).toHaveCount(1);
    await grid.getByRole('row').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  };

  // Every message, newest first, with "j" (the list is virtualised: not every row exists at once). The row count
  // comes from the folder counts; wait for the first page of rows too, or the first "j" has nothing to move to.
  const newestFirst = [...mails].reverse();
  await expect(grid.getByRole('row').first()).toContainText(newestFirst[0]!.subject);
  for (const mail of newestFirst) {
    current = mail.subject;
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { level: 2, name: mail.subject })).toBeVisible();
    // No scripts, opaque origin; the frame's document (with its own CSP) is loaded before we move on.
    await expect(frameElement).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    await expect(frameElement.contentFrame().locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /img-src data:;/,
    );
    await expect(frameElement.contentFrame().locator('script, iframe, form, object, embed, base, link')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/inbox/[^/]+/${HOSTILE_FOLDER}/\\d+$`));
  }

  // Clicking what the mail offers does not run its handlers or move the console.
  await open('Hostile: top navigation');
  current = 'click x';
  await frameElement.contentFrame().getByText('x', { exact: true }).click();
  await open('Hostile: javascript links');
  current = 'click me';
  await frameElement.contentFrame().getByText('Click me').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Hostile: javascript links' })).toBeVisible();

  expect(dialogs, 'dialogs opened by the mails').toEqual([]);
  expect(markers, 'console markers of the mails').toEqual([]);
  expect(popups, 'popups opened by the mails').toEqual([]);
  expect(navigations, 'navigations caused by the mails').toEqual([]);
  expect(foreignRequests, 'requests for remote resources before "Show images"').toEqual([]);
  expect(remote.requests, 'requests that reached the remote listener before "Show images"').toEqual([]);

  // "Show images" on the newsletter with a tracking pixel and a logo: now, and only now, the listener is asked.
  await open('Hostile: tracking pixel');
  const bar = page.getByRole('status').filter({ hasText: 'blocked to protect your privacy' });
  await expect(bar).toHaveText(/2 remote resources were blocked/);
  await page.getByRole('button', { name: 'Show images', exact: true }).click();
  await expect(bar).toBeHidden();
  await expect.poll(() => remote.requests.some((r) => r.startsWith('GET /pixel.gif?id=42'))).toBe(true);
  expect(remote.requests.every((r) => /^GET \/(pixel\.gif\?id=42|logo\.png)$/.test(r))).toBe(true);
  expect(dialogs).toEqual([]);
  expect(markers).toEqual([]);
  expect(popups).toEqual([]);
  expect(navigations).toEqual([]);
});
