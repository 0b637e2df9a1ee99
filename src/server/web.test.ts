import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, startServer } from './index';
import { createHarness, startFakeUpstream, TEST_TOKEN, type FakeUpstream, type Harness } from './test-support';

let dist: string;
let fake: FakeUpstream;
let h: Harness;
let cookie: string;
const harnesses: Harness[] = [];
const extraSeen: string[] = [];

beforeAll(async () => {
  // dist/ inside a temp dir, with a file beside it that traversal attempts try to reach.
  dist = path.join(mkdtempSync(path.join(tmpdir(), 'bff-web-')), 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log("app")\n//# sourceMappingURL=app-1a2b.js.map');
  // A map left in dist/ by some other build: it must stay private all the same.
  writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.map'), '{"version":3,"sourcesContent":["SECRET SOURCE"]}');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(path.dirname(dist), 'outside-secret.txt'), 'nope');
  fake = await startFakeUpstream();
  h = await createHarness({ upstreamUrl: fake.url, staticDir: dist });
  harnesses.push(h);
  cookie = await h.login();
});

afterAll(async () => {
  for (const x of harnesses) {
    for (const text of [...x.seen, ...x.logs]) expect(text).not.toContain(TEST_TOKEN);
    await x.close();
  }
  for (const text of extraSeen) expect(text).not.toContain(TEST_TOKEN);
  await fake.close();
  rmSync(path.dirname(dist), { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('security headers', () => {
  it.each(['/healthz', '/auth/me', '/api/domains', '/', '/assets/app-1a2b.js', '/nowhere'])(
    'on %s',
    async (urlPath) => {
      const res = await h.request(urlPath, { headers: { ...html, cookie } });
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
    },
  );

  it('API and auth answers are not cached', async () => {
    for (const urlPath of ['/healthz', '/auth/me', '/api/domains']) {
      expect((await h.request(urlPath, { headers: { cookie } })).headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('static SPA', () => {
  it('serves hashed assets as immutable and index.html as no-cache', async () => {
    const asset = await h.request('/assets/app-1a2b.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const root = await h.request('/', { headers: html });
    expect(root.status).toBe(200);
    expect(root.text_).toContain('<div id="root">');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect((await h.request('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers deep links with index.html', async () => {
    for (const urlPath of ['/inbox', '/inbox/INBOX/42', '/domains/abc']) {
      const res = await h.request(urlPath, { headers: html });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text_).toContain('<div id="root">');
    }
    // curl and HEAD probes send */*: a route-like path is still a deep link.
    const probe = await h.request('/inbox', { headers: { accept: '*/*' } });
    expect(probe.status).toBe(200);
    expect(probe.text_).toContain('<div id="root">');
  });

  it('never falls back for /api, /auth, /healthz, or non-HTML requests', async () => {
    expect((await h.request('/api/nowhere', { headers: { ...html, cookie } })).status).toBe(404);
    expect((await h.request('/auth/nowhere', { headers: html })).status).toBe(404);
    expect((await h.request('/assets/missing.js', { headers: { accept: '*/*' } })).status).toBe(404);
  });

  it('does not serve files outside the static dir', async () => {
    for (const urlPath of [
      '/..%2Foutside-secret.txt',
      '/%2E%2E/outside-secret.txt',
      '/assets/..%2F..%2Foutside-secret.txt',
    ]) {
      const res = await h.request(urlPath, { headers: { accept: '*/*' } });
      expect(res.text_).not.toContain('nope');
    }
  });

  it('never serves a source map, however it is asked for', async () => {
    for (const [urlPath, accept] of [
      ['/assets/app-1a2b.js.map', '*/*'],
      ['/assets/app-1a2b.js.map', 'text/html'],
      ['/assets/app-1a2b.js.MAP', '*/*'],
      ['/assets/app-1a2b.js%2Emap', '*/*'],
      ['/assets/app-1a2b.js%2emap', 'text/html'],
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await h.request(urlPath!, { method, headers: { accept: accept! } });
        expect(res.text_, `${method} ${urlPath}`).not.toContain('SECRET SOURCE');
        if (accept === '*/*') expect(res.status, `${method} ${urlPath}`).toBe(404);
      }
    }
    const res = await h.request('/assets/app-1a2b.js.map');
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'Not found' });
  });

  it('builds no source maps (vite.config.ts)', async () => {
    const { default: viteConfig } = await import('../../vite.config');
    expect((viteConfig as { build?: { sourcemap?: unknown } }).build?.sourcemap).toBe(false);
  });

  it('says clearly when the web app is not built', async () => {
    const unbuilt = await createHarness({ upstreamUrl: fake.url });
    harnesses.push(unbuilt);
    const res = await unbuilt.request('/inbox', { headers: html });
    expect(res.status).toBe(503);
    expect(res.text_).toBe('The web app is not built: run npm run build');
  });

  it('GET /healthz needs no session', async () => {
    const res = await h.request('/healthz');
    expect(JSON.parse(res.text_)).toEqual({ data: { status: 'ok' } });
  });
});

describe('cross-origin protection', () => {
  it('refuses a state-changing request from another origin', async () => {
    const evil = await h.request('/api/inbox/7/read', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      json: { mailbox: 'info@acme.test' },
    });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.text_)).toEqual({ data: null, error: 'Cross-origin request refused' });
    const login = await h.request('/auth/login', {
      method: 'POST',
      headers: { origin: 'null' },
      json: { email: 'a@b.co', password: 'x' },
    });
    expect(login.status).toBe(403);
    const fetchSite = await h.request('/auth/logout', {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.status).toBe(403);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('accepts its own origin (the Host, or CONSOLE_PUBLIC_URL when set)', async () => {
    const own = await h.request('/api/inbox/7/read', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      json: { mailbox: 'info@acme.test' },
    });
    expect(own.status).toBe(200);

    const pub = await createHarness({ upstreamUrl: fake.url, env: { CONSOLE_PUBLIC_URL: 'https://console.acme.com' } });
    harnesses.push(pub);
    const wrongHost = await pub.request('/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost' },
      json: {},
    });
    expect(wrongHost.status).toBe(403);
    const right = await pub.request('/auth/login', {
      method: 'POST',
      headers: { origin: 'https://console.acme.com' },
      json: {},
    });
    expect(right.status).toBe(400);
  });
});

describe('body limits', () => {
  it('refuses more than 64 KB outside /api/send', async () => {
    const res = await h.request('/api/inbox/7/move', {
      method: 'POST',
      headers: { cookie },
      json: { mailbox: 'info@acme.test', to: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text_)).toEqual({ data: null, error: 'The request body is too large (at most 64 KB)' });
  });

  it('allows a large /api/send body but refuses beyond 30 MB', async () => {
    const base = { to: 'bob@example.com', from: 'info@acme.test', subject: 'x', domainId: 'd', text: 't' };
    const oneMb = { ...base, attachments: [{ filename: 'a.bin', content: 'A'.repeat(1024 * 1024) }] };
    expect((await h.request('/api/send', { method: 'POST', headers: { cookie }, json: oneMb })).status).toBe(201);
    const tooBig = { ...base, attachments: [{ filename: 'a.bin', content: 'A'.repeat(31 * 1024 * 1024) }] };
    const res = await h.request('/api/send', { method: 'POST', headers: { cookie }, json: tooBig });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text_).error).toBe('The request body is too large (at most 30 MB)');
  });
});

describe('startServer', () => {
  it('listens on a free port, logs requests without secrets, and closes', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-start-'));
    const lines: string[] = [];
    const config = loadServerConfig({
      PORT: '0',
      CONSOLE_DATA_DIR: dataDir,
      SENTROY_BASE_URL: fake.url,
      SENTROY_COMPANY_SLUG: 'acme',
      SENTROY_ACCESS_TOKEN: TEST_TOKEN,
      CONSOLE_ADMIN_EMAIL: 'boss@acme.test',
      CONSOLE_ADMIN_PASSWORD: 'boss password',
    });
    const server = await startServer(config, { staticDir: dist, log: (line) => lines.push(line), demoMode: true });
    // The console checks every mailbox against the company's list (GET /mailboxes) before it forwards a request.
    fake.handler = (req) =>
      req.path === '/api/mail/companies/acme/mailboxes'
        ? Response.json({ data: [{ email: 'info@acme.test', domain: 'acme.test', username: 'info' }] })
        : undefined;
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'boss@acme.test', password: 'boss password' }),
      });
      const loginText = await login.text();
      extraSeen.push(loginText);
      expect(login.status).toBe(200);
      expect(JSON.parse(loginText).data.console.demoMode).toBe(true);
      const sessionCookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const res = await fetch(`${server.url}/api/inbox?mailbox=info@acme.test&q=secret-search`, {
        headers: { cookie: sessionCookie },
      });
      extraSeen.push(await res.text(), JSON.stringify([...res.headers.entries()]));
      expect(res.status).toBe(200);
      const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
      extraSeen.push(await asset.text());
    } finally {
      fake.handler = undefined;
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(lines.some((l) => /INFO GET \/api\/inbox 200 \d+ms$/.test(l))).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain('secret-search');
    expect(all).not.toContain('sentroy_console_session');
    expect(all).not.toContain(TEST_TOKEN);
  });

  it('refuses to start without an upstream token', async () => {
    await expect(startServer(loadServerConfig({ CONSOLE_DATA_DIR: '/tmp/unused' }))).rejects.toThrow(
      /SENTROY_COMPANY_SLUG and SENTROY_ACCESS_TOKEN/,
    );
  });
});
