/** Small HTTP helpers of the bench: a console sign-in, and timed requests over a keep-alive agent. */
import { request, type Agent } from 'node:http';
import { DEMO_ADMIN } from '../src/demo-credentials';

/** Signs the demo admin in and answers the session cookie ("name=value"). */
export async function signIn(consoleUrl: string): Promise<string> {
  const res = await fetch(`${consoleUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: consoleUrl },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in answered ${res.status}`);
  return cookie;
}

export interface Timed {
  status: number;
  ms: number;
  body: string;
}

/** One request; a network error is status 0 (counted as an error by the caller, never thrown). */
export function timedRequest(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', () => resolve({ status: 0, ms: performance.now() - started, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, body: '' }));
    req.end(init.body);
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
