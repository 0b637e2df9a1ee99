import { z } from 'zod';

/** A company mailbox account (Dovecot user). `domainId` and `isCatchAll` are platform additions (contract 5.3). */
export const mailboxSchema = z.object({
  email: z.string(),
  domain: z.string(),
  username: z.string(),
  domainId: z.string().optional(),
  isCatchAll: z.boolean().optional(),
});
export type Mailbox = z.infer<typeof mailboxSchema>;
