import { z } from 'zod';

/**
 * Console-only shapes: the BFF's own routes (`/auth/...`, `/api/console/...`), not part of Sentroy.
 * Same `{data, error}` envelope as Sentroy so the SPA has one error path.
 */
export const consoleRoleSchema = z.enum(['admin', 'operator', 'member']);
export type ConsoleRole = z.infer<typeof consoleRoleSchema>;

export const loginRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address' })),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const consoleUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: consoleRoleSchema,
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

/** GET /auth/me: who is signed in, and what the console around them is. */
export const meSchema = z.object({
  user: consoleUserSchema,
  /** Mailboxes granted to the user (issue #5); with the role it tells the SPA what the BFF allows. */
  mailboxGrants: z.array(z.string()).default([]),
  console: z.object({
    demoMode: z.boolean(),
    companySlug: z.string(),
    version: z.string(),
  }),
});
export type Me = z.infer<typeof meSchema>;
