import { z } from 'zod';

/** pending → verifying (first failed check) → active (SPF+DKIM+DMARC) or failed (still verifying 4 h after creation). Contract 5.1. */
export const domainStatusSchema = z.enum(['pending', 'verifying', 'active', 'failed']);
export type DomainStatus = z.infer<typeof domainStatusSchema>;

/** How long a domain may stay `verifying` before the platform marks it `failed` (48 checks × 5 min). */
export const DOMAIN_VERIFY_WINDOW_MS = 4 * 60 * 60 * 1000;

export const domainSchema = z.object({
  id: z.string(),
  domain: z.string(),
  status: domainStatusSchema,
  spfVerified: z.boolean(),
  dkimVerified: z.boolean(),
  dmarcVerified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // Fields the platform returns beyond the published reference (contract 5.1); optional so the Ref shape also parses.
  dkimSelector: z.string().optional(),
  bimiLogoUrl: z.string().nullable().optional(),
  bimiVmcUrl: z.string().nullable().optional(),
  bimiVerified: z.boolean().optional(),
  catchAllMailboxEmail: z.string().nullable().optional(),
  isAssigned: z.boolean().optional(),
  catchAll: z.object({ targetMailboxEmail: z.string(), enabled: z.boolean() }).nullable().optional(),
});
export type Domain = z.infer<typeof domainSchema>;

export const dnsRecordTypeSchema = z.enum(['TXT', 'MX', 'A', 'AAAA', 'CNAME']);

export const dnsRecordSchema = z.object({
  type: z.string(),
  name: z.string(),
  value: z.string(),
  priority: z.number().int().optional(),
});
export type DnsRecord = z.infer<typeof dnsRecordSchema>;

/** GET /domains/{id}: list fields (without isAssigned/catchAll) + dkimPublicKey + dnsRecords, in the platform's order. */
export const domainDetailSchema = domainSchema.extend({
  dkimPublicKey: z.string().nullable().optional(),
  dnsRecords: z.array(dnsRecordSchema),
});
export type DomainDetail = z.infer<typeof domainDetailSchema>;
