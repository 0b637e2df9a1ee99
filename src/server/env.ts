import { z } from 'zod';
import { LOGIN_LIMITS, SEND_LIMITS, SERVER_LIMITS } from './abuse-limits';

/**
 * The BFF's configuration, read once at start from environment variables (`.env.example` documents each one).
 * Validation collects every problem at once so an operator fixes the file in one go; messages name the variable and
 * what is expected, never the value given (SENTROY_ACCESS_TOKEN must not end up in a terminal or a log).
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the console reaches Sentroy. `companySlug`/`accessToken` are absent in demo mode until the caller fills them in. */
export interface UpstreamConfig {
  baseUrl: string;
  apiPath: string;
  companySlug: string | undefined;
  accessToken: string | undefined;
  timeoutMs: number;
}

export interface ServerConfig {
  host: string;
  /** 0 = any free port */
  port: number;
  upstream: UpstreamConfig;
  dataDir: string;
  /** The admin created at start when no user has this email (CONSOLE_ADMIN_EMAIL / CONSOLE_ADMIN_PASSWORD). */
  admin: { email: string; password: string } | undefined;
  /** Origin of CONSOLE_PUBLIC_URL (e.g. `https://console.acme.com`): the only Origin allowed to change state. */
  publicOrigin: string | undefined;
  /**
   * How many reverse proxies stand in front of the console (0 = none: X-Forwarded-* is ignored). The client's address
   * is the X-Forwarded-For entry that many places from the right: the entries left of it were written by the client
   * and cannot be believed.
   */
  trustProxy: number;
  sessionTtlHours: number;
  logLevel: LogLevel;
  /** The abuse limits an operator may change (abuse-limits.ts has the rest). */
  limits: OperatorLimits;
}

export interface OperatorLimits {
  /** LOGIN_MAX_FAILURES_PER_ADDRESS: failed sign-ins from one address, all accounts, per 15 minutes. */
  maxLoginFailuresPerAddress: number;
  /**
   * MAX_CONNECTIONS_PER_ADDRESS: open connections per socket peer; 0 = no cap. Behind TRUST_PROXY every peer is the
   * proxy, so the default there is 0 (the proxy limits its clients); a value set then caps the proxy's connections.
   */
  maxConnectionsPerAddress: number;
  /** MAX_CONCURRENT_LARGE_SENDS: sends over 1 MB processed at once. */
  maxConcurrentLargeSends: number;
}

/** `stk_` + 48 hex characters: the platform's access-token format (contract 3). */
export const ACCESS_TOKEN_PATTERN = /^stk_[0-9a-f]{48}$/i;

/** `.env` files often carry `NAME=` for "unset": treat blank values as absent. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const integerIn = (min: number, max: number, fallback: number, what: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be ${what}`)
      .transform(Number)
      .pipe(z.number().min(min, `must be ${what}`).max(max, `must be ${what}`))
      .optional()
      .transform((v) => v ?? fallback),
  );

const httpUrl = (what: string) =>
  z.string().refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, `must be ${what}`);

const envSchema = z.object({
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  PORT: integerIn(0, 65535, 3000, 'an integer from 0 to 65535 (0 picks a free port)'),
  SENTROY_BASE_URL: optionalText.pipe(
    httpUrl('an http(s) URL such as https://sentroy.com')
      .optional()
      .transform((v) => v ?? 'https://sentroy.com'),
  ),
  SENTROY_API_PATH: optionalText.pipe(
    z
      .string()
      .regex(
        /^\/[A-Za-z0-9._~\-/]*[^/]$/,
        'must be a path starting with "/" and not ending with "/", such as /api/mail/companies',
      )
      .optional()
      .transform((v) => v ?? '/api/mail/companies'),
  ),
  SENTROY_COMPANY_SLUG: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be the company slug: letters, digits, "-" and "_"')
      .optional(),
  ),
  // The message deliberately describes the format only: echoing a near-miss token would leak most of it.
  SENTROY_ACCESS_TOKEN: optionalText.pipe(
    z.string().regex(ACCESS_TOKEN_PATTERN, 'must look like stk_ followed by 48 hexadecimal characters').optional(),
  ),
  CONSOLE_DATA_DIR: optionalText.transform((v) => v ?? './data'),
  CONSOLE_ADMIN_EMAIL: optionalText.pipe(
    z
      .string()
      .toLowerCase()
      .pipe(z.email({ error: 'must be an email address' }))
      .optional(),
  ),
  CONSOLE_ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters long').optional()),
  CONSOLE_PUBLIC_URL: optionalText.pipe(httpUrl('an http(s) URL such as https://console.acme.com').optional()),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(/^(true|false|[0-9])$/, { error: 'must be true, false, or the number of proxies in front (0 to 9)' })
      .optional()
      .transform((v) => (v === undefined || v === 'false' ? 0 : v === 'true' ? 1 : Number(v))),
  ),
  SESSION_TTL_HOURS: integerIn(1, 24 * 365, 12, 'a whole number of hours from 1 to 8760'),
  UPSTREAM_TIMEOUT_MS: integerIn(100, 600_000, 30_000, 'a number of milliseconds from 100 to 600000'),
  LOGIN_MAX_FAILURES_PER_ADDRESS: integerIn(
    1,
    100_000,
    LOGIN_LIMITS.defaultMaxFailuresPerAddress,
    'a whole number of failed sign-ins from 1 to 100000',
  ),
  // No default here: it depends on TRUST_PROXY (see OperatorLimits).
  MAX_CONNECTIONS_PER_ADDRESS: integerIn(0, 100_000, -1, 'a whole number of connections from 0 (no cap) to 100000'),
  MAX_CONCURRENT_LARGE_SENDS: integerIn(
    1,
    64,
    SEND_LIMITS.defaultMaxConcurrent,
    'a whole number of sends from 1 to 64',
  ),
  LOG_LEVEL: optionalText.pipe(
    z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .optional()
      .transform((v) => v ?? 'info'),
  ),
});

/** Rules across variables, checked on the raw values so they are reported together with the per-variable ones. */
function crossVariableProblems(env: Record<string, string | undefined>): string[] {
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (isSet('CONSOLE_ADMIN_EMAIL') !== isSet('CONSOLE_ADMIN_PASSWORD')) {
    const missing = isSet('CONSOLE_ADMIN_EMAIL') ? 'CONSOLE_ADMIN_PASSWORD' : 'CONSOLE_ADMIN_EMAIL';
    problems.push(`${missing} must be set together with the other CONSOLE_ADMIN_* variable (set both or neither)`);
  }
  if (isSet('SENTROY_ACCESS_TOKEN') && !isSet('SENTROY_COMPANY_SLUG')) {
    problems.push('SENTROY_COMPANY_SLUG is required when SENTROY_ACCESS_TOKEN is set');
  }
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid console configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse and check the environment. A missing SENTROY_ACCESS_TOKEN is allowed: the caller then runs demo mode and
 * fills `upstream.companySlug` / `upstream.accessToken` itself before `startServer`.
 */
export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`)),
    ...crossVariableProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    upstream: {
      baseUrl: e.SENTROY_BASE_URL.replace(/\/+$/, ''),
      apiPath: e.SENTROY_API_PATH,
      companySlug: e.SENTROY_COMPANY_SLUG,
      accessToken: e.SENTROY_ACCESS_TOKEN,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    },
    dataDir: e.CONSOLE_DATA_DIR,
    admin:
      e.CONSOLE_ADMIN_EMAIL !== undefined && e.CONSOLE_ADMIN_PASSWORD !== undefined
        ? { email: e.CONSOLE_ADMIN_EMAIL, password: e.CONSOLE_ADMIN_PASSWORD }
        : undefined,
    publicOrigin: e.CONSOLE_PUBLIC_URL === undefined ? undefined : new URL(e.CONSOLE_PUBLIC_URL).origin,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxLoginFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      maxConnectionsPerAddress:
        e.MAX_CONNECTIONS_PER_ADDRESS >= 0
          ? e.MAX_CONNECTIONS_PER_ADDRESS
          : e.TRUST_PROXY > 0
            ? 0
            : SERVER_LIMITS.defaultMaxConnectionsPerAddress,
      maxConcurrentLargeSends: e.MAX_CONCURRENT_LARGE_SENDS,
    },
  };
}
