/** The one table `npm run bench` prints: a row per figure, its target, and whether the target was met. */
export interface Row {
  check: string;
  figure: string;
  target: string;
  /** undefined: a figure the issue sets no target for (printed as "report"). */
  met?: boolean;
  note?: string;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
export const times = (n: number) => `${n.toFixed(2)}×`;

/** A check that could not run still gets its rows' place in the table, saying why. */
export function failedRow(check: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { check, figure: 'did not run', target: '', met: false, note: message.split('\n')[0] };
}

export function printTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.check,
    r.figure,
    r.target,
    r.met === undefined ? 'report' : r.met ? 'met' : 'MISSED',
    r.note ?? '',
  ]);
  const header = ['check', 'figure', 'target', 'result', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    `| ${c.map((x, i) => (i === 1 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
