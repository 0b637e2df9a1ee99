import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-types';
import { ApiError, errorEnvelope } from './http-errors';
import { busyMessage, createSlots, sendGate } from './middleware/send-gate';
import { createHarness, startFakeUpstream, TEST_TOKEN, type FakeUpstream, type Harness } from './test-support';

/** A promise and the function that settles it: upstream answers and handlers that finish when the test says. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createSlots', () => {
  it('grants up to max at once, queues in order, and refuses when the queue is full', async () => {
    const slots = createSlots(2, 1);
    const a = await slots.acquire(1_000);
    const b = await slots.acquire(1_000);
    expect(slots.active).toBe(2);
    let cGranted = false;
    const c = slots.acquire(1_000).then((release) => {
      cGranted = true;
      return release;
    });
    expect(slots.waiting).toBe(1);
    await expect(slots.acquire(1_000)).rejects.toMatch(/queue is full/);
    a();
    a(); // releasing twice frees one slot only
    const releaseC = await c;
    expect(cGranted).toBe(true);
    expect(slots.active).toBe(2);
    b();
    releaseC();
    expect(slots.active).toBe(0);
  });

  it('gives up after the wait limit, and forgets a waiter whose client left', async () => {
    const slots = createSlots(1, 5);
    const held = await slots.acquire(1_000);
    await expect(slots.acquire(30)).rejects.toMatch(/waited 30 ms/);
    const gone = new AbortController();
    const waiting = slots.acquire(10_000, gone.signal);
    expect(slots.waiting).toBe(1);
    gone.abort();
    await expect(waiting).rejects.toBeTypeOf('symbol');
    expect(slots.waiting).toBe(0);
    held();
    expect(slots.active).toBe(0);
  });
});

describe('sendGate', () => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await createHarness();
    cookie = await h.login();
  });
  afterAll(async () => {
    await h.close();
  });

  /** An app with the gate in front of a handler that holds each request until released. */
  function gatedApp(options: Parameters<typeof sendGate>[1]) {
    const running: ReturnType<typeof deferred>[] = [];
    let peak = 0;
    let active = 0;
    const app = new Hono<AppEnv>()
      .use('/api/send', sendGate({ store: h.store, logger: { ...console, debug() {} } as never }, options))
      .post('/api/send', async (c) => {
        active++;
        peak = Math.max(peak, active);
        const hold = deferred();
        running.push(hold);
        await hold.promise;
        active--;
        return c.json({ data: { sent: await c.req.text() } }, 201);
      });
    app.onError((error, c) =>
      error instanceof ApiError ? c.json(errorEnvelope(error.message), error.status, error.headers) : c.text('x', 500),
    );
    const send = (body: string, headers: Record<string, string> = {}) =>
      app.request('/api/send', { method: 'POST', headers: { cookie, ...headers }, body });
    return { send, running, peak: () => peak };
  }

  it('runs at most maxConcurrent large sends, queues the rest, and answers 503 with Retry-After beyond the queue', async () => {
    const gate = gatedApp({ maxConcurrent: 2, maxQueued: 1, maxWaitMs: 5_000, retryAfterSeconds: 7 });
    const answers = [gate.send('1'), gate.send('2'), gate.send('3')];
    await expect.poll(() => gate.running.length, { timeout: 20_000 }).toBe(2);
    const refused = await gate.send('4');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(await refused.json()).toEqual({ data: null, error: busyMessage(7) });
    gate.running[0]!.resolve();
    await expect.poll(() => gate.running.length, { timeout: 20_000 }).toBe(3);
    for (const hold of gate.running) hold.resolve();
    expect((await Promise.all(answers)).map((r) => r.status)).toEqual([201, 201, 201]);
    expect(gate.peak()).toBe(2);
  });

  it('answers 503 when a send waits longer than maxWaitMs', async () => {
    const gate = gatedApp({ maxConcurrent: 1, maxQueued: 4, maxWaitMs: 50 });
    const first = gate.send('1');
    await expect.poll(() => gate.running.length, { timeout: 20_000 }).toBe(1);
    expect((await gate.send('2')).status).toBe(503);
    gate.running[0]!.resolve();
    expect((await first).status).toBe(201);
  });

  it('lets small sends and sessionless requests pass without a slot', async () => {
    const gate = gatedApp({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: 50 });
    const large = gate.send('1');
    await expect.poll(() => gate.running.length, { timeout: 20_000 }).toBe(1);
    // Small (Content-Length under 1 MB): not gated.
    const small = gate.send('{}', { 'content-length': '2' });
    await expect.poll(() => gate.running.length, { timeout: 20_000 }).toBe(2);
    // No session: passes on (access control answers it 401 in the real app, without reading the body).
    const anonymous = new Hono<AppEnv>()
      .use('/api/send', sendGate({ store: h.store, logger: console as never }, { maxConcurrent: 1, maxQueued: 0 }))
      .post('/api/send', (c) => c.json({ data: 'passed' }, 200));
    expect((await anonymous.request('/api/send', { method: 'POST', body: 'x' })).status).toBe(200);
    for (const hold of gate.running) hold.resolve();
    expect((await large).status).toBe(201);
    expect((await small).status).toBe(201);
  });
});

describe('large sends through the console', () => {
  let fake: FakeUpstream;
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    fake = await startFakeUpstream();
    h = await createHarness({ upstreamUrl: fake.url, env: { MAX_CONCURRENT_LARGE_SENDS: '1' } });
    cookie = await h.login();
  });
  afterAll(async () => {
    for (const text of [...h.seen, ...h.logs]) expect(text).not.toContain(TEST_TOKEN);
    await h.close();
    await fake.close();
  });

  it('a retried send with the same Idempotency-Key, queued behind the first, is not sent twice', async () => {
    const upstream = deferred();
    let sends = 0;
    fake.handler = (req) => {
      if (req.path.endsWith('/mailboxes')) {
        return Response.json({ data: [{ id: 'm1', email: 'info@acme.test', domainId: 'd1' }] });
      }
      if (!req.path.endsWith('/send')) return undefined;
      sends++;
      return upstream.promise.then(() =>
        Response.json({ data: { jobId: 'job-1', status: 'queued' } }, { status: 201 }),
      );
    };
    const body = {
      from: 'info@acme.test',
      to: 'bob@example.com',
      subject: 'Report',
      domainId: 'd1',
      text: 'attached',
      attachments: [{ filename: 'a.bin', content: 'QUFB'.repeat(400_000) }],
    };
    const send = () =>
      h.request('/api/send', { method: 'POST', headers: { cookie, 'idempotency-key': 'draft-123456' }, json: body });
    const first = send();
    await expect.poll(() => sends, { timeout: 20_000 }).toBe(1);
    const retry = send();
    upstream.resolve();
    const [a, b] = await Promise.all([first, retry]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(JSON.parse(b.text_)).toEqual(JSON.parse(a.text_));
    expect(sends).toBe(1);
  });
});
