import { z } from 'zod';
import { emailSchema, isoDateTimeSchema } from './common';

/** Attachment cap the platform's own dashboard applies (contract 10): 20 MB of raw file bytes. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Batch size bounds of `recipients` (contract 5.6). */
export const MAX_BATCH_RECIPIENTS = 500;

const scalarVariableSchema = z.union([z.string(), z.number(), z.boolean()]);
/** Section rows for `{#list}…{/list}`: each row is a record of scalars. */
export const variableValueSchema = z.union([scalarVariableSchema, z.array(z.record(z.string(), scalarVariableSchema))]);
export const templateVariablesSchema = z.record(z.string(), variableValueSchema);
export type TemplateVariables = z.infer<typeof templateVariablesSchema>;

export const sendAttachmentSchema = z.object({
  filename: z.string().min(1, 'attachment filename is required').max(255),
  /** base64 of the file's bytes */
  content: z.string().regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'attachment content must be base64'),
  contentType: z.string().max(255).optional(),
});
export type SendAttachment = z.infer<typeof sendAttachmentSchema>;

/** Header names the platform or SMTP owns; custom headers may not override them. */
export const RESERVED_HEADER_NAMES = [
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'reply-to',
  'sender',
  'return-path',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'dkim-signature',
  'received',
  'x-sentroy-logid',
] as const;

export const customHeadersSchema = z
  .record(
    z.string().regex(/^[!-9;-~]+$/, 'header names are printable ASCII without ":" or spaces'),
    z.string().refine((v) => !/[\r\n]/.test(v), 'header values must not contain line breaks'),
  )
  .refine((h) => Object.keys(h).every((k) => !(RESERVED_HEADER_NAMES as readonly string[]).includes(k.toLowerCase())), {
    message: 'headers may not set reserved headers such as From, To, Subject or Message-ID',
  });

export const batchRecipientSchema = z.object({
  to: emailSchema,
  variables: templateVariablesSchema.optional(),
});

/**
 * POST /send. The platform's rule set (contract 5.6) — stricter than the published reference:
 * `to` is ONE address (several recipients go as a `recipients` batch), `subject` is required even with a template,
 * and one of templateId / html / text must be present.
 */
export const sendRequestSchema = z
  .object({
    to: emailSchema.optional(),
    recipients: z.array(batchRecipientSchema).min(1).max(MAX_BATCH_RECIPIENTS).optional(),
    from: emailSchema,
    subject: z.string().min(1, 'subject is required'),
    domainId: z.string().min(1, 'domainId is required'),
    cc: z.union([z.string(), z.array(z.string())]).optional(),
    replyTo: emailSchema.optional(),
    templateId: z.string().min(1).optional(),
    lang: z.string().max(16).optional(),
    html: z.string().optional(),
    text: z.string().optional(),
    variables: templateVariablesSchema.optional(),
    attachments: z.array(sendAttachmentSchema).optional(),
    scheduledAt: isoDateTimeSchema.optional(),
    headers: customHeadersSchema.optional(),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).optional(),
  })
  .refine((b) => (b.to === undefined) !== (b.recipients === undefined), {
    message: 'Either to (one address) or recipients (a batch) must be provided',
    path: ['to'],
  })
  .refine((b) => b.templateId !== undefined || b.html !== undefined || b.text !== undefined, {
    message: 'Either templateId, html, or text must be provided',
    path: ['templateId'],
  });
export type SendRequest = z.infer<typeof sendRequestSchema>;

export const sendStatusSchema = z.enum(['queued', 'scheduled']);

/** 201 answer for a single send. `scheduledAt` is always present (null when sent now). */
export const sendResultSchema = z.object({
  jobId: z.string(),
  mailLogId: z.string(),
  status: sendStatusSchema,
  scheduledAt: z.string().nullable(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

/** 201 answer for a `recipients` batch. */
export const batchSendResultSchema = z.object({
  totalQueued: z.number().int(),
  totalSuppressed: z.number().int(),
  jobs: z.array(
    z.object({ jobId: z.string(), mailLogId: z.string(), to: z.string(), suppressed: z.boolean().optional() }),
  ),
});
export type BatchSendResult = z.infer<typeof batchSendResultSchema>;

export const sendResponseSchema = z.union([sendResultSchema, batchSendResultSchema]);
export type SendResponse = z.infer<typeof sendResponseSchema>;

/** GET /send/{jobId}: BullMQ job state. */
export const sendJobStateSchema = z.enum(['waiting', 'delayed', 'active', 'completed', 'failed', 'unknown']);
export const sendJobSchema = z.object({
  jobId: z.string(),
  state: sendJobStateSchema,
  progress: z.number(),
  attemptsMade: z.number().int(),
  failedReason: z.string().nullable(),
  finishedOn: z.number().nullable(),
  processedOn: z.number().nullable(),
});
export type SendJob = z.infer<typeof sendJobSchema>;
