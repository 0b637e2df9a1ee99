/**
 * The BFF against the emulator it fronts: the same read through each, 10 concurrent clients (autocannon), requests/s
 * and p50/p99 latency. The BFF's ratio is what a proxy that checks a session and a policy costs (target ≥ 0.9×).
 */
import autocannon, { type Result } from 'autocannon';
import { DEMO_MAILBOXES } from '../src/emulator/index';
import { BULK_FOLDER, env, type BenchContext } from './context';
import { ms, times, type Row } from './table';

const CONNECTIONS = 10;

async function cannon(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.requests.total === 0 || result.non2xx === result.requests.total)
    throw new Error(`${url} answered no request with 2xx`);
  return result;
}

const describe = (r: Result) =>
  `${r.requests.average.toFixed(0)} req/s, p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}` +
  (r.non2xx + r.errors + r.timeouts > 0 ? `, ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors` : '');

export async function bffVsDirect(ctx: BenchContext): Promise<Row[]> {
  const duration = env('BENCH_CANNON_SECONDS', 10);
  const mailbox = encodeURIComponent(DEMO_MAILBOXES.info);
  const page = `mailbox=${mailbox}&folder=${BULK_FOLDER}&page=1&limit=50`;
  const upstream = `${ctx.emulator.url}/api/mail/companies/${ctx.emulator.companySlug}`;
  const bearer = { authorization: `Bearer ${ctx.emulator.accessToken}` };
  const session = { cookie: ctx.cookie };
  const pairs = [
    { name: 'inbox page (50)', direct: `${upstream}/inbox?${page}`, bff: `${ctx.console.url}/api/inbox?${page}` },
    {
      name: 'domain list',
      direct: `${ctx.emulator.url}/api/companies/${ctx.emulator.companySlug}/domains`,
      bff: `${ctx.console.url}/api/domains`,
    },
  ];
  const rows: Row[] = [];
  for (const pair of pairs) {
    const direct = await cannon(pair.direct, bearer, duration);
    const bff = await cannon(pair.bff, session, duration);
    const ratio = bff.requests.average / direct.requests.average;
    rows.push({
      check: `BFF/direct req/s, ${pair.name}`,
      figure: times(ratio),
      target: '≥ 0.90×',
      met: ratio >= 0.9,
      note: `direct ${describe(direct)}; BFF ${describe(bff)}`,
    });
    rows.push({
      check: `BFF/direct p99, ${pair.name}`,
      figure: times(bff.latency.p99 / direct.latency.p99),
      target: '(latency)',
      note: `p50 ${times(bff.latency.p50 / direct.latency.p50)}; ${CONNECTIONS} clients, ${duration} s each`,
    });
  }
  return rows;
}
