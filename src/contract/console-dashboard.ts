import { z } from 'zod';
import { templateVariablesSchema } from './send';

/**
 * The dashboard's console routes (not Sentroy's): template previews rendered by the BFF and the console's own send
 * log. Same `{data, error}` envelope as every other answer.
 *
 *   POST /api/console/templates/:id/preview   {lang?, variables}  → TemplatePreview
 *   GET  /api/console/send-log?page=&limit=                       → SendLogPage
 */

/** Header the SPA sends with `POST /api/send`: one key per draft, a repeat gets the first answer (see the BFF). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const idempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key must be 8 to 128 characters')
  .max(128, 'Idempotency-Key must be 8 to 128 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Idempotency-Key may only contain letters, digits, "_" and "-"');

export const templatePreviewRequestSchema = z.object({
  lang: z.string().trim().min(1).max(16).optional(),
  variables: templateVariablesSchema.default({}),
});
export type TemplatePreviewRequest = z.input<typeof templatePreviewRequestSchema>;

export const renderWarningCodeSchema = z.enum([
  'empty-variable',
  'unused-variable',
  'undeclared-variable',
  'mjml-validation',
  'language-fallback',
]);

export const renderWarningSchema = z.object({
  code: renderWarningCodeSchema,
  message: z.string(),
  variable: z.string().optional(),
});
export type RenderWarningItem = z.infer<typeof renderWarningSchema>;

export const templatePreviewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** The language actually rendered (requested → en → first), null for plain-string templates. */
  lang: z.string().nullable(),
  warnings: z.array(renderWarningSchema),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

export const sendLogQuerySchema = z.object({
  page: z.coerce.number().int('page must be a positive integer').positive('page must be a positive integer').default(1),
  limit: z.coerce
    .number()
    .int('limit must be an integer from 1 to 100')
    .min(1, 'limit must be an integer from 1 to 100')
    .max(100, 'limit must be an integer from 1 to 100')
    .default(25),
});
export type SendLogQuery = z.input<typeof sendLogQuerySchema>;

export const sendLogStatusSchema = z.enum(['sending', 'queued', 'scheduled', 'failed']);
export type SendLogStatus = z.infer<typeof sendLogStatusSchema>;

export const sendLogAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string().nullable(),
  size: z.number().int().nonnegative(),
});

export const sendLogItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** The console user who sent it; null when that user has since been deleted. */
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string().nullable(),
  templateId: z.string().nullable(),
  lang: z.string().nullable(),
  attachments: z.array(sendLogAttachmentSchema),
  jobId: z.string().nullable(),
  mailLogId: z.string().nullable(),
  status: sendLogStatusSchema,
  scheduledAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type SendLogItem = z.infer<typeof sendLogItemSchema>;

export const sendLogPageSchema = z.object({
  items: z.array(sendLogItemSchema),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
export type SendLogPage = z.infer<typeof sendLogPageSchema>;

/** The platform's 422 message for unfilled template variables (contract 5.6): the names it lists, or null. */
export function parseMissingVariables(message: string): string[] | null {
  const match = /^Missing template variables:\s*(.+)$/.exec(message.trim());
  if (!match?.[1]) return null;
  return match[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
