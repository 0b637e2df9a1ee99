import type { MessageDetail } from '@contract/index';

/**
 * One attachment of a draft; `content` (base64, what the send carries) is null while the file is still being read.
 * `blob` is the file's bytes as the browser holds them: what the saved draft keeps (utils/draft-store.ts).
 */
export interface DraftAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  content: string | null;
  readBytes: number;
  blob?: Blob;
  error?: string;
}

export interface HeaderRow {
  id: string;
  name: string;
  value: string;
}

export type ReplyMode = 'reply' | 'replyAll' | 'forward';

export interface Draft {
  id: string;
  /** Sent as `Idempotency-Key`: a repeat of this draft's send gets the first answer (one per draft). */
  idempotencyKey: string;
  from: string;
  to: string[];
  cc: string[];
  replyTo: string[];
  subject: string;
  bodyMode: 'message' | 'template';
  markdown: string;
  templateId: string;
  lang: string;
  variableInputs: Record<string, string>;
  attachments: DraftAttachment[];
  /** `datetime-local` value in the user's time zone; empty = send now. */
  scheduledAt: string;
  headers: HeaderRow[];
  inReplyTo: string;
  references: string[];
  /** `mailbox/folder/uid/mode` of the message this replies to, once its fields were filled in. */
  replySource: string;
  updatedAt: string;
  /**
   * The console user whose draft this is. One browser may be shared by several users: a draft saved by someone else
   * is never shown (use-draft.ts discards it).
   */
  ownerId?: string;
}

export function newDraft(): Draft {
  return {
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    from: '',
    to: [],
    cc: [],
    replyTo: [],
    subject: '',
    bodyMode: 'message',
    markdown: '',
    templateId: '',
    lang: '',
    variableInputs: {},
    attachments: [],
    scheduledAt: '',
    headers: [],
    inReplyTo: '',
    references: [],
    replySource: '',
    updatedAt: new Date().toISOString(),
  };
}

export function isEmptyDraft(draft: Draft): boolean {
  return (
    !draft.from &&
    draft.to.length === 0 &&
    draft.cc.length === 0 &&
    !draft.subject &&
    !draft.markdown &&
    !draft.templateId &&
    draft.attachments.length === 0
  );
}

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
