import type { MessageDetail } from '@contract/index';
import { htmlToText } from '@mail/html-to-text';
import { formatDateAtTime, type DateFormatOptions } from '@web/lib/format-date';
import { escapeHtml } from '@web/lib/markdown';
import { visibleText } from '@web/lib/visible-text';
import type { Draft, ReplyMode } from './draft';

/**
 * Replying and forwarding. Everything taken from the original (its text, the sender's name, the subject) is hostile
 * and stays TEXT: the quote is a plain-text block of the draft (`Draft.quote`), apart from the Markdown the user
 * writes, and becomes HTML only by escaping (`quoteToHtml`). A `![x](https://…)`, `<img src=…>` or
 * `[click](javascript:…)` in the original therefore arrives as those characters, never as an image, tag or link, and
 * nothing in it is fetched when the reply is opened or previewed.
 */

/** Prefixes that already mark a reply or a forward, in the languages the console's users write. */
const REPLY_PREFIX = /^\s*(re|aw|sv|vs|antw|ynt|yan[ıi]t)\s*(\[\d+\])?\s*:/i;
const FORWARD_PREFIX = /^\s*(fwd?|wg|tr|vb|rv|[iİ]lt)\s*(\[\d+\])?\s*:/i;
/** An original's text is quoted up to this size; a quote of megabytes helps no one and slows every keystroke. */
const MAX_QUOTE_CHARS = 100_000;
/** HTML beyond this is not read for the quote (its visible text would be past MAX_QUOTE_CHARS anyway). */
const MAX_QUOTE_HTML = 2_000_000;

/** The subject of a reply or forward: one "Re: "/"Fwd: ", none added when the original already has one. */
export function replySubject(subject: string, mode: ReplyMode): string {
  // A subject is one line: a line break in it would be a header injection at best.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const line = subject.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (mode === 'forward') return FORWARD_PREFIX.test(line) ? line : `Fwd: ${line}`.trimEnd();
  return REPLY_PREFIX.test(line) ? line : `Re: ${line}`.trimEnd();
}

/** "Name <address>" for a header line, with bidi and other invisible controls made visible (lib/visible-text.ts). */
export function quotedAddress(person: { name?: string | null; address: string }): string {
  const address = visibleText(person.address);
  const name = visibleText((person.name ?? '').trim());
  return name && name.toLowerCase() !== address.toLowerCase() ? `${name} <${address}>` : address;
}

/** The text a reader of the original sees: the HTML's visible text when it has HTML, else its text part. */
export function originalText(original: Pick<MessageDetail, 'textBody' | 'htmlBody'>): string {
  // The platform's textBody of an HTML-only mail is its own conversion, hidden preheader included: read the HTML.
  const fromHtml = original.htmlBody ? htmlToText(original.htmlBody.slice(0, MAX_QUOTE_HTML)) : '';
  const text = (fromHtml || original.textBody || '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map((line) => line.trimEnd());
  const joined = lines.join('\n').trim();
  return joined.length > MAX_QUOTE_CHARS
    ? `${joined.slice(0, MAX_QUOTE_CHARS).trimEnd()}\n[… the rest of the original is not quoted]`
    : joined;
}

/**
 * The quote of a reply ("On Thu, 3 Dec 2026 at 15:34, Ayşe Yılmaz <ayse@…> wrote:" and `>` lines) or of a forward
 * (a "Forwarded message" block with From, Date, Subject and To, then the text), in the reader's locale and time zone.
 */
export function quoteBlock(original: MessageDetail, mode: ReplyMode, options: DateFormatOptions = {}): string {
  const when = formatDateAtTime(original.date, options);
  const from = quotedAddress(original.from);
  const text = originalText(original);
  if (mode === 'forward') {
    const header = [
      '---------- Forwarded message ----------',
      `From: ${from}`,
      ...(when ? [`Date: ${when}`] : []),
      `Subject: ${visibleText(original.subject)}`,
      ...(original.to.length > 0 ? [`To: ${original.to.map(quotedAddress).join(', ')}`] : []),
      ...(original.cc.length > 0 ? [`Cc: ${original.cc.map(quotedAddress).join(', ')}`] : []),
    ];
    return `${header.join('\n')}\n\n${text}`.trimEnd();
  }
  const quoted = text ? text.split('\n').map((line) => (line ? `> ${line}` : '>')) : [];
  return [`${when ? `On ${when}, ` : ''}${from} wrote:`, ...quoted].join('\n');
}

/**
 * A quote (plain text) as HTML for the message's HTML part: every character escaped, `>` lines as nested
 * blockquotes, line breaks kept, each paragraph in its own direction (an Arabic original stays right-to-left).
 */
export function quoteToHtml(quote: string): string {
  const lines = quote.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  const blockquote = '<blockquote style="margin:0 0 0 0.8ex;border-left:2px solid #ccc;padding-left:1ex" dir="auto">';
  let html = '';
  let depth = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) html += `<div dir="auto">${pending.join('<br>')}</div>`;
    pending = [];
  };
  for (const line of lines) {
    const marks = /^((?:>[ \t]?)*)/.exec(line)?.[1] ?? '';
    const level = (marks.match(/>/g) ?? []).length;
    if (level !== depth) flush();
    while (depth < level) {
      html += blockquote;
      depth++;
    }
    while (depth > level) {
      html += '</blockquote>';
      depth--;
    }
    pending.push(escapeHtml(line.slice(marks.length)) || '&nbsp;');
  }
  flush();
  html += '</blockquote>'.repeat(depth);
  // pre-wrap keeps the original's runs of spaces (aligned columns in a text mail) where clients honour it.
  return `<div class="sentroy-quote" style="margin-top:1em;white-space:pre-wrap">${html}</div>`;
}

/** Reply / reply-all / forward of `original` from `mailbox`: recipients, subject, quote and threading headers. */
export function replyFields(
  original: MessageDetail,
  mailbox: string,
  mode: ReplyMode,
  options: DateFormatOptions = {},
): Pick<Draft, 'from' | 'to' | 'cc' | 'subject' | 'quote' | 'inReplyTo' | 'references'> {
  const self = mailbox.toLowerCase();
  const sender = (original.replyTo?.address || original.from.address).toLowerCase();
  const others = (list: { address: string }[]) =>
    list.map((a) => a.address.toLowerCase()).filter((a) => a && a !== self && a !== sender);
  const to = mode === 'forward' ? [] : sender && sender !== self ? [sender] : others(original.to).slice(0, 1);
  const cc =
    mode === 'replyAll'
      ? [...new Set([...others(original.to), ...others(original.cc)])].filter((a) => !to.includes(a))
      : [];
  const messageId = original.messageId ?? '';
  return {
    from: self,
    to,
    cc,
    subject: replySubject(original.subject, mode),
    quote: quoteBlock(original, mode, options),
    inReplyTo: mode === 'forward' ? '' : messageId,
    references:
      mode === 'forward' || !messageId ? [] : [...original.references.filter((r) => r !== messageId), messageId],
  };
}
