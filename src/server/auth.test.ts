import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { meSchema } from '@contract/index';
import { hashPassword, verifyPassword } from './auth/password';
import { ADMIN, createHarness, TEST_TOKEN, type Harness } from './test-support';

const harnesses: Harness[] = [];
async function harness(...args: Parameters<typeof createHarness>) {
  const h = await createHarness(...args);
  harnesses.push(h);
  return h;
}

afterAll(async () => {
  // The token must not appear in any response or log line produced by these tests.
  for (const h of harnesses) {
    for (const text of [...h.seen, ...h.logs]) expect(text).not.toContain(TEST_TOKEN);
    await h.close();
  }
});

describe('password hashing', () => {
  it('hashes with a random salt and verifies', async () => {
    const a = await hashPassword('secret-1');
    const b = await hashPassword('secret-1');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('secret-1', a)).toBe(true);
    expect(await verifyPassword('secret-2', a)).toBe(false);
    expect(await verifyPassword('secret-1', 'garbage')).toBe(false);
  });
});

describe('POST /auth/login', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });

  it('signs in with a session cookie and answers Me', async () => {
    const res = await h.request('/auth/login', {
      method: 'POST',
      json: { email: ' Admin@Console.TEST ', password: ADMIN.password },
    });
    expect(res.status).toBe(200);
    const me = meSchema.parse(JSON.parse(res.text_).data);
    expect(me.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.console).toEqual({ demoMode: false, companySlug: 'acme', version: '9.9.9-test' });

    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sentroy_console_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');

    const audit = await h.store.audit.list();
    expect(audit[0]).toMatchObject({ action: 'login.success', target: ADMIN.email });
  });

  it.each([
    ['wrong password', { email: ADMIN.email, password: 'nope nope' }],
    ['unknown user', { email: 'nobody@console.test', password: ADMIN.password }],
  ])('refuses a %s with the same message', async (_, body) => {
    const res = await h.request('/auth/login', { method: 'POST', json: body });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Email or password is incorrect' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await h.store.audit.list())[0]).toMatchObject({ action: 'login.failure' });
  });

  it('refuses a disabled user with the same message, and ends its sessions', async () => {
    const cookie = await h.login();
    const user = (await h.store.users.findByEmail(ADMIN.email))!;
    await h.store.users.setDisabled(user.id, true, new Date());
    const res = await h.request('/auth/login', { method: 'POST', json: ADMIN });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text_).error).toBe('Email or password is incorrect');
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('validates the body', async () => {
    const bad = await h.request('/auth/login', { method: 'POST', json: { email: 'not-an-email', password: 'x' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text_).error).toBe('Enter a valid email address');
    const notJson = await h.request('/auth/login', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(notJson.text_)).toEqual({ data: null, error: 'Invalid JSON body' });
  });

  describe('throttling', () => {
    let now: Date;
    let p: Harness;
    const tick = (ms: number) => (now = new Date(now.getTime() + ms));
    // Behind one trusted proxy the client's address is the last X-Forwarded-For entry.
    const login = (address: string, password: string, email = ADMIN.email) =>
      p.request('/auth/login', {
        method: 'POST',
        headers: { 'x-forwarded-for': address },
        json: { email, password },
      });
    beforeEach(async () => {
      now = new Date('2026-03-01T10:00:00Z');
      p = await harness({ env: { TRUST_PROXY: 'true' }, now: () => now });
    });

    it('slows one account from one address with doubling delays, and a sign-in from there resets it', async () => {
      for (let i = 0; i < 3; i++) expect((await login('203.0.113.7', `wrong-${i}`)).status).toBe(401);
      // Even the right password waits: the answer must not tell whether it was right.
      const first = await login('203.0.113.7', ADMIN.password);
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('1');
      expect(JSON.parse(first.text_)).toEqual({
        data: null,
        error: 'Too many failed sign-in attempts. Try again in 1 second.',
      });
      tick(1000);
      expect((await login('203.0.113.7', 'wrong-3')).status).toBe(401);
      expect((await login('203.0.113.7', 'wrong-4')).headers.get('retry-after')).toBe('2');
      tick(2000);
      expect((await login('203.0.113.7', 'wrong-4')).status).toBe(401);
      expect((await login('203.0.113.7', 'wrong-5')).headers.get('retry-after')).toBe('4');
      tick(4000);
      expect((await login('203.0.113.7', ADMIN.password)).status).toBe(200);
      // Forgotten: three free failures again.
      for (let i = 0; i < 3; i++) expect((await login('203.0.113.7', `again-${i}`)).status).toBe(401);
      expect((await login('203.0.113.7', 'again-3')).status).toBe(429);
      const throttled = (await p.store.audit.list()).filter((a) => a.action === 'login.throttled');
      expect(throttled.length).toBe(4);
      expect(throttled[0]).toMatchObject({ target: ADMIN.email, ip: '203.0.113.7' });
    });

    it('caps the delay at 15 minutes, and never locks the owner out from another address', async () => {
      let retryAfter = 0;
      for (let i = 0; i < 20; i++) {
        const res = await login('203.0.113.7', `wrong-${i}`);
        if (res.status === 429) {
          retryAfter = Number(res.headers.get('retry-after'));
          tick(retryAfter * 1000);
          expect((await login('203.0.113.7', `wrong-${i}`)).status).toBe(401);
        }
      }
      expect(retryAfter).toBe(15 * 60);
      expect((await login('203.0.113.7', ADMIN.password)).status).toBe(429);
      // The owner, elsewhere, at the same moment: no wait at all.
      expect((await login('198.51.100.1', ADMIN.password)).status).toBe(200);
      // ... and the owner's success there did not forgive the stranger.
      expect((await login('203.0.113.7', ADMIN.password)).status).toBe(429);
    });

    it('lets at most the free failures through when guesses arrive at once', async () => {
      // All guesses arrive before any slow password check finishes: each must still count against the limit.
      const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => login('203.0.113.7', `wrong-${i}`)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(12);
      expect((await login('203.0.113.7', ADMIN.password)).status).toBe(429);
    });

    it('caps failures per address across accounts (LOGIN_MAX_FAILURES_PER_ADDRESS), whatever X-Forwarded-For was forged', async () => {
      const capped = await harness({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: '6' } });
      // The proxy appends the address it saw; whatever the client wrote before it (here a new forgery on every
      // request) must not give it a fresh per-address budget.
      const from = (ip: string, forged = '192.0.2.1') => ({ 'x-forwarded-for': `${forged}, ${ip}` });
      for (let i = 0; i < 6; i++) {
        const res = await capped.request('/auth/login', {
          method: 'POST',
          headers: from('203.0.113.7', `192.0.2.${i + 1}`),
          json: { email: `user${i}@console.test`, password: 'whatever' },
        });
        expect(res.status).toBe(401);
      }
      const blocked = await capped.request('/auth/login', {
        method: 'POST',
        headers: from('203.0.113.7'),
        json: ADMIN,
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      const otherIp = await capped.request('/auth/login', {
        method: 'POST',
        headers: from('198.51.100.1'),
        json: ADMIN,
      });
      expect(otherIp.status).toBe(200);
      expect((await capped.store.audit.list()).find((a) => a.action === 'login.failure')?.ip).toBe('203.0.113.7');
    });

    it('counts an IPv6 client by its /64', async () => {
      for (let i = 0; i < 3; i++) expect((await login(`2001:db8:1:2::${i + 1}`, `wrong-${i}`)).status).toBe(401);
      expect((await login('2001:db8:1:2:ffff::9', 'wrong-3')).status).toBe(429);
      expect((await login('2001:db8:1:3::1', ADMIN.password)).status).toBe(200);
    });
  });

  it('marks the cookie Secure when the public URL is https, or a trusted proxy says https', async () => {
    const publicHttps = await harness({ env: { CONSOLE_PUBLIC_URL: 'https://console.acme.com' } });
    const res = await publicHttps.request('/auth/login', {
      method: 'POST',
      headers: { origin: 'https://console.acme.com' },
      json: ADMIN,
    });
    expect(res.headers.get('set-cookie')).toContain('Secure');

    const proxied = await harness({ env: { TRUST_PROXY: 'true' } });
    const viaProxy = await proxied.request('/auth/login', {
      method: 'POST',
      headers: { 'x-forwarded-proto': 'https' },
      json: ADMIN,
    });
    expect(viaProxy.headers.get('set-cookie')).toContain('Secure');
    // Without TRUST_PROXY the header is not believed.
    const untrusted = await h.request('/auth/login', {
      method: 'POST',
      headers: { 'x-forwarded-proto': 'https' },
      json: ADMIN,
    });
    expect(untrusted.headers.get('set-cookie')).not.toContain('Secure');
  });
});

describe('GET /auth/me and POST /auth/logout', () => {
  it('answers 401 without a session', async () => {
    const h = await harness();
    const res = await h.request('/auth/me');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Not signed in' });
    expect((await h.request('/auth/me', { headers: { cookie: 'sentroy_console_session=forged' } })).status).toBe(401);
  });

  it('logout ends the session server-side: the old cookie is refused afterwards', async () => {
    const h = await harness();
    const cookie = await h.login();
    const me = await h.request('/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(meSchema.parse(JSON.parse(me.text_).data).user.email).toBe(ADMIN.email);

    const out = await h.request('/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(JSON.parse(out.text_)).toEqual({ data: { message: 'Signed out' } });
    expect(out.headers.get('set-cookie')).toMatch(/sentroy_console_session=;.*Max-Age=0/);

    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await h.request('/api/domains', { headers: { cookie } })).status).toBe(401);
    expect((await h.store.audit.list())[0]).toMatchObject({ action: 'logout' });
  });

  it('sessions expire after SESSION_TTL_HOURS without use, and sliding use keeps them alive', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const h = await harness({ env: { SESSION_TTL_HOURS: '1' }, now: () => now });
    const cookie = await h.login();
    now = new Date('2026-01-01T00:50:00Z');
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(200); // slides to 01:50
    now = new Date('2026-01-01T01:40:00Z');
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(200); // slides to 02:40
    now = new Date('2026-01-01T02:41:00Z');
    expect((await h.request('/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});
