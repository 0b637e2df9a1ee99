import MailComposer from 'nodemailer/lib/mail-composer';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { MessageAddress, MessageCategory, MessageDetail } from '@contract/index';
import { htmlToText } from '@mail/html-to-text';
import { threadKey } from '@mail/thread-subject';

/** Building and reading real MIME: the store keeps raw RFC 5322 source, exactly what IMAP would return. */

export interface ComposeAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
  /** Content-ID for inline images referenced as cid: in the HTML. */
  cid?: string;
}

export interface ComposeInput {
  from: string | { name: string; address: string };
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  attachments?: ComposeAttachment[];
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  date: Date;
  headers?: Record<string, string>;
}

export async function composeMime(input: ComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    cc: input.cc && input.cc.length > 0 ? input.cc : undefined,
    replyTo: input.replyTo,
    subject: input.subject,
    text: input.text,
    html: input.html,
    attachments: input.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      cid: a.cid,
    })),
    messageId: input.messageId,
    inReplyTo: input.inReplyTo,
    references: input.references && input.references.length > 0 ? input.references : undefined,
    date: input.date,
    headers: input.headers,
  });
  return composer.compile().build();
}

/** The body of POST /inbox/drafts as the mail-server reads it: no validation, whatever JSON types arrive. */
export interface DraftInput {
  mailbox: string;
  from?: unknown;
  to?: unknown;
  cc?: unknown;
  replyTo?: unknown;
  subject?: unknown;
  html?: unknown;
  text?: unknown;
  inReplyTo?: unknown;
  references?: unknown;
  headers?: unknown;
  attachments?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strOrList = (v: unknown): string | string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : str(v);

/**
 * The mail-server's draft message (`M/routes/inbox.ts` `/drafts`): MailComposer with subject "(no subject)" and
 * `from` = mailbox by default, date now, custom headers as given (a `Message-ID` among them is kept: nodemailer only
 * generates one when none is set), attachments decoded from base64.
 */
export async function composeDraftMime(input: DraftInput, date: Date): Promise<Buffer> {
  const headers =
    input.headers !== null && typeof input.headers === 'object' && !Array.isArray(input.headers)
      ? Object.fromEntries(Object.entries(input.headers).filter(([, v]) => typeof v === 'string'))
      : undefined;
  const attachments = Array.isArray(input.attachments)
    ? input.attachments
        .filter((a): a is { filename?: unknown; content: string; contentType?: unknown } => {
          return a !== null && typeof a === 'object' && typeof (a as { content?: unknown }).content === 'string';
        })
        .map((a) => ({
          filename: str(a.filename),
          content: Buffer.from(a.content, 'base64'),
          contentType: str(a.contentType),
        }))
    : undefined;
  const composer = new MailComposer({
    from: str(input.from) ?? input.mailbox,
    to: strOrList(input.to),
    cc: strOrList(input.cc),
    replyTo: strOrList(input.replyTo),
    subject: str(input.subject) ?? '(no subject)',
    html: str(input.html),
    text: str(input.text),
    inReplyTo: str(input.inReplyTo),
    references: strOrList(input.references),
    headers: headers as Record<string, string> | undefined,
    attachments,
    date,
  });
  return composer.compile().build();
}

/** The list columns of one message, derived once at append time so listing never parses MIME. */
export interface MessageMeta {
  date: string;
  dateMs: number;
  size: number;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  threadKey: string;
  fromName: string;
  fromAddress: string;
  to: MessageAddress[];
  hasAttachments: boolean;
  category: MessageCategory;
  /** Lower-case subject + sender + body text, for `q`. */
  searchText: string;
}

const SEARCH_TEXT_LIMIT = 20_000;

function addressesOf(value: AddressObject | AddressObject[] | undefined): MessageAddress[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  return objects.flatMap((o) => o.value).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
}

function referencesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return value.match(/<[^>]+>/g) ?? (value.trim() ? [value.trim()] : []);
}

/**
 * The platform's category fallback when no `$Cat*` keyword is set: a cheap header heuristic
 * (newsletters carry List-Unsubscribe, receipts come from billing-ish senders).
 */
export function guessCategory(input: {
  subject: string;
  fromAddress: string;
  hasListUnsubscribe: boolean;
}): MessageCategory {
  const subject = input.subject.toLowerCase();
  const from = input.fromAddress.toLowerCase();
  if (
    /(receipt|invoice|order|payment|fatura|makbuz)/.test(subject) &&
    /(billing|noreply|no-reply|orders|invoice)/.test(from)
  ) {
    return 'receipts';
  }
  if (/(linkedin|facebook|twitter|social|mastodon)/.test(from)) return 'social';
  // Every platform send carries List-Unsubscribe, so it only marks promotions together with a marketing-looking sender or subject.
  if (
    input.hasListUnsubscribe &&
    (/(news|newsletter|marketing|deals|offers|promo)/.test(from) ||
      /(sale|offer|discount|% off|newsletter|deal)/.test(subject))
  ) {
    return 'promotions';
  }
  if (/(notifications?|alerts?|updates?)@/.test(from)) return 'updates';
  return 'primary';
}

export function buildSearchText(parts: (string | undefined | null)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join('\n')
    .slice(0, SEARCH_TEXT_LIMIT)
    .toLowerCase();
}

export function parseMime(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
}

export function metaFromParsed(parsed: ParsedMail, raw: Buffer, fallbackDate: Date): MessageMeta {
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : fallbackDate;
  const from = addressesOf(parsed.from)[0] ?? { name: '', address: '' };
  const subject = parsed.subject ?? '';
  const text = parsed.text ?? (typeof parsed.html === 'string' ? htmlToText(parsed.html) : '');
  return {
    date: date.toISOString(),
    dateMs: date.getTime(),
    size: raw.length,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: referencesOf(parsed.references),
    subject,
    threadKey: threadKey(subject),
    fromName: from.name,
    fromAddress: from.address,
    to: addressesOf(parsed.to),
    hasAttachments: parsed.attachments.some((a) => a.contentDisposition === 'attachment'),
    category: guessCategory({
      subject,
      fromAddress: from.address,
      hasListUnsubscribe: parsed.headers.has('list-unsubscribe'),
    }),
    searchText: buildSearchText([subject, from.name, from.address, text]),
  };
}

/** mailparser's header map as the platform returns it: lower-case keys, string values, address headers as text. */
function headerMap(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of parsed.headers) {
    if (typeof value === 'string') headers[key] = value;
    else if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string')
      headers[key] = value.text;
    // Multi-ID References / In-Reply-To come back as string arrays; keep them as the header text would read.
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) headers[key] = value.join(' ');
  }
  return headers;
}

export interface MessageFlags {
  uid: number;
  seen: boolean;
  flagged: boolean;
  category: MessageCategory;
}

export function toMessageDetail(parsed: ParsedMail, flags: MessageFlags): MessageDetail {
  const replyTo = addressesOf(parsed.replyTo)[0] ?? null;
  return {
    uid: flags.uid,
    subject: parsed.subject ?? '',
    from: addressesOf(parsed.from)[0] ?? { name: '', address: '' },
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    replyTo,
    date: parsed.date ? parsed.date.toISOString() : '',
    seen: flags.seen,
    flagged: flags.flagged,
    textBody: parsed.text ?? null,
    htmlBody: typeof parsed.html === 'string' ? parsed.html : null,
    // partId = index among mailparser's attachments: the same rule the download route (and the platform) uses.
    attachments: parsed.attachments.map((a, index) => ({
      partId: String(index),
      filename: a.filename ?? 'unknown',
      size: a.size,
      contentType: a.contentType,
      contentId: a.cid ?? null,
    })),
    headers: headerMap(parsed),
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: referencesOf(parsed.references),
    category: flags.category,
  };
}

function parseAddress(value: string | { name: string; address: string }): MessageAddress {
  if (typeof value !== 'string') return { name: value.name, address: value.address };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return m ? { name: m[1] ?? '', address: m[2] ?? '' } : { name: '', address: value.trim() };
}

/**
 * The list columns straight from what was composed, without parsing the MIME again: seeding hundreds of messages
 * stays fast. Must agree with `metaFromParsed` (a test checks both on the same message).
 */
export function metaFromCompose(input: ComposeInput, raw: Buffer): MessageMeta {
  const from = parseAddress(input.from);
  const hasListUnsubscribe = Object.keys(input.headers ?? {}).some((k) => k.toLowerCase() === 'list-unsubscribe');
  const text = input.text ?? (input.html ? htmlToText(input.html) : '');
  // The Date header has whole seconds; list dates must equal what parsing the header gives.
  const date = new Date(Math.floor(input.date.getTime() / 1000) * 1000);
  return {
    date: date.toISOString(),
    dateMs: date.getTime(),
    size: raw.length,
    messageId: input.messageId,
    inReplyTo: input.inReplyTo ?? null,
    references: input.references ?? [],
    subject: input.subject,
    threadKey: threadKey(input.subject),
    fromName: from.name,
    fromAddress: from.address,
    to: input.to.map(parseAddress),
    hasAttachments: (input.attachments ?? []).some((a) => a.cid === undefined),
    category: guessCategory({ subject: input.subject, fromAddress: from.address, hasListUnsubscribe }),
    searchText: buildSearchText([input.subject, from.name, from.address, text]),
  };
}
