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

  it('throttles after 5 failures for one email, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await h.request('/auth/login', { method: 'POST', json: { ...ADMIN, password: `wrong-${i}` } })).status,
      ).toBe(401);
    }
    // Even the right password is refused while throttled.
    const res = await h.request('/auth/login', { method: 'POST', json: ADMIN });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(JSON.parse(res.text_).error).toMatch(/^Too many failed sign-in attempts\. Try again in 15 minutes\.$/);
  });

  it('throttles concurrent guesses too: at most 5 wrong passwords are checked per email', async () => {
    // All guesses arrive before any slow password check finishes: each must still count against the limit.
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        h.request('/auth/login', { method: 'POST', json: { ...ADMIN, password: `wrong-${i}` } }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await h.request('/auth/login', { method: 'POST', json: ADMIN })).status).toBe(429);
  });

  it('throttles after 20 failures from one IP (behind a trusted proxy)', async () => {
    const proxied = await harness({ env: { TRUST_PROXY: 'true' } });
    // The proxy appends the address it saw; whatever the client wrote before it (here a new forgery on every
    // request) must not give it a fresh per-IP budget.
    const from = (ip: string, forged = '192.0.2.1') => ({ 'x-forwarded-for': `${forged}, ${ip}` });
    for (let i = 0; i < 20; i++) {
      const res = await proxied.request('/auth/login', {
        method: 'POST',
        headers: from('203.0.113.7', `192.0.2.${i + 1}`),
        json: { email: `user${i}@console.test`, password: 'whatever' },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await proxied.request('/auth/login', { method: 'POST', headers: from('203.0.113.7'), json: ADMIN });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    const otherIp = await proxied.request('/auth/login', {
      method: 'POST',
      headers: from('198.51.100.1'),
      json: ADMIN,
    });
    expect(otherIp.status).toBe(200);
    expect((await proxied.store.audit.list()).find((a) => a.action === 'login.failure')?.ip).toBe('203.0.113.7');
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
