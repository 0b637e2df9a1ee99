import type { ConsoleStore } from '../db/index';

/**
 * Password guessing is slowed per account (5 failures) and per client IP (20 failures, so one office behind a NAT is
 * not locked out by a single user) within a sliding 15-minute window.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Seconds until the next attempt is allowed, or undefined when the attempt may go ahead. */
export async function loginBlockedForSeconds(
  store: ConsoleStore,
  key: { email: string; ip: string | null },
  now: Date,
): Promise<number | undefined> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const waits: number[] = [];
  const check = (failures: Date[], max: number) => {
    // Blocked until the failure that tipped the count over the limit leaves the window.
    const tipping = failures[failures.length - max];
    if (failures.length >= max && tipping) waits.push(tipping.getTime() + LOGIN_WINDOW_MS - now.getTime());
  };
  check(await store.loginAttempts.failuresSince({ email: key.email }, since), MAX_FAILURES_PER_EMAIL);
  if (key.ip !== null) check(await store.loginAttempts.failuresSince({ ip: key.ip }, since), MAX_FAILURES_PER_IP);
  if (waits.length === 0) return undefined;
  return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

/**
 * True when failures (the caller's own, already recorded, included) exceed a limit. Checked after recording and
 * before the slow password check, so guesses sent at the same time see each other and at most the limit is tried.
 */
export async function overLoginLimit(
  store: ConsoleStore,
  key: { email: string; ip: string | null },
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  if ((await store.loginAttempts.failuresSince({ email: key.email }, since)).length > MAX_FAILURES_PER_EMAIL) {
    return true;
  }
  return (
    key.ip !== null && (await store.loginAttempts.failuresSince({ ip: key.ip }, since)).length > MAX_FAILURES_PER_IP
  );
}

export function throttledMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
