/**
 * RFC 4180 CSV for the audit export. A cell is quoted when it holds a comma, quote, CR or LF (quotes doubled);
 * a cell that a spreadsheet would run as a formula (starting with = + - @, or a tab / CR that some strip first) gets
 * a leading apostrophe, so an email subject like `=HYPERLINK(...)` stays text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
