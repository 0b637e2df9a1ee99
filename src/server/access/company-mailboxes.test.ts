import { describe, expect, it } from 'vitest';
import { ApiError } from '../http-errors';
import type { SentroyClient, UpstreamRequest, UpstreamResult } from '../upstream/client';
import { createCompanyMailboxDirectory } from './company-mailboxes';
import { addressesIn, MAX_MAILBOX_FIELD_CHARS } from './named-mailboxes';

const list = (...emails: string[]): UpstreamResult => ({
  kind: 'data',
  status: 200,
  data: emails.map((email) => ({ email, domain: email.split('@')[1]!, username: email.split('@')[0]! })),
});

/** An upstream whose answers the test sets, counting calls; `gate` holds answers until released. */
function fakeUpstream(initial: UpstreamResult) {
  const state = {
    answer: initial,
    calls: [] as UpstreamRequest[],
    gate: undefined as Promise<void> | undefined,
  };
  const client: SentroyClient = {
    async request(req) {
      state.calls.push(req);
      if (state.gate) await state.gate;
      return state.answer;
    },
  };
  return { state, client };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('company mailbox directory', () => {
  it('fetches GET /mailboxes once and answers from the cache while fresh', async () => {
    const { state, client } = fakeUpstream(list('Info@Acme.example', ' support@acme.example '));
    const time = clock();
    const dir = createCompanyMailboxDirectory({ upstream: client, now: time.now, ttlMs: 60_000, minRefreshMs: 5_000 });
    expect(await dir.foreign(['info@acme.example', 'support@acme.example'])).toEqual([]);
    expect(state.calls).toEqual([{ method: 'GET', path: '/mailboxes', expect: 'json' }]);
    time.advance(59_000);
    expect(await dir.foreign(['info@acme.example'])).toEqual([]);
    expect(state.calls).toHaveLength(1);
    // Stale: fetched again, and a mailbox removed from the company is refused from then on.
    state.answer = list('support@acme.example');
    time.advance(2_000);
    expect(await dir.foreign(['info@acme.example'])).toEqual(['info@acme.example']);
    expect(state.calls).toHaveLength(2);
  });

  it('refreshes on a miss (a mailbox created a moment ago), at most once per minRefreshMs', async () => {
    const { state, client } = fakeUpstream(list('info@acme.example'));
    const time = clock();
    const dir = createCompanyMailboxDirectory({ upstream: client, now: time.now, minRefreshMs: 5_000 });
    await dir.list();
    time.advance(6_000);
    state.answer = list('info@acme.example', 'new@acme.example');
    expect(await dir.foreign(['new@acme.example'])).toEqual([]);
    expect(state.calls).toHaveLength(2);

    // A flood of foreign names inside the interval costs nothing more upstream.
    for (let i = 0; i < 50; i++) {
      expect(await dir.foreign([`stranger${i}@evil.example`])).toEqual([`stranger${i}@evil.example`]);
    }
    expect(state.calls).toHaveLength(2);
    time.advance(5_000);
    expect(await dir.foreign(['stranger@evil.example'])).toEqual(['stranger@evil.example']);
    expect(state.calls).toHaveLength(3);
  });

  it('shares one call between concurrent lookups (single flight)', async () => {
    const { state, client } = fakeUpstream(list('info@acme.example'));
    let release!: () => void;
    state.gate = new Promise<void>((resolve) => (release = resolve));
    const dir = createCompanyMailboxDirectory({ upstream: client });
    const lookups = Array.from({ length: 20 }, (_, i) =>
      dir.foreign([i % 2 === 0 ? 'info@acme.example' : `x${i}@evil.example`]),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.calls).toHaveLength(1);
    release();
    const answers = await Promise.all(lookups);
    expect(answers.filter((a) => a.length === 0)).toHaveLength(10);
    expect(state.calls).toHaveLength(1);
  });

  it('fails closed: no list, no answer (503), and a failing upstream is not retried within the interval', async () => {
    const { state, client } = fakeUpstream({ kind: 'error', status: 502, error: 'Cannot reach Sentroy' });
    const time = clock();
    const dir = createCompanyMailboxDirectory({ upstream: client, now: time.now, minRefreshMs: 5_000 });
    const failure = await dir.foreign(['info@acme.example']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
    expect((failure as ApiError).message).toMatch(/cannot check mailboxes.*Cannot reach Sentroy/);
    expect((failure as ApiError).headers).toEqual({ 'Retry-After': '5' });
    await expect(dir.foreign(['info@acme.example'])).rejects.toMatchObject({ status: 503 });
    expect(state.calls).toHaveLength(1);

    // Sentroy is back: the next lookup after the interval works.
    state.answer = list('info@acme.example');
    time.advance(5_000);
    expect(await dir.foreign(['info@acme.example'])).toEqual([]);

    // A stale list is not used once Sentroy fails again: 503, not the old answer.
    time.advance(61_000);
    state.answer = { kind: 'error', status: 504, error: 'Sentroy did not answer in time' };
    await expect(dir.foreign(['info@acme.example'])).rejects.toMatchObject({ status: 503 });
  });

  it('refuses an answer that is not a mailbox list (fail closed), and an empty company has no mailbox', async () => {
    const { state, client } = fakeUpstream({ kind: 'data', status: 200, data: { echo: 'GET /mailboxes' } });
    const time = clock();
    const dir = createCompanyMailboxDirectory({ upstream: client, now: time.now });
    await expect(dir.foreign(['info@acme.example'])).rejects.toMatchObject({ status: 503 });
    state.answer = list();
    time.advance(10_000);
    expect(await dir.foreign(['info@acme.example'])).toEqual(['info@acme.example']);
  });
});

describe('addressesIn (what a mailbox field names)', () => {
  it('reads bare addresses in the canonical form', () => {
    expect(addressesIn(' Info@ACME.example ')).toEqual(['info@acme.example']);
    expect(addressesIn(['a@acme.example', 'B@acme.example'])).toEqual(['a@acme.example', 'b@acme.example']);
  });

  it('reads every address of a display-name form or a list', () => {
    expect(addressesIn('Ayşe Yılmaz <Ayse@acme.example>')).toEqual(['ayse@acme.example']);
    expect(addressesIn('support@acme.example <x@evil.example>')).toEqual(['x@evil.example', 'support@acme.example']);
    expect(addressesIn('"Doe, John" <j@acme.example>')).toEqual(['j@acme.example']);
    expect(addressesIn('"x@evil.example" <me@acme.example>')).toEqual(['me@acme.example', 'x@evil.example']);
    expect(addressesIn('a@acme.example, b@evil.example')).toEqual(['a@acme.example', 'b@evil.example']);
  });

  it('does not understand anything else (the gate then refuses it)', () => {
    for (const value of [
      'INBOX',
      '',
      'ѕupport@acme.example', // Cyrillic ѕ
      'support@acme.exampIe\u200b',
      'support＠acme.example',
      '"a@acme.example"@evil.example',
      'Team @ Home <x@acme.example',
      42,
      { mailbox: 'a@acme.example' },
      [],
      ['a@acme.example', 7],
    ]) {
      expect(addressesIn(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('refuses a field longer than a header line before any pattern runs', () => {
    const long = `${'a'.repeat(1_000_000)} <support@acme.example>`;
    expect(addressesIn(long)).toBeUndefined();
    const atLimit = `${'a'.repeat(MAX_MAILBOX_FIELD_CHARS - 23)} <support@acme.example>`;
    expect(atLimit).toHaveLength(MAX_MAILBOX_FIELD_CHARS);
    expect(addressesIn(atLimit)).toEqual(['support@acme.example']);
    expect(addressesIn(`${'a'.repeat(MAX_MAILBOX_FIELD_CHARS)}@acme.example`)).toBeUndefined();
  });
});
