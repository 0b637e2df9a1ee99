/**
 * 200 concurrent sessions browsing through the BFF for 60 s, each doing what the inbox does: list a page of its
 * mailbox's INBOX, open a message (its detail and its body document) and mark it read. Every session is signed in
 * before the clock starts; each loops until the deadline (bounded, loopback only). Reported: p99 of all requests,
 * the errors (non-2xx or network), and the console's resident memory at the start and the end.
 */
import { Agent } from 'node:http';
import { buildPath, sentroyEndpoints } from '@contract/index';
import { DEMO_MAILBOXES } from '../src/emulator/index';
import { PAGE_SIZE } from '../src/web/features/inbox/api/get-messages';
import { messageBodyHref } from '../src/web/features/inbox/api/message-body';
import { env, type BenchContext } from './context';
import { percentile, signIn, timedRequest } from './http';
import { memoryOf } from './processes';
import { mb, ms, type Row } from './table';

export async function browse(ctx: BenchContext): Promise<Row[]> {
  const sessions = env('BENCH_SESSIONS', 200);
  const seconds = env('BENCH_BROWSE_SECONDS', 60);
  const url = ctx.console.url;
  const cookies: string[] = [];
  // One sign-in at a time, before the clock starts: concurrent sign-ins of one account from one address count as
  // failures in flight (the password-guessing throttle), and each pays a deliberately slow password hash.
  for (let i = 0; i < sessions; i++) cookies.push(await signIn(url));
  const agent = new Agent({ keepAlive: true, maxSockets: sessions });
  const mailboxes = Object.values(DEMO_MAILBOXES);
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const note = (what: string, status: number) => {
    const key = `${what} ${status}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  };
  const rssStart = memoryOf(ctx.console.pid);
  const deadline = performance.now() + seconds * 1000;

  const session = async (i: number) => {
    const mailbox = mailboxes[i % mailboxes.length]!;
    const headers = { cookie: cookies[i]!, origin: url };
    while (performance.now() < deadline) {
      const qs = new URLSearchParams({ mailbox, folder: 'INBOX', page: '1', limit: String(PAGE_SIZE) });
      const list = await timedRequest(agent, `${url}/api${sentroyEndpoints.listMessages.path}?${qs}`, { headers });
      latencies.push(list.ms);
      if (list.status !== 200) {
        note('list', list.status);
        continue;
      }
      const rows = (JSON.parse(list.body) as { data: { uid: number }[] }).data;
      if (rows.length === 0) continue;
      const uid = rows[Math.floor(Math.random() * rows.length)]!.uid;
      const steps = [
        [
          'open',
          `/api${buildPath(sentroyEndpoints.getMessage.path, { uid })}?${new URLSearchParams({ mailbox, folder: 'INBOX' })}`,
          undefined,
        ],
        ['body', messageBodyHref(mailbox, 'INBOX', uid, false), undefined],
        [
          'mark read',
          `/api${buildPath(sentroyEndpoints.markRead.path, { uid })}`,
          JSON.stringify({ mailbox, folder: 'INBOX' }),
        ],
      ] as const;
      for (const [what, path, body] of steps) {
        const res = await timedRequest(agent, `${url}${path}`, {
          method: body ? 'POST' : 'GET',
          headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
          body,
        });
        latencies.push(res.ms);
        if (res.status < 200 || res.status >= 300) note(what, res.status);
      }
    }
  };
  await Promise.all(Array.from({ length: sessions }, (_, i) => session(i)));
  const rssEnd = memoryOf(ctx.console.pid);
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const label = `${sessions} sessions × ${seconds} s`;
  const detail = `${latencies.length} requests (${(latencies.length / seconds).toFixed(0)}/s), p50 ${ms(percentile(latencies, 50))}`;
  return [
    { check: `${label}: p99`, figure: ms(percentile(latencies, 99)), target: '(latency)', note: detail },
    {
      check: `${label}: errors`,
      figure: String(errorCount),
      target: '0',
      met: errorCount === 0,
      note: [...errors].map(([k, n]) => `${n}× ${k}`).join(', ') || 'list, open, body, mark read',
    },
    {
      check: `${label}: BFF RSS start → end`,
      figure: `${mb(rssStart)} → ${mb(rssEnd)}`,
      target: '(memory)',
      note: `${rssEnd > rssStart ? '+' : ''}${mb(rssEnd - rssStart)}`,
    },
  ];
}
