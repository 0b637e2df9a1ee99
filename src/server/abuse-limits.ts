/**
 * Every abuse limit of the console in one place (README "Abuse limits" lists them with these values). The few an
 * operator may need to change are read from the environment by env.ts; the rest are constants on purpose: they are
 * sized for the console's own traffic, not for a deployment.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** JSON request bodies, checked on the raw text before JSON.parse and before any schema (json-limits.ts). */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays. The deepest real body (a batch send's template list rows) is 5 deep. */
  maxDepth: 32,
  /** Keys in one object: custom headers and template variables are the largest real objects. */
  maxObjectKeys: 1_000,
  /** Items in one array: a batch send has at most 500 recipients, a template list a few hundred rows. */
  maxArrayItems: 10_000,
  /** Values (scalars, objects and arrays) in the whole body, so a 30 MB send cannot be millions of tiny values. */
  maxValues: 200_000,
} as const;

/** Request body sizes (middleware/body-limit.ts): counted on the wire, whatever Content-Length says. */
export const BODY_LIMITS = {
  /** Every JSON body except a send. */
  smallBytes: 64 * KiB,
  /** POST /api/send carries base64 attachments: 20 MB raw ≈ 27 MB encoded, plus the message. */
  sendBytes: 30 * MiB,
} as const;

/** Password guessing (auth/login-throttle.ts). */
export const LOGIN_LIMITS = {
  /** Failures of one account from one source address that cost nothing; each further one doubles the wait. */
  freeFailuresPerPair: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  /** How long a failure counts for its (account, address) pair: a successful sign-in from there forgets it sooner. */
  pairWindowMs: 24 * 3_600_000,
  /** Failures from one source address, across every account, within addressWindowMs (LOGIN_MAX_FAILURES_PER_ADDRESS). */
  defaultMaxFailuresPerAddress: 30,
  addressWindowMs: 15 * 60_000,
} as const;

/** The Node HTTP server (http-server.ts). */
export const SERVER_LIMITS = {
  /** A request's headers must arrive within this time, or it is answered 408 and closed. */
  headersTimeoutMs: 10_000,
  /**
   * A request body must keep this rate, measured over windows of bodyRateWindowMs while the console is reading it
   * (not while a send waits its turn). 32 KiB/s moves the largest send (30 MB) in 16 minutes.
   */
  minBodyBytesPerSecond: 32 * KiB,
  bodyRateWindowMs: 30_000,
  /** Hard ceiling on one request's upload: the largest send at the minimum rate, plus margin. */
  requestTimeoutMs: 20 * 60_000,
  /** An idle keep-alive connection is closed after this long (Node's default). */
  keepAliveTimeoutMs: 5_000,
  /** Open connections from one source address (MAX_CONNECTIONS_PER_ADDRESS; off by default behind TRUST_PROXY). */
  defaultMaxConnectionsPerAddress: 128,
  /** Open connections in all: far below the process's file descriptor limit. */
  maxConnections: 2_048,
} as const;

/** Concurrent large sends (middleware/send-gate.ts): bodies beyond the slots wait unread in their sockets. */
export const SEND_LIMITS = {
  /** A send whose body is larger than this (or of unknown length) takes a slot. */
  largeBodyBytes: 1 * MiB,
  /** Large sends processed at once (MAX_CONCURRENT_LARGE_SENDS). */
  defaultMaxConcurrent: 3,
  /** Large sends waiting for a slot; one more is answered 503. */
  maxQueued: 8,
  /** How long a send waits for a slot before it is answered 503. */
  maxWaitMs: 30_000,
  /** Retry-After of those 503s. */
  retryAfterSeconds: 15,
} as const;
