import type { Context } from 'hono';
import { mailboxAddressSchema } from '@contract/index';
import { ApiError } from '../http-errors';
import { readJsonBody } from '../validation';
import type { MailboxRule } from './route-policy';

/**
 * Which mailboxes a request names, read before any handler runs (access-control.ts), in the one canonical form the
 * grant checks and the company directory compare: `mailboxAddressSchema` (trimmed, lower-case, an ASCII email address).
 *
 * Read wider than the handler will, so that no spelling a handler might accept slips past the check:
 * - a rule's field is read from the query AND the JSON body, whichever the rule names (body against query);
 * - every value of a repeated query key, not just the first (duplicate keys);
 * - a display-name form (`Name <addr>`) or a list (`a@x, b@y`) yields every address written in it;
 * - a value that is there but holds no clean address (a Cyrillic `ѕ`, `INBOX`, a number, an object) is a 400 here,
 *   so it can never reach a handler whose schema reads it differently.
 */
export interface NamedMailbox {
  rule: MailboxRule;
  /** Canonical addresses, at least one. */
  addresses: string[];
}

/**
 * Where address-like words end: a space, bracket, quote, comma, colon or semicolon. Words are found by splitting on
 * these (one linear pass), never by a global regex around `@`, which backtracks quadratically on a long run without
 * one (a 60 KB display name held the event loop for 12 s).
 */
const WORD_SEPARATORS = /[\s<>,;:"'()[\]]+/;
/**
 * No header line is longer (RFC 5322 2.1.1), so no mailbox or `from` value is either. Checked before any pattern
 * runs, so the cost of reading a field is bounded whatever the body limit of its route.
 */
export const MAX_MAILBOX_FIELD_CHARS = 998;
/** `Display Name <addr>`: one pair of angle brackets, at the end. */
const DISPLAY_FORM = /^[^<>]*<([^<>]+)>$/;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** The canonical form of one mailbox address, or undefined when it is not a clean address. */
export function canonicalMailbox(value: unknown): string | undefined {
  const parsed = mailboxAddressSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Every address a field value names, canonical; undefined when the value is not understood (then the request is
 * refused: a check that cannot read a value must not let it through).
 */
export function addressesIn(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const all: string[] = [];
    for (const item of value) {
      const found = addressesIn(item);
      if (!found) return undefined;
      all.push(...found);
    }
    return all;
  }
  if (typeof value !== 'string' || value.length > MAX_MAILBOX_FIELD_CHARS) return undefined;
  const bare = canonicalMailbox(value);
  if (bare) return [bare];
  // Not one bare address: a list of `addr` or `Name <addr>` parts, quoted names blanked so their commas do not split.
  const addresses: string[] = [];
  for (const part of value.replace(QUOTED, '""').split(',')) {
    const address = canonicalMailbox(part) ?? canonicalMailbox(DISPLAY_FORM.exec(part.trim())?.[1]);
    if (!address) return undefined;
    addresses.push(address);
  }
  // And every address-like word anywhere, display names included (`support@acme.example <x@evil.example>`).
  for (const token of value.split(WORD_SEPARATORS)) {
    // An `@` with something on both sides, as the words the old pattern matched.
    if (!token.slice(1, -1).includes('@')) continue;
    const address = canonicalMailbox(token);
    if (!address) return undefined;
    addresses.push(address);
  }
  return [...new Set(addresses)];
}

/** The contract's own wording: mailboxAddressSchema for `mailbox`, emailSchema for other fields (`from`). */
export const invalidMailboxMessage = (field: string) =>
  field === 'mailbox' ? 'mailbox must be an email address' : `${field} must be a valid email address`;

const hasJsonBody = (c: Context) =>
  !['GET', 'HEAD'].includes(c.req.method) && (c.req.header('content-type') ?? '').toLowerCase().includes('json');

/** The JSON body as an object, or undefined. A rule on the body makes a bad body a 400; otherwise it is ignored. */
async function bodyObject(c: Context, required: boolean): Promise<Record<string, unknown> | undefined> {
  if (!required && !hasJsonBody(c)) return undefined;
  let body: unknown;
  if (required) body = await readJsonBody(c);
  else body = await readJsonBody(c).catch(() => undefined);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/**
 * The mailboxes named for each rule. Throws ApiError(400) for a value that is there but not a clean address; a field
 * that is absent names nothing (the handler's schema says whether it was required).
 */
export async function namedMailboxes(c: Context, rules: readonly MailboxRule[]): Promise<NamedMailbox[]> {
  const body = await bodyObject(
    c,
    rules.some((r) => r.source === 'body'),
  );
  const named: NamedMailbox[] = [];
  for (const rule of rules) {
    const values: unknown[] = [...(c.req.queries(rule.field) ?? [])];
    const fromBody = body?.[rule.field];
    if (fromBody !== undefined && fromBody !== null) values.push(fromBody);
    if (values.length === 0) continue;
    const addresses: string[] = [];
    for (const value of values) {
      const found = addressesIn(value);
      if (!found) throw new ApiError(400, invalidMailboxMessage(rule.field));
      addresses.push(...found);
    }
    named.push({ rule, addresses: [...new Set(addresses)] });
  }
  return named;
}
