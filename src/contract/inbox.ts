import { z } from 'zod';
import { folderPathSchema, mailboxAddressSchema, queryBooleanSchema } from './common';

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
