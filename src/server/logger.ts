import type { LogLevel } from './env';

/** One line per event, plain text. Lines pass through `redact` so a secret can never be printed, even by mistake. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogSink = (line: string) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level: LogLevel;
  sink?: LogSink;
  /** Exact strings that must never appear in output (the access token). */
  secrets?: readonly (string | undefined)[];
}

export function createLogger({ level, sink = (line) => console.log(line), secrets = [] }: LoggerOptions): Logger {
  const redact = secretRedactor(secrets);
  const write = (lineLevel: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (RANK[lineLevel] < RANK[level]) return;
    sink(`${new Date().toISOString()} ${lineLevel.toUpperCase()} ${redact(message)}`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Replace each secret (and, for stk_ tokens, its 12-character prefix the platform echoes in errors) by a marker. */
export function secretRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const needles = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 8)
    .flatMap((s) => (s.startsWith('stk_') ? [s, s.slice(0, 12)] : [s]));
  if (needles.length === 0) return (text) => text;
  return (text) => needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text);
}

export const silentLogger: Logger = createLogger({ level: 'silent' });
