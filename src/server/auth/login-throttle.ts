import { LOGIN_LIMITS } from '../abuse-limits';
import type { ConsoleStore } from '../db/index';

/**
 * Password guessing is slowed, never turned into a lockout a stranger can impose:
 *
 * - per (account, source address): the first 3 failures are free, then each one makes the next attempt from that
 *   address wait twice as long (1 s, 2 s, 4 s … up to 15 minutes). A failure counts for a day, or until a successful
 *   sign-in from the same address forgets that pair's failures;
 * - per source address, across all accounts: at most LOGIN_MAX_FAILURES_PER_ADDRESS failures in 15 minutes, so one
 *   address cannot spray passwords over every account.
 *
 * Nothing is counted per account alone: an owner signing in from another address is never slowed by a stranger's
 * guesses. The price is that guesses spread over many addresses are each only slowed per address (see README).
 *
 * The source address is sourceAddress(): an IPv6 client counts as its /64. Failures live in `login_attempts`
 * (db/store.ts), whose `ip` column holds that source address.
 */
export interface LoginThrottleOptions {
  maxFailuresPerAddress: number;
}

export interface LoginKey {
  email: string;
  /** sourceAddress() of the client; null when unknown (in-process tests). */
  source: string | null;
}

/** Seconds the (account, address) pair must wait after `failures` (oldest first), or 0. */
export function pairWaitMs(failures: readonly Date[], now: Date): number {
  const over = failures.length - LOGIN_LIMITS.freeFailuresPerPair;
  const last = failures[failures.length - 1];
  if (over < 0 || !last) return 0;
  const delaySeconds = Math.min(LOGIN_LIMITS.maxDelaySeconds, LOGIN_LIMITS.firstDelaySeconds * 2 ** over);
  return Math.max(0, last.getTime() + delaySeconds * 1000 - now.getTime());
}

/** Milliseconds until the address is under its cap again, or 0. */
function addressWaitMs(failures: readonly Date[], max: number, now: Date): number {
  // Blocked until the failure that tipped the count over the cap leaves the window.
  const tipping = failures[failures.length - max];
  if (failures.length < max || !tipping) return 0;
  return Math.max(0, tipping.getTime() + LOGIN_LIMITS.addressWindowMs - now.getTime());
}

async function failures(store: ConsoleStore, key: LoginKey, now: Date, beforeId?: number) {
  const pair = await store.loginAttempts.failuresSince(
    { email: key.email, ip: key.source },
    new Date(now.getTime() - LOGIN_LIMITS.pairWindowMs),
    beforeId,
  );
  const address =
    key.source === null
      ? []
      : await store.loginAttempts.failuresSince(
          { ip: key.source },
          new Date(now.getTime() - LOGIN_LIMITS.addressWindowMs),
          beforeId,
        );
  return { pair, address };
}

/** Seconds until the next attempt of this account from this address may go ahead, or undefined when it may now. */
export async function loginBlockedForSeconds(
  store: ConsoleStore,
  key: LoginKey,
  now: Date,
  options: LoginThrottleOptions,
): Promise<number | undefined> {
  const { pair, address } = await failures(store, key, now);
  const wait = Math.max(pairWaitMs(pair, now), addressWaitMs(address, options.maxFailuresPerAddress, now));
  return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : undefined;
}

/**
 * Whether the attempt recorded as `attemptId` (a failure until the password proves otherwise) is one too many.
 * Checked after recording and before the slow password check, and judged by the failures recorded BEFORE it: guesses
 * sent at the same time are ordered by their rows, so a burst gets exactly the free failures through, whatever its
 * size.
 */
export async function overLoginLimit(
  store: ConsoleStore,
  key: LoginKey,
  attemptId: number,
  now: Date,
  options: LoginThrottleOptions,
): Promise<boolean> {
  const { pair, address } = await failures(store, key, now, attemptId);
  return pairWaitMs(pair, now) > 0 || addressWaitMs(address, options.maxFailuresPerAddress, now) > 0;
}

export function throttledMessage(seconds: number): string {
  if (seconds < 60) {
    return `Too many failed sign-in attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
