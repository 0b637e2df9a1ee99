import type { MessageDetail } from '@contract/index';
import type { Draft, ReplyMode } from './draft';

const PREFIX = { reply: /^(re|ynt|yanit):/i, forward: /^(fwd?|ilt):/i };

/** Reply / reply-all / forward of `original` from `mailbox`: recipients, subject, quote and threading headers. */
export function replyFields(
  original: MessageDetail,
  mailbox: string,
  mode: ReplyMode,
): Pick<Draft, 'from' | 'to' | 'cc' | 'subject' | 'markdown' | 'inReplyTo' | 'references'> {
  const self = mailbox.toLowerCase();
  const sender = (original.replyTo?.address || original.from.address).toLowerCase();
  const others = (list: { address: string }[]) =>
    list.map((a) => a.address.toLowerCase()).filter((a) => a && a !== self && a !== sender);
  const to = mode === 'forward' ? [] : sender && sender !== self ? [sender] : others(original.to).slice(0, 1);
  const cc =
    mode === 'replyAll'
      ? [...new Set([...others(original.to), ...others(original.cc)])].filter((a) => !to.includes(a))
      : [];
  const subject =
    mode === 'forward'
      ? PREFIX.forward.test(original.subject)
        ? original.subject
        : `Fwd: ${original.subject}`
      : PREFIX.reply.test(original.subject)
        ? original.subject
        : `Re: ${original.subject}`;
  const who = original.from.name ? `${original.from.name} <${original.from.address}>` : original.from.address;
  const body = (original.textBody ?? '').trimEnd();
  const quoted = body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const markdown =
    mode === 'forward'
      ? `\n\n---------- Forwarded message ----------\nFrom: ${who}\nDate: ${original.date}\nSubject: ${original.subject}\n\n${quoted}\n`
      : `\n\nOn ${original.date}, ${who} wrote:\n\n${quoted}\n`;
  const messageId = original.messageId ?? '';
  return {
    from: self,
    to,
    cc,
    subject,
    markdown,
    inReplyTo: mode === 'forward' ? '' : messageId,
    references:
      mode === 'forward' || !messageId ? [] : [...original.references.filter((r) => r !== messageId), messageId],
  };
}
