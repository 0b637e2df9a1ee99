const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formats an ISO timestamp in the reader's locale; a value that is not a date is shown as sent, not as "Invalid Date". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Whose calendar a date is shown in; both default to the reader's (the browser's language and time zone). */
export interface DateFormatOptions {
  locale?: string | readonly string[];
  timeZone?: string;
}

function formatter(options: Intl.DateTimeFormatOptions, { locale, timeZone }: DateFormatOptions) {
  try {
    return new Intl.DateTimeFormat(locale as string | string[] | undefined, { ...options, timeZone });
  } catch {
    // An unknown locale or time zone (a stale setting) must not break a reply: fall back to the browser's.
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/**
 * A sentence-friendly date and time, as a reply's quote header needs it: "Thu, 3 Dec 2026 at 15:34" (en-GB),
 * "Thu, Dec 3, 2026 at 3:34 PM" (en-US), "Do., 3. Dez. 2026 at 15:34" (de). The date and the time are each in the
 * reader's locale and time zone; "at" belongs to the English sentence around it. Null when `iso` is not a date.
 */
export function formatDateAtTime(iso: string, options: DateFormatOptions = {}): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const day = formatter({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, options);
  const time = formatter({ hour: 'numeric', minute: '2-digit' }, options);
  return `${day.format(date)} at ${time.format(date)}`;
}
