import type { Folder, MessageCategory, MessageDetail, MessageSummary, ThreadMessage } from '@contract/index';

/**
 * The mailbox store behind the inbox routes. The SQLite implementation is the emulator's own; an IMAP-backed one
 * can be added later without touching the routes. All methods are async because IMAP is.
 *
 * Semantics follow IMAP: UIDs are per folder and never reused (UIDNEXT only grows), a move is a copy with a new UID
 * in the target plus an expunge in the source, delete is permanent.
 */

export interface ListMessagesOptions {
  page: number;
  limit: number;
  unreadOnly?: boolean;
  /** Search subject, sender and body text (IMAP `SEARCH BODY` on the platform). */
  q?: string;
}

export interface AppendOptions {
  seen?: boolean;
  flagged?: boolean;
  /** Extra IMAP flags such as \Draft or \Answered. */
  flags?: string[];
  internalDate?: Date;
  category?: MessageCategory;
}

export interface AttachmentContent {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A folder with the facts the routes need (counts as `LIST` + `STATUS` give them). */
export type FolderInfo = Folder;

/** Thrown for what IMAP would answer with an error (unknown folder for a write, unknown UID for a move). */
export class MailStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailStoreError';
  }
}

export interface MessageStore {
  /** Create the mailbox's special-use folders if they are missing. */
  ensureMailbox(mailbox: string): Promise<void>;
  /** Real folders in display order: INBOX, Sent, Drafts, Archive, Junk, Trash, then user folders. */
  listFolders(mailbox: string): Promise<FolderInfo[]>;
  /** Newest first; `__ALL__` merges all folders but Junk and Trash; an unknown folder gives []. */
  listMessages(mailbox: string, folder: string, options: ListMessagesOptions): Promise<MessageSummary[]>;
  getMessage(mailbox: string, folder: string, uid: number): Promise<MessageDetail | null>;
  /** INBOX + Sent messages whose one-prefix-stripped subject equals `subject`'s, oldest first, deduped by Message-ID. */
  getThread(mailbox: string, subject: string): Promise<ThreadMessage[]>;
  /** false when the UID is not in the folder (IMAP STORE on a missing UID is silent). */
  setSeen(mailbox: string, folder: string, uid: number, seen: boolean): Promise<boolean>;
  setFlagged(mailbox: string, folder: string, uid: number, flagged: boolean): Promise<boolean>;
  /** Returns the new UID in the target folder. */
  move(mailbox: string, from: string, uid: number, to: string): Promise<number>;
  /** Permanent delete (\Deleted + EXPUNGE). false when the UID is not there. */
  delete(mailbox: string, folder: string, uid: number): Promise<boolean>;
  append(mailbox: string, folder: string, raw: Buffer, options?: AppendOptions): Promise<{ uid: number }>;
  /**
   * The mail-server's `appendToDrafts`: APPEND with \Draft \Seen to the \Drafts special-use folder, else the folder
   * named `Drafts`, which is created when missing. Returns the folder's path and the new UID (the platform drops both).
   */
  appendToDrafts(mailbox: string, raw: Buffer): Promise<{ folder: string; uid: number }>;
  /** Attachment by index among the parsed attachments (the platform's download rule), null when missing. */
  getAttachment(mailbox: string, folder: string, uid: number, partId: string): Promise<AttachmentContent | null>;
  countUnread(mailbox: string, folder: string): Promise<number>;
}
