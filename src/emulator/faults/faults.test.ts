import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEmulator, tempDir, type TestEmulator } from '../test-helpers';
import { FaultSwitch, formatFaultSpec, parseFaultSpec } from './fault-switch';
import { startEmulator, type RunningEmulator } from '../index';
import { DEMO_ACCESS_TOKEN, DEMO_COMPANY_SLUG } from '../seed/demo-data';

describe('parseFaultSpec', () => {
  it('is off by default and parses the documented spec', () => {
    expect(parseFaultSpec(undefined)).toEqual({ latency: 0, error: 0, rate429: 0, drop: 0 });
    expect(parseFaultSpec('latency=200,error=0.1,rate429=0.05,drop=0.01')).toEqual({
      latency: 200,
      error: 0.1,
      rate429: 0.05,
      drop: 0.01,
    });
    expect(formatFaultSpec(parseFaultSpec('error=0.5'))).toBe('error=0.5');
  });
  it('lists every problem', () => {
    expect(() => parseFaultSpec('foo=1,error=2,latency=x')).toThrow(
      /unknown fault "foo"[\s\S]*latency needs a number[\s\S]*error/,
    );
  });
  it('draws one outcome per request from the configured shares', () => {
    const draws = [0.005, 0.05, 0.12, 0.5];
    const f = new FaultSwitch(parseFaultSpec('drop=0.01,error=0.09,rate429=0.1'), () => draws.shift()!);
    expect([f.decide(), f.decide(), f.decide(), f.decide()]).toEqual(['drop', 'error', 'rate429', 'none']);
  });
});

describe('fault injection in the app', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await createTestEmulator({ faultControl: true, seed: 'none' });
  });
  afterAll(async () => {
    await emu.dispose();
  });
  const control = (body: unknown) =>
    emu.app.request('/__emulator/faults', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

  it('answers 500 "HTTP 503" and 429 with Retry-After when switched on at runtime, and recovers when off', async () => {
    expect((await emu.call('GET', '/domains')).status).toBe(200);
    expect(await (await control({ spec: 'error=1' })).json()).toMatchObject({ data: { error: 1, spec: 'error=1' } });
    await emu.fails(500, 'HTTP 503: IMAP service unavailable', 'GET', '/domains');
    await control({ rate429: 1 });
    const r = await emu.call('GET', '/domains');
    expect(r.status).toBe(429);
    expect(r.response.headers.get('retry-after')).toBe('1');
    expect(r.json).toEqual({ data: null, error: 'Too many requests. Please try again later.' });
    await control({ spec: 'off' });
    expect((await emu.call('GET', '/domains')).status).toBe(200);
  });
  it('adds latency', async () => {
    await control({ latency: 120 });
    const t = performance.now();
    await emu.call('GET', '/domains');
    expect(performance.now() - t).toBeGreaterThanOrEqual(100);
    await control({ spec: 'off' });
  });
  it('rejects a bad config with 400 and is absent unless faultControl is set', async () => {
    const bad = await control({ spec: 'nope=1' });
    expect(bad.status).toBe(400);
    const plain = await createTestEmulator({ seed: 'none' });
    expect((await plain.app.request('/__emulator/faults', { method: 'POST', body: '{}' })).status).toBe(404);
    await plain.dispose();
  });
});

describe('startEmulator (real HTTP server)', () => {
  let running: RunningEmulator;
  const dataDir = tempDir();
  beforeAll(async () => {
    running = await startEmulator({ dataDir, port: 0, faultControl: true });
  });
  afterAll(async () => {
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on a free port of 127.0.0.1 and serves both base paths', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.companySlug).toBe(DEMO_COMPANY_SLUG);
    expect(running.accessToken).toBe(DEMO_ACCESS_TOKEN);
    for (const base of ['/api/companies', '/api/mail/companies']) {
      const r = await fetch(`${running.url}${base}/${DEMO_COMPANY_SLUG}/mailboxes`, {
        headers: { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` },
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { data: unknown[] }).data).toHaveLength(3);
    }
  });
  it('drops the connection when the drop fault fires', async () => {
    await fetch(`${running.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ drop: 1 }) });
    await expect(
      fetch(`${running.url}/api/companies/${DEMO_COMPANY_SLUG}/domains`, {
        headers: { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` },
      }),
    ).rejects.toThrow();
    await fetch(`${running.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ spec: 'off' }) });
    const ok = await fetch(`${running.url}/api/companies/${DEMO_COMPANY_SLUG}/domains`, {
      headers: { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` },
    });
    expect(ok.status).toBe(200);
  });
});
