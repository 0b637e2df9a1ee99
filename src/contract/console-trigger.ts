import { z } from 'zod';

/**
 * Who asked for a mailbox action: the user (a click, a key) or the webmail on its own (the reader's auto-read
 * timer). The SPA says so in this request header on markRead; the BFF never forwards it upstream and reads it only
 * into the audit row's `detail.trigger`, through `parseConsoleTrigger`, so nothing but this enum reaches the log.
 */
export const CONSOLE_TRIGGER_HEADER = 'X-Console-Trigger';

export const consoleTriggerSchema = z.enum(['auto', 'user']);
export type ConsoleTrigger = z.infer<typeof consoleTriggerSchema>;

/** A missing or unknown value is a user's action: only the exact word `auto` marks an automatic one. */
export function parseConsoleTrigger(header: string | undefined | null): ConsoleTrigger {
  const parsed = consoleTriggerSchema.safeParse(header?.trim().toLowerCase());
  return parsed.success ? parsed.data : 'user';
}
