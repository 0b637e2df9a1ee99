/**
 * From a message being sent to its row showing in an open inbox, end to end: the SPA's inbox open in Chromium, a
 * send through the BFF to the mailbox it shows, and the clock stopped when the row with that subject is visible.
 * Today the list learns of new mail only by polling (INBOX_POLL_MS) or on window focus, so the figure is mostly
 * where the send fell in the poll cycle. The send goes out right after the inbox has loaded (and polled), so the
 * figure is close to the worst case, one whole interval; the API-level delay (send answered → row in the next list
 * call) is beside it.
 */
import type { Browser } from 'playwright-core';
import { INBOX_POLL_MS } from '../src/web/features/inbox/api/get-folders';
import type { BenchContext } from './context';
import { signedInContext } from './bundle';
import { ms, type Row } from './table';

export async function sendToRow(ctx: BenchContext, browser: Browser): Promise<Row[]> {
  const url = ctx.console.url;
  const context = await signedInContext(browser, url);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/inbox`);
    await page.waitForURL(/\/inbox\/[^/]+\/INBOX/);
    await page.waitForLoadState('networkidle');
    const mailbox = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    const domains = (await (await context.request.get(`${url}/api/domains`)).json()) as {
      data: { id: string; domain: string }[];
    };
    const domain = domains.data.find((d) => mailbox.endsWith(`@${d.domain}`));
    if (!domain) throw new Error(`no domain for ${mailbox}`);
    const subject = `Bench arrival ${Date.now()}`;
    const started = performance.now();
    const sent = await context.request.post(`${url}/api/send`, {
      data: { from: mailbox, to: mailbox, subject, domainId: domain.id, text: 'Timing the inbox.' },
      headers: { origin: url },
    });
    if (!sent.ok()) throw new Error(`send answered ${sent.status()}`);
    const answered = performance.now() - started;
    const list = await context.request.get(
      `${url}/api/inbox?${new URLSearchParams({ mailbox, folder: 'INBOX', page: '1', limit: '50' })}`,
    );
    const listable = performance.now() - started;
    const listed = JSON.stringify(await list.json()).includes(subject);
    await page
      .getByText(subject)
      .first()
      .waitFor({ state: 'visible', timeout: INBOX_POLL_MS + 15_000 });
    const shown = performance.now() - started;
    return [
      {
        check: 'sent → row shown in an open inbox (e2e)',
        figure: ms(shown),
        target: '(none set)',
        note:
          `Chromium, sent just after the inbox loaded, SPA polls every ${INBOX_POLL_MS / 1000} s; send answered in ${ms(answered)}, ` +
          `${listed ? `row in the next API list call at ${ms(listable)}` : 'row NOT in the list right after the send'}`,
      },
    ];
  } finally {
    await context.close();
  }
}
