import type { SqliteMessageStore } from '../store/sqlite-message-store';
import { hostileCssMails } from './hostile-css';
import { hostileHtmlMails } from './hostile-html';
import { hostileOverlayMails } from './hostile-overlays';
import { hostileTextMails } from './hostile-text';
import type { HostileMailSpec } from './hostile-types';

/**
 * A corpus of hostile mails for the webmail: every trick that should never run code, escape the frame, lay itself
 * over the console or phone home before the user allows remote content. Each script-ish payload leaves a marker the
 * e2e test watches for (`console.log('HOSTILE-EXECUTED')`, `alert`, a navigation of `top`). Remote URLs point at
 * `remoteImageBase`, a listener the test starts, so any request that leaves the browser is seen.
 *
 * The mails live in four files by kind: markup (hostile-html.ts), CSS parser differentials (hostile-css.ts),
 * overlays (hostile-overlays.ts) and hostile text, names, subjects and file names (hostile-text.ts).
 */
export interface HostileCorpusOptions {
  mailbox: string;
  /** Created when missing. Default "Hostile". */
  folder?: string;
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  remoteImageBase: string;
  now?: Date;
}

export { MARK, type HostileMailSpec } from './hostile-types';

export type HostileKind = 'html' | 'css' | 'overlay' | 'text';

export interface HostileMail extends HostileMailSpec {
  /** "Hostile 042: <title>": the number makes every subject unique and findable, whatever the title holds. */
  subject: string;
  /** "Hostile 042:" */
  label: string;
  kind: HostileKind;
}

export function hostileMails(remote: string): HostileMail[] {
  const r = (name: string) => `${remote}/${name}`;
  const groups: [HostileKind, HostileMailSpec[]][] = [
    ['html', hostileHtmlMails(r)],
    ['css', hostileCssMails(r)],
    ['overlay', hostileOverlayMails()],
    ['text', hostileTextMails(r)],
  ];
  return groups
    .flatMap(([kind, specs]) => specs.map((spec) => ({ ...spec, kind })))
    .map((mail, i) => {
      const label = `Hostile ${String(i + 1).padStart(3, '0')}:`;
      return { ...mail, label, subject: `${label} ${mail.title}` };
    });
}

/** RFC 2047 encoded word: any text, markup or control characters included, survives the header intact. */
const encodedWord = (s: string) => `=?utf-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
const base64Lines = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

function rawMessage(mailbox: string, mail: HostileMail, date: Date, i: number): Buffer {
  const headers =
    `From: ${encodedWord(mail.fromName ?? 'Mallory')} <mallory@hostile.example>\r\nTo: ${mailbox}\r\n` +
    `Subject: ${encodedWord(mail.subject)}\r\nDate: ${date.toUTCString()}\r\n` +
    `Message-ID: <hostile-${i}@hostile.example>\r\nMIME-Version: 1.0\r\n`;
  const bodyType = mail.html !== undefined ? 'text/html' : 'text/plain';
  const body =
    `Content-Type: ${bodyType}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
    `${base64Lines(mail.html ?? mail.text ?? '')}\r\n`;
  if (!mail.attachments?.length) return Buffer.from(headers + body);
  const boundary = `hostile-boundary-${i}`;
  const parts = mail.attachments.map(
    (a) =>
      `--${boundary}\r\nContent-Type: ${a.contentType}; name="${encodedWord(a.filename)}"\r\n` +
      `Content-Disposition: attachment; filename="${encodedWord(a.filename)}"\r\n` +
      `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(a.content)}\r\n`,
  );
  return Buffer.from(
    `${headers}Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${body}` +
      `${parts.join('')}--${boundary}--\r\n`,
  );
}

/** Append the corpus (oldest first, one minute apart) to `folder`; returns the UIDs in corpus order. */
export async function seedHostileCorpus(store: SqliteMessageStore, o: HostileCorpusOptions): Promise<number[]> {
  const folder = o.folder ?? 'Hostile';
  store.createFolderSync(o.mailbox, folder);
  const mails = hostileMails(o.remoteImageBase.replace(/\/+$/, ''));
  const newest = (o.now ?? new Date()).getTime();
  const uids: number[] = [];
  for (const [i, mail] of mails.entries()) {
    const date = new Date(newest - (mails.length - i) * 60_000);
    const { uid } = await store.append(o.mailbox, folder, rawMessage(o.mailbox, mail, date, i), { internalDate: date });
    uids.push(uid);
  }
  return uids;
}
