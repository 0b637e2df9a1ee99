import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTemplate } from '@mail/render-template';
import type { SqliteMessageStore } from '../store/sqlite-message-store';

/**
 * Real, openly licensed newsletter and transactional templates (e2e/fixtures/newsletters, licenses beside them),
 * plus one MJML newsletter rendered by the project's own renderer, as mails in a folder of their own. The
 * newsletter e2e test shows each in the reader and compares it with the original rendered on its own.
 */
export const NEWSLETTER_FIXTURES_DIR = fileURLToPath(new URL('../../../e2e/fixtures/newsletters/', import.meta.url));

export interface Newsletter {
  subject: string;
  /** The HTML exactly as the author made it (what the e2e test renders directly). */
  html: string;
}

const FILES: [file: string, subject: string][] = [
  ['leemunroe-responsive.html', "Newsletter: Lee Munroe's responsive template"],
  ['mailgun-action.html', "Newsletter: Mailgun's action template"],
  ['mailgun-billing.html', "Newsletter: Mailgun's billing template"],
  ['postmark-welcome.html', "Newsletter: Postmark's welcome template"],
  ['postmark-receipt.html', "Newsletter: Postmark's receipt template"],
];

export async function newsletters(): Promise<Newsletter[]> {
  const read = (file: string) => readFileSync(`${NEWSLETTER_FIXTURES_DIR}${file}`, 'utf8');
  const mjml = await renderTemplate(
    { subject: 'Acme Monthly', mjmlBody: read('mjml-newsletter.mjml'), variables: ['name'] },
    { variables: { name: 'Ayşe' } },
  );
  return [
    ...FILES.map(([file, subject]) => ({ subject, html: read(file) })),
    { subject: 'Newsletter: MJML rendered by the console', html: mjml.html },
  ];
}

function rawMessage(mailbox: string, mail: Newsletter, date: Date, i: number): Buffer {
  const html = Buffer.from(mail.html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    `From: Acme News <news@newsletters.example>\r\nTo: ${mailbox}\r\nSubject: ${mail.subject}\r\n` +
      `Date: ${date.toUTCString()}\r\nMessage-ID: <newsletter-${i}@newsletters.example>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${html}\r\n`,
  );
}

/** Append the newsletters (oldest first, one minute apart) to `folder`. */
export async function seedNewsletters(
  store: SqliteMessageStore,
  o: { mailbox: string; folder: string; now?: Date },
): Promise<void> {
  store.createFolderSync(o.mailbox, o.folder);
  const mails = await newsletters();
  const newest = (o.now ?? new Date()).getTime();
  for (const [i, mail] of mails.entries()) {
    const date = new Date(newest - (mails.length - i) * 60_000);
    await store.append(o.mailbox, o.folder, rawMessage(o.mailbox, mail, date, i), { internalDate: date });
  }
}
