/**
 * The platform's thread key (contract 5.11): strip ONE leading reply/forward prefix, then trim.
 * "Re: Re: x" keeps one "Re:" on purpose — that is what the platform does, and threads must match it.
 */
const ONE_PREFIX = /^(Re|Fwd|Fw|Ynt|Yanit|İlt):\s*/i;

export function normalizeThreadSubject(subject: string): string {
  return subject.replace(ONE_PREFIX, '').trim();
}

/** Case-insensitive comparison key for two normalized subjects. */
export function threadKey(subject: string): string {
  return normalizeThreadSubject(subject).toLowerCase();
}
