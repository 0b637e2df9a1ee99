import { z } from 'zod';
import type { MessageDetail, SaveDraftBody } from '@contract/index';
import { messageBody } from './build-send-request';
import { newDraft, type Draft, type DraftAttachment } from './draft';
import { domainOf } from './addresses';

/**
 * A draft as a message in the Drafts folder, and back.
 *
 * The platform returns no UID for a saved draft (contract-ops 7.2), so each copy carries a Message-ID the console
 * chose, `<draft-{draftId}-{rev}@{sender domain}>`: the list of the Drafts folder shows Message-IDs, so the console
 * finds every copy of one draft (same id) and tells the newest (its rev) from the ones it replaces. What a message
 * cannot say (template, variables, schedule, custom header rows) travels in one `X-Console-Draft` header as base64url
 * JSON. Anything read back from a message is hostile input: parsed with a schema, shown only as field values.
 */

export const DRAFT_STATE_HEADER = 'X-Console-Draft';
const MESSAGE_ID = /^<?draft-([0-9a-f-]{36})-([0-9a-z]{1,32})@[^<>\s@]+>?$/;

/** A new revision token: time first, so copies sort in save order, then randomness against two tabs in one ms. */
export function newRevision(now = Date.now()): string {
  return `${now.toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

export function draftMessageId(draftId: string, rev: string, mailbox: string): string {
  return `<draft-${draftId}-${rev}@${domainOf(mailbox) || 'localhost'}>`;
}

/** The draft id and revision of a copy the console saved, or null for any other message. */
export function parseDraftMessageId(messageId: string | null | undefined): { draftId: string; rev: string } | null {
  const match = MESSAGE_ID.exec((messageId ?? '').trim());
  return match ? { draftId: match[1]!, rev: match[2]! } : null;
}

const stateSchema = z.object({
  v: z.literal(1),
  subject: z.string().max(998).optional(),
  bodyMode: z.enum(['message', 'template']).optional(),
  templateId: z.string().max(200).optional(),
  lang: z.string().max(16).optional(),
  variableInputs: z.record(z.string().max(200), z.string().max(20_000)).optional(),
  scheduledAt: z.string().max(40).optional(),
  headers: z
    .array(z.object({ name: z.string().max(200), value: z.string().max(2000) }))
    .max(50)
    .optional(),
  replySource: z.string().max(2000).optional(),
  /** The text part is the Markdown, then a blank line and the quoted original: where the quote starts. */
  markdownLength: z.number().int().nonnegative().optional(),
});
type DraftState = z.infer<typeof stateSchema>;

const toBase64Url = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

export function encodeDraftState(draft: Draft): string {
  const state: DraftState = {
    v: 1,
    subject: draft.subject,
    bodyMode: draft.bodyMode,
    ...(draft.bodyMode === 'template'
      ? { templateId: draft.templateId, lang: draft.lang, variableInputs: draft.variableInputs }
      : {}),
    ...(draft.scheduledAt ? { scheduledAt: draft.scheduledAt } : {}),
    ...(draft.headers.length > 0 ? { headers: draft.headers.map(({ name, value }) => ({ name, value })) } : {}),
    ...(draft.replySource ? { replySource: draft.replySource } : {}),
    ...(draft.quote?.trim() ? { markdownLength: draft.markdown.trim() ? draft.markdown.length : 0 } : {}),
  };
  return toBase64Url(JSON.stringify(state));
}

export function decodeDraftState(value: string | undefined): DraftState | null {
  if (!value || value.length > 16_384) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fromBase64Url(value.trim())));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a draft has an attachment still being read (its save waits for it: a half draft is not worth a copy). */
export const attachmentsPending = (draft: Draft) => draft.attachments.some((a) => a.content === null && !a.error);

/** The POST /inbox/drafts body of one save of `draft` to its From mailbox, as revision `rev`. */
export function toSaveDraftBody(draft: Draft, rev: string): SaveDraftBody {
  const mailbox = draft.from.trim().toLowerCase();
  const written = draft.bodyMode === 'message' && (draft.markdown.trim() || draft.quote?.trim());
  // The same HTML and text the send carries: the Markdown, then the plain-text quote (build-send-request.ts).
  const body = written ? messageBody(draft.markdown, draft.quote) : undefined;
  const ready = draft.attachments.filter((a) => a.content !== null && !a.error);
  return {
    mailbox,
    from: mailbox,
    ...(draft.to.length > 0 ? { to: draft.to } : {}),
    ...(draft.cc.length > 0 ? { cc: draft.cc } : {}),
    ...(draft.replyTo.length > 0 ? { replyTo: draft.replyTo } : {}),
    ...(draft.subject ? { subject: draft.subject } : {}),
    ...(body ? { html: body.html, text: body.text } : {}),
    ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
    ...(draft.references.length > 0 ? { references: draft.references } : {}),
    headers: { 'Message-ID': draftMessageId(draft.id, rev, mailbox), [DRAFT_STATE_HEADER]: encodeDraftState(draft) },
    ...(ready.length > 0
      ? {
          attachments: ready.map((a) => ({
            filename: a.filename,
            content: a.content!,
            contentType: a.contentType || 'application/octet-stream',
          })),
        }
      : {}),
  };
}

/**
 * A message of a Drafts folder as a draft to edit: the console's own copies keep their draft id (so the next save
 * replaces them); any other draft gets a new id and is remembered as adopted (deleted once the first save lands).
 * `files` are the attachments' bytes, in the order of `message.attachments`.
 */
export function draftFromMessage(
  message: MessageDetail,
  where: { mailbox: string; folder: string },
  files: Blob[],
): Draft {
  const own = parseDraftMessageId(message.messageId);
  const state = decodeDraftState(message.headers[DRAFT_STATE_HEADER.toLowerCase()]);
  const addresses = (list: { address: string }[]) => list.map((a) => a.address.toLowerCase()).filter(Boolean);
  const attachments: DraftAttachment[] = message.attachments.flatMap((a, i) => {
    const blob = files[i];
    return blob
      ? [
          {
            id: crypto.randomUUID(),
            filename: a.filename,
            contentType: a.contentType,
            size: blob.size,
            content: null,
            readBytes: 0,
            blob,
          },
        ]
      : [];
  });
  const text = (message.textBody ?? '').replace(/\r\n/g, '\n').replace(/\s+$/, '');
  const split =
    state?.markdownLength !== undefined && state.markdownLength <= text.length ? state.markdownLength : null;
  const base = newDraft();
  const mailbox = where.mailbox.toLowerCase();
  return {
    ...base,
    id: own?.draftId ?? base.id,
    from: mailbox,
    to: addresses(message.to),
    cc: addresses(message.cc),
    replyTo: message.replyTo ? addresses([message.replyTo]) : [],
    // The platform writes "(no subject)" for an empty one; the state says whether the user typed that.
    subject: message.subject === '(no subject)' && state?.subject === '' ? '' : message.subject,
    bodyMode: state?.bodyMode ?? 'message',
    markdown: split === null ? text : text.slice(0, split),
    ...(split !== null ? { quote: text.slice(split).replace(/^\n\n/, '') } : {}),
    templateId: state?.templateId ?? '',
    lang: state?.lang ?? '',
    variableInputs: state?.variableInputs ?? {},
    scheduledAt: state?.scheduledAt ?? '',
    headers: (state?.headers ?? []).map((h) => ({ id: crypto.randomUUID(), ...h })),
    inReplyTo: message.inReplyTo ?? '',
    references: message.references,
    replySource: state?.replySource ?? '',
    attachments,
    savedTo: own ? { mailbox, rev: own.rev } : null,
    adopted: own ? [] : [{ mailbox, folder: where.folder, uid: message.uid }],
  };
}
