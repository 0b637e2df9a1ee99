import { z } from 'zod';
import { mailboxAddressSchema } from './common';
import { consoleRoleSchema, consoleUserSchema, type ConsoleRole } from './console';

/**
 * Access control shapes (issue #5): what each role may do, the admin's user administration, the account page and
 * the audit log. The BFF enforces these rules (src/server/access); the SPA reads the same table only to hide what the
 * BFF would refuse anyway.
 */

export interface RoleAbilities {
  /** Read and act on any mailbox's inbox without a grant. */
  inboxAnyMailbox: boolean;
  /** Send from any company mailbox without a grant. */
  sendAnyMailbox: boolean;
  /** Users page and /api/console/users. */
  manageUsers: boolean;
  /** Audit page and /api/console/audit. */
  readAudit: boolean;
  /** Send log: every row, or only the user's own. */
  sendLogAllRows: boolean;
}

export const ROLE_ABILITIES: Record<ConsoleRole, RoleAbilities> = {
  admin: { inboxAnyMailbox: true, sendAnyMailbox: true, manageUsers: true, readAudit: true, sendLogAllRows: true },
  operator: {
    inboxAnyMailbox: false,
    sendAnyMailbox: true,
    manageUsers: false,
    readAudit: false,
    sendLogAllRows: true,
  },
  member: {
    inboxAnyMailbox: false,
    sendAnyMailbox: false,
    manageUsers: false,
    readAudit: false,
    sendLogAllRows: false,
  },
};

const normalise = (mailbox: string) => mailbox.trim().toLowerCase();

export function canReadMailbox(role: ConsoleRole, grants: readonly string[], mailbox: string): boolean {
  return ROLE_ABILITIES[role].inboxAnyMailbox || grants.includes(normalise(mailbox));
}

export function canSendFrom(role: ConsoleRole, grants: readonly string[], from: string): boolean {
  return ROLE_ABILITIES[role].sendAnyMailbox || grants.includes(normalise(from));
}

export const mailboxDeniedMessage = (mailbox: string) => `You do not have access to mailbox ${normalise(mailbox)}`;

/** Passwords the console sets: long enough to matter, short enough for a passphrase manager. */
export const passwordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters long')
  .max(1024, 'Password is too long');

export const mailboxGrantsSchema = z
  .array(mailboxAddressSchema)
  .max(500, 'Too many mailboxes')
  .transform((list) => [...new Set(list)].sort());

/** A console user as the Users page sees it. */
export const managedUserSchema = consoleUserSchema.extend({
  disabled: z.boolean(),
  mailboxes: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

export const createUserRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address' })),
  name: z.string().trim().max(200).nullable().optional(),
  role: consoleRoleSchema,
  mailboxes: mailboxGrantsSchema.optional(),
  /** Left out: the console generates one and returns it once. */
  password: passwordSchema.optional(),
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

/** POST /api/console/users and POST …/:id/reset-password: the password is in this answer and nowhere else. */
export const userWithPasswordSchema = z.object({ user: managedUserSchema, password: z.string() });
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

export const updateUserRequestSchema = z
  .object({
    role: consoleRoleSchema.optional(),
    name: z.string().trim().max(200).nullable().optional(),
    mailboxes: mailboxGrantsSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const accountSessionSchema = z.object({
  /** Opaque, stable for the session's life: not the cookie and not the stored key. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** DELETE /api/console/account/sessions/:id — the `id` of an AccountSession (16 hex characters). */
export const accountSessionIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Unknown session id');

export const signOutEverywhereRequestSchema = z.object({
  /** false: every other session ends and this one stays; true: this one too. */
  includeThisDevice: z.boolean().default(false),
});
export type SignOutEverywhereRequest = z.input<typeof signOutEverywhereRequestSchema>;
export const signOutEverywhereResultSchema = z.object({ ended: z.number().int().nonnegative() });

export const AUDIT_ACTIONS = [
  'login.success',
  'login.failure',
  'login.throttled',
  'logout',
  'mail.send',
  'mail.move',
  'mail.delete',
  'mail.mark-read',
  'mail.mark-unread',
  'mail.save-draft',
  'user.create',
  'user.update',
  'user.password-reset',
  'user.delete',
  'account.password-change',
  'account.sign-out-everywhere',
  'account.session-end',
  /** A request the access gate refused for what it named: a mailbox (not granted, not the company's) or a send job. */
  'access.refused',
  /** A console route that changes state refused a body that was not JSON, too deep or too large. */
  'request.refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  mailbox: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const optionalFilter = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** GET /api/console/audit and /api/console/audit.csv: days are UTC and both ends are included. */
export const auditQuerySchema = z.object({
  actor: optionalFilter,
  action: optionalFilter,
  mailbox: optionalFilter.transform((v) => v?.toLowerCase()),
  from: optionalFilter.pipe(z.string().regex(dayPattern, 'from must be a date like 2025-01-31').optional()),
  to: optionalFilter.pipe(z.string().regex(dayPattern, 'to must be a date like 2025-01-31').optional()),
  page: z.coerce.number().int().positive('page must be a positive integer').optional().default(1),
  limit: z.coerce.number().int().min(1).max(200, 'limit must be at most 200').optional().default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
export type AuditFilters = z.output<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
