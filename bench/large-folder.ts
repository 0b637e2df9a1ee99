/**
 * A 100,000-message folder straight from the emulator over HTTP (what the BFF waits for): its first page is the
 * base, and the last page, unread-only pages, a thread lookup and the folder counts are ratios to it. Timings are
 * medians of sequential requests, so each is one request's cost, not throughput. The thread lookup searches INBOX
 * and Sent of the mailbox that holds the 100,000 messages (the platform's rule), by the thread-key index.
 */
import { DEMO_MAILBOXES } from '../src/emulator/index';
import { BULK_FOLDER, env, type BenchContext } from './context';
import { percentile } from './http';
import { ms, times, type Row } from './table';

const LIMIT = 50;

export async function largeFolder(ctx: BenchContext): Promise<Row[]> {
  const rounds = env('BENCH_ROUNDS', 40);
  const base = `${ctx.emulator.url}/api/mail/companies/${ctx.emulator.companySlug}/inbox`;
  const mailbox = encodeURIComponent(DEMO_MAILBOXES.info);
  const headers = { authorization: `Bearer ${ctx.emulator.accessToken}` };
  const get = (path: string, expectRows?: number) => async () => {
    const res = await fetch(`${base}${path}`, { headers });
    const body = (await res.json()) as { data?: unknown[] };
    if (!res.ok) throw new Error(`emulator answered ${res.status} to ${path}`);
    if (expectRows !== undefined && body.data?.length !== expectRows)
      throw new Error(`${path} gave ${body.data?.length} rows, not ${expectRows}`);
  };
  const list = (page: number, unread = false) =>
    `?mailbox=${mailbox}&folder=${BULK_FOLDER}&page=${page}&limit=${LIMIT}${unread ? '&unread=true' : ''}`;
  const lastPage = Math.ceil(ctx.bulkCount / LIMIT);
  // The bulk seed leaves every fourth message unread.
  const lastUnreadPage = Math.ceil(Math.round(ctx.bulkCount / 4) / LIMIT);

  const kinds = [
    { name: 'first page', path: list(1), rows: LIMIT, target: 0 },
    { name: `last page (${lastPage})`, path: list(lastPage), rows: undefined, target: 2 },
    { name: 'unread-only, first page', path: list(1, true), rows: LIMIT, target: 2 },
    {
      name: `unread-only, last page (${lastUnreadPage})`,
      path: list(lastUnreadPage, true),
      rows: undefined,
      target: 2,
    },
    {
      name: 'thread lookup',
      path: `/thread?mailbox=${mailbox}&subject=${encodeURIComponent('Re: Bulk message 5000')}`,
      rows: undefined,
      target: 2,
    },
    { name: 'folder counts', path: `/mailboxes?mailbox=${mailbox}`, rows: undefined, target: 2 },
  ];
  // Interleaved, one request of each kind per round, so a busy moment of the machine falls on all of them alike.
  const samples = kinds.map(() => [] as number[]);
  for (let round = -3; round < rounds; round++) {
    for (const [i, kind] of kinds.entries()) {
      const started = performance.now();
      await get(kind.path, kind.rows)();
      if (round >= 0) samples[i]!.push(performance.now() - started);
    }
  }
  const medians = samples.map((s) =>
    percentile(
      s.sort((a, b) => a - b),
      50,
    ),
  );
  const first = medians[0]!;
  const measured = kinds.slice(1).map((kind, i) => ({ ...kind, ms: medians[i + 1]! }));
  const scale = `${ctx.bulkCount.toLocaleString('en')} msgs`;
  return [
    {
      check: `${scale}: first page`,
      figure: ms(first),
      target: '(base)',
      note: `${LIMIT} rows, median of ${rounds}; seeded in ${(ctx.emulator.seedMs / 1000).toFixed(0)} s`,
    },
    ...measured.map((m) => ({
      check: `${scale}: ${m.name}`,
      figure: times(m.ms / first),
      target: `≤ ${m.target.toFixed(2)}×`,
      met: m.ms / first <= m.target,
      note: ms(m.ms),
    })),
  ];
}
