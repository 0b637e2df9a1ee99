import { mailboxAddressSchema, sentroyEndpoints } from '@contract/index';
import { ApiError } from '../http-errors';
import { silentLogger, type Logger } from '../logger';
import type { SentroyClient } from '../upstream/client';

/**
 * The company boundary (issue 8). The platform does not check that a `mailbox` belongs to the token's company
 * (sentroy-contract.md section 3): with the company's token it opens any mailbox it is told to. So the console keeps
 * the list of the company's own mailboxes, as `GET /mailboxes` gives it, and every mailbox a request names must be
 * on it, for every role.
 *
 * - The list is cached for `ttlMs` (60 s): a mailbox removed from the company is refused at most that long after.
 * - A name that is not on a fresh list refetches it once (a mailbox created a moment ago), but never more often than
 *   every `minRefreshMs` (5 s), and concurrent lookups share one call: a flood of foreign names costs Sentroy at
 *   most one `GET /mailboxes` per interval.
 * - Fail closed: when no fresh list can be had, the lookup throws a 503 envelope instead of letting the name through.
 *
 * Names are compared in the one canonical form the grant checks use: `mailboxAddressSchema` (trimmed, lower-case,
 * an ASCII email address). Callers canonicalise with `canonicalMailbox` (named-mailboxes.ts) before they ask.
 */
export interface CompanyMailboxDirectory {
  /** The canonical addresses among `names` that are not mailboxes of the company. Throws ApiError(503) when the
   *  company's list cannot be fetched. */
  foreign(names: readonly string[]): Promise<string[]>;
  /** The company's mailboxes, canonical (fresh, or fetched now). Throws ApiError(503) like `foreign`. */
  list(): Promise<ReadonlySet<string>>;
}

export interface CompanyMailboxDirectoryOptions {
  upstream: SentroyClient;
  /** How long a fetched list counts as fresh. */
  ttlMs?: number;
  /** The shortest time between two fetches, so unknown names cannot make the console hammer Sentroy. */
  minRefreshMs?: number;
  /** Milliseconds clock, injected in tests. */
  now?: () => number;
  logger?: Logger;
}

export const COMPANY_MAILBOXES_TTL_MS = 60_000;
export const COMPANY_MAILBOXES_MIN_REFRESH_MS = 5_000;

export const COMPANY_MESSAGES = {
  foreign: (mailboxes: readonly string[]) =>
    mailboxes.length === 1
      ? `${mailboxes[0]} is not a mailbox of this company`
      : `These are not mailboxes of this company: ${mailboxes.join(', ')}`,
  unavailable: (reason: string) =>
    `The console cannot check mailboxes against the company's list right now (${reason}): try again in a moment`,
  notConfigured:
    "The console cannot check mailboxes against the company's list: SENTROY_ACCESS_TOKEN and SENTROY_COMPANY_SLUG are not set",
} as const;

interface Snapshot {
  mailboxes: ReadonlySet<string>;
  fetchedAt: number;
}

export function createCompanyMailboxDirectory(options: CompanyMailboxDirectoryOptions): CompanyMailboxDirectory {
  const ttlMs = options.ttlMs ?? COMPANY_MAILBOXES_TTL_MS;
  const minRefreshMs = options.minRefreshMs ?? COMPANY_MAILBOXES_MIN_REFRESH_MS;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const retryAfter = { 'Retry-After': String(Math.max(1, Math.ceil(minRefreshMs / 1000))) };

  let snapshot: Snapshot | undefined;
  let inflight: Promise<Snapshot> | undefined;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let lastFailure: string | undefined;

  async function fetchList(): Promise<Snapshot> {
    lastAttemptAt = now();
    const endpoint = sentroyEndpoints.listMailboxes;
    const result = await options.upstream.request({ method: endpoint.method, path: endpoint.path, expect: 'json' });
    if (result.kind !== 'data') {
      lastFailure = result.kind === 'error' ? result.error : 'unexpected answer';
      logger.warn(`company mailboxes: GET ${endpoint.path} failed (${lastFailure}); mailbox checks fail closed`);
      throw new ApiError(503, COMPANY_MESSAGES.unavailable(lastFailure), retryAfter);
    }
    const parsed = endpoint.response.safeParse(result.data);
    if (!parsed.success) {
      lastFailure = 'Sentroy returned an unexpected mailbox list';
      logger.warn(`company mailboxes: GET ${endpoint.path} answered an unexpected shape; mailbox checks fail closed`);
      throw new ApiError(503, COMPANY_MESSAGES.unavailable(lastFailure), retryAfter);
    }
    const mailboxes = new Set<string>();
    for (const m of parsed.data) {
      const email = mailboxAddressSchema.safeParse(m.email);
      if (email.success) mailboxes.add(email.data);
    }
    lastFailure = undefined;
    snapshot = { mailboxes, fetchedAt: now() };
    return snapshot;
  }

  /** One fetch at a time, and none within `minRefreshMs` of the last one: then the last outcome stands. */
  function refresh(): Promise<Snapshot> {
    if (inflight) return inflight;
    if (now() - lastAttemptAt < minRefreshMs) {
      if (lastFailure !== undefined) {
        return Promise.reject(new ApiError(503, COMPANY_MESSAGES.unavailable(lastFailure), retryAfter));
      }
      if (snapshot && now() - snapshot.fetchedAt < ttlMs) return Promise.resolve(snapshot);
    }
    inflight = fetchList().finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  async function current(): Promise<Snapshot> {
    if (snapshot && now() - snapshot.fetchedAt < ttlMs) return snapshot;
    return refresh();
  }

  return {
    async foreign(names) {
      const unique = [...new Set(names)];
      const first = await current();
      const missing = unique.filter((n) => !first.mailboxes.has(n));
      if (missing.length === 0) return [];
      // A mailbox created since the last fetch: look again (throttled and shared, see refresh()).
      const again = await refresh();
      return missing.filter((n) => !again.mailboxes.has(n));
    },
    async list() {
      return (await current()).mailboxes;
    },
  };
}

/** For the command line without Sentroy settings: every check fails closed with a message naming them. */
export const unconfiguredCompanyMailboxes: CompanyMailboxDirectory = {
  foreign: () => Promise.reject(new ApiError(503, COMPANY_MESSAGES.notConfigured)),
  list: () => Promise.reject(new ApiError(503, COMPANY_MESSAGES.notConfigured)),
};

const shared = new WeakMap<SentroyClient, CompanyMailboxDirectory>();

/**
 * The app's one directory: `deps.companyMailboxes` when given (tests), else one per upstream client, so the access
 * gate and the user routes share one cache without more wiring in app.ts.
 */
export function companyMailboxesOf(deps: {
  upstream: SentroyClient;
  logger?: Logger;
  companyMailboxes?: CompanyMailboxDirectory;
}): CompanyMailboxDirectory {
  if (deps.companyMailboxes) return deps.companyMailboxes;
  let directory = shared.get(deps.upstream);
  if (!directory) {
    directory = createCompanyMailboxDirectory({ upstream: deps.upstream, logger: deps.logger });
    shared.set(deps.upstream, directory);
  }
  return directory;
}
