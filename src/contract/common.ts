import { z } from 'zod';

/**
 * An id that is safe as one URL path segment: never `/`, `\`, `..` or control characters.
 * The platform uses UUIDs; the console accepts any such token so a later id format does not break it.
 */
export const resourceIdSchema = z
  .string()
  .min(1, 'id is required')
  .max(128, 'id is too long')
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, 'id may only contain letters, digits, ".", "_" and "-"')
  .refine((id) => !id.includes('..'), 'id must not contain ".."');

/** IMAP UIDs are positive 32-bit integers; path params arrive as strings. */
export const uidSchema = z.coerce
  .number({ error: 'uid must be a positive integer' })
  .int('uid must be a positive integer')
  .positive('uid must be a positive integer')
  .max(4294967295, 'uid must be a positive integer');

export const emailSchema = z.email({ error: 'must be a valid email address' });

/** A mailbox is always addressed by its full email address (see contract 5.7: without `@` it means something else). */
export const mailboxAddressSchema = z
  .string({ error: 'mailbox is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'mailbox must be an email address' }));

/** IMAP folder path: may contain the hierarchy delimiter `/`, never control characters or `..` segments. */
export const folderPathSchema = z
  .string()
  .trim()
  .min(1, 'folder must not be empty')
  .max(255, 'folder is too long')
  // eslint-disable-next-line no-control-regex
  .refine((f) => !/[\u0000-\u001f\u007f]/.test(f), 'folder must not contain control characters')
  .refine((f) => !f.split('/').includes('..'), 'folder must not contain ".." segments');

export const isoDateTimeSchema = z.iso.datetime({
  error: 'must be an ISO 8601 UTC date-time such as 2026-01-10T08:00:00Z',
});

/** Query strings carry booleans as text; the platform only honours the literal "true". */
export const queryBooleanSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
