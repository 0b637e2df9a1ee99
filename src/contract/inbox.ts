import { z } from 'zod';
import { emailSchema, folderPathSchema, mailboxAddressSchema, queryBooleanSchema } from './common';
import { RESERVED_HEADER_NAMES, sendAttachmentSchema } from './send';

export const messageAddressSchema = z.object({ name: z.string(), address: z.string() });
export type MessageAddress = z.infer<typeof messageAddressSchema>;

export const messageCategorySchema = z.enum(['primary', 'promotions', 'updates', 'receipts', 'social']);
export type MessageCategory = z.infer<typeof messageCategorySchema>;

/** Special-use folder paths the console and the emulator know (RFC 6154). */
export const SPECIAL_USE = {
  all: '\\All',
  inbox: '\\Inbox',
  sent: '\\Sent',
  drafts: '\\Drafts',
  trash: '\\Trash',
  junk: '\\Junk',
  archive: '\\Archive',
} as const;

/** Virtual folder that merges every folder but Junk and Trash (contract 5.10). */
export const ALL_FOLDER_PATH = '__ALL__';

/** GET /inbox item (contract 5.8). `preview` is always "" on the platform; `from` has empty strings when missing. */
export const messageSummarySchema = z.object({
  uid: z.number().int().positive(),
  subject: z.string(),
  from: messageAddressSchema,
  to: z.array(messageAddressSchema),
  date: z.string(),
  seen: z.boolean(),
  flagged: z.boolean(),
  size: z.number().int().nonnegative(),
  hasAttachments: z.boolean(),
  preview: z.string(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  category: messageCategorySchema,
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const attachmentInfoSchema = z.object({
  partId: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  contentId: z.string().nullable(),
  shortUrl: z.string().optional(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;

/** GET /inbox/{uid} (contract 5.9). No `folder` here: only thread items carry it. */
export const messageDetailSchema = z.object({
  uid: z.number().int().positive(),
  subject: z.string(),
  from: messageAddressSchema,
  to: z.array(messageAddressSchema),
  cc: z.array(messageAddressSchema),
  replyTo: messageAddressSchema.nullable(),
  date: z.string(),
  seen: z.boolean(),
  flagged: z.boolean(),
  textBody: z.string().nullable(),
  htmlBody: z.string().nullable(),
  attachments: z.array(attachmentInfoSchema),
  /** mailparser's header map: lower-case keys, string values only. */
  headers: z.record(z.string(), z.string()),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  category: messageCategorySchema,
});
export type MessageDetail = z.infer<typeof messageDetailSchema>;

/** GET /inbox/thread item: a full message plus the folder it was found in, oldest first. */
export const threadMessageSchema = messageDetailSchema.extend({ folder: z.string() });
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

/** GET /inbox/mailboxes item: an IMAP folder with its counts (contract 5.10). */
export const folderSchema = z.object({
  name: z.string(),
  path: z.string(),
  specialUse: z.string().nullable(),
  totalMessages: z.number().int().nonnegative(),
  unreadMessages: z.number().int().nonnegative(),
});
export type Folder = z.infer<typeof folderSchema>;

/** Largest page the console asks for; the platform sets no maximum, the BFF does. */
export const MAX_PAGE_LIMIT = 200;

export const listMessagesQuerySchema = z.object({
  mailbox: mailboxAddressSchema,
  folder: folderPathSchema.optional(),
  page: z.coerce.number().int('page must be a positive integer').positive('page must be a positive integer').optional(),
  limit: z.coerce
    .number()
    .int('limit must be an integer from 1 to 200')
    .min(1, 'limit must be an integer from 1 to 200')
    .max(MAX_PAGE_LIMIT, 'limit must be an integer from 1 to 200')
    .optional(),
  /** What the platform reads. */
  unread: queryBooleanSchema.optional(),
  /** What the reference and SDKs send (ignored by the platform, honoured by the emulator). */
  unreadOnly: queryBooleanSchema.optional(),
  q: z.string().trim().max(200, 'q is too long').optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export const messageQuerySchema = z.object({
  mailbox: mailboxAddressSchema,
  folder: folderPathSchema.optional(),
});
export type MessageQuery = z.infer<typeof messageQuerySchema>;

export const foldersQuerySchema = z.object({ mailbox: mailboxAddressSchema });

export const threadQuerySchema = z.object({
  subject: z
    .string({ error: 'subject query parameter is required' })
    .min(1, 'subject query parameter is required')
    .max(998),
  mailbox: mailboxAddressSchema,
});
export type ThreadQuery = z.infer<typeof threadQuerySchema>;

/** POST and DELETE /inbox/{uid}/read body (the platform reads DELETE's from the body, the Ref puts it in the query). */
export const markReadBodySchema = z.object({
  mailbox: mailboxAddressSchema,
  folder: folderPathSchema.optional(),
});
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export const moveBodySchema = z.object({
  to: z
    .string({ error: 'Destination folder is required' })
    .trim()
    .min(1, 'Destination folder is required')
    .pipe(folderPathSchema),
  from: folderPathSchema.optional(),
  mailbox: mailboxAddressSchema,
});
export type MoveBody = z.infer<typeof moveBodySchema>;

export const partIdSchema = z.string().regex(/^\d+(\.\d+)*$/, 'partId must look like "2" or "1.2"');

export const unreadCountSchema = z.object({ count: z.number().int().nonnegative() });

/** One header line's worth of text: drafts may hold half-typed addresses, so only line breaks are refused. */
const headerTextSchema = z
  .string()
  .max(998, 'a header value is at most 998 characters')
  .refine((v) => !/[\r\n]/.test(v), 'header values must not contain line breaks');
const draftAddressesSchema = z.union([headerTextSchema, z.array(headerTextSchema).max(500)]);

/**
 * Custom headers of a draft: the send rules (no From, To, Subject… override), except that `Message-ID` may be set.
 * The platform returns no UID for a saved draft; a Message-ID the client chose is how it finds its own copy again
 * in `GET /inbox?folder=Drafts` (nodemailer keeps a Message-ID given as a header when none is passed as an option).
 */
export const draftHeadersSchema = z
  .record(
    z.string().regex(/^[!-9;-~]+$/, 'header names are printable ASCII without ":" or spaces'),
    z
      .string()
      .max(16_384, 'a header value is at most 16 KB')
      .refine((v) => !/[\r\n]/.test(v), 'header values must not contain line breaks'),
  )
  .refine(
    (h) =>
      Object.keys(h).every(
        (k) =>
          k.toLowerCase() === 'message-id' || !(RESERVED_HEADER_NAMES as readonly string[]).includes(k.toLowerCase()),
      ),
    { message: 'headers may not set reserved headers such as From, To or Subject (Message-ID is allowed)' },
  )
  .refine(
    (h) => Object.entries(h).every(([k, v]) => k.toLowerCase() !== 'message-id' || /^<[^<>\s@]+@[^<>\s@]+>$/.test(v)),
    { message: 'Message-ID must look like <id@domain>' },
  );

/**
 * POST /inbox/drafts (contract-ops 7.2). The platform takes `mailbox || from` as the account; the console requires
 * `mailbox`, and a `from` must be that same mailbox, so the mailbox check of the route covers both.
 */
export const saveDraftBodySchema = z
  .object({
    mailbox: mailboxAddressSchema,
    from: emailSchema.optional(),
    to: draftAddressesSchema.optional(),
    cc: draftAddressesSchema.optional(),
    replyTo: draftAddressesSchema.optional(),
    subject: z.string().max(998, 'subject is too long').optional(),
    html: z.string().optional(),
    text: z.string().optional(),
    inReplyTo: headerTextSchema.optional(),
    references: z.array(headerTextSchema).max(100).optional(),
    headers: draftHeadersSchema.optional(),
    attachments: z.array(sendAttachmentSchema).optional(),
  })
  .refine((b) => b.from === undefined || b.from.trim().toLowerCase() === b.mailbox, {
    message: "from must be the draft's mailbox",
    path: ['from'],
  });
export type SaveDraftBody = z.infer<typeof saveDraftBodySchema>;

/** 201 answer: the text is constant, whatever the Drafts folder's real path (no UID either). */
export const saveDraftResultSchema = z.object({ message: z.string(), folder: z.string() });
export type SaveDraftResult = z.infer<typeof saveDraftResultSchema>;
