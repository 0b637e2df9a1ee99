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

/** A message in a mailbox's folder. */
export interface DraftCopyRef {
  mailbox: string;
  folder: string;
  uid: number;
}

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
  /**
   * The copy of this draft in a Drafts folder, once a save reached it: the mailbox and the revision token in its
   * Message-ID (utils/draft-message.ts). The next save appends a new copy and deletes this one.
   */
  savedTo?: { mailbox: string; rev: string } | null;
  /**
   * Copies this draft replaces that do not carry its id: a draft written by another client and opened from the
   * Drafts folder. Deleted once the first save of this draft is confirmed.
   */
  adopted?: DraftCopyRef[];
  /**
   * The quoted original of a reply or forward: plain text, never Markdown or HTML (utils/quote.ts). Kept apart from
   * `markdown` so nothing the original's sender wrote can become markup; absent in drafts saved before it existed.
   */
  quote?: string;
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
