import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './env';

const TOKEN = `stk_${'ab'.repeat(24)}`;

describe('loadServerConfig', () => {
  it('applies the documented defaults and allows a missing token (demo mode)', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: './data',
      trustProxy: 0,
      sessionTtlHours: 12,
      logLevel: 'info',
      admin: undefined,
      publicOrigin: undefined,
      upstream: {
        baseUrl: 'https://sentroy.com',
        apiPath: '/api/mail/companies',
        accessToken: undefined,
        timeoutMs: 30000,
      },
    });
  });

  it('reads every variable', () => {
    const config = loadServerConfig({
      HOST: '0.0.0.0',
      PORT: '0',
      SENTROY_BASE_URL: 'https://mail.sentroy.com/',
      SENTROY_API_PATH: '/api/companies',
      SENTROY_COMPANY_SLUG: 'acme',
      SENTROY_ACCESS_TOKEN: TOKEN,
      CONSOLE_DATA_DIR: '/var/lib/console',
      CONSOLE_ADMIN_EMAIL: 'Boss@Acme.com',
      CONSOLE_ADMIN_PASSWORD: 'long enough',
      CONSOLE_PUBLIC_URL: 'https://console.acme.com/some/path',
      TRUST_PROXY: 'true',
      SESSION_TTL_HOURS: '8',
      UPSTREAM_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
    });
    expect(config.port).toBe(0);
    expect(config.upstream).toEqual({
      baseUrl: 'https://mail.sentroy.com',
      apiPath: '/api/companies',
      companySlug: 'acme',
      accessToken: TOKEN,
      timeoutMs: 5000,
    });
    expect(config.admin).toEqual({ email: 'boss@acme.com', password: 'long enough' });
    expect(config.publicOrigin).toBe('https://console.acme.com');
    expect(config.trustProxy).toBe(1);
  });

  it('reads TRUST_PROXY as a number of proxies', () => {
    expect(loadServerConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadServerConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadServerConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadServerConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY must be true, false, or the number/);
  });

  it('lists every bad variable at once, without echoing the token', () => {
    const badToken = `stk_${'z'.repeat(48)}`;
    let error: unknown;
    try {
      loadServerConfig({
        PORT: '70000',
        SENTROY_ACCESS_TOKEN: badToken,
        CONSOLE_ADMIN_PASSWORD: 'short',
        TRUST_PROXY: 'yes',
        LOG_LEVEL: 'loud',
        CONSOLE_PUBLIC_URL: 'console.acme.com',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'PORT',
      'SENTROY_ACCESS_TOKEN',
      'SENTROY_COMPANY_SLUG',
      'CONSOLE_ADMIN_PASSWORD',
      'CONSOLE_ADMIN_EMAIL',
      'TRUST_PROXY',
      'LOG_LEVEL',
      'CONSOLE_PUBLIC_URL',
    ]) {
      expect(message).toContain(`- ${name} `);
    }
    expect(message).not.toContain(badToken);
    expect(message).not.toContain('zzzz');
  });

  it('reads the abuse limits an operator may set, with their defaults', () => {
    expect(loadServerConfig({}).limits).toEqual({
      maxLoginFailuresPerAddress: 30,
      maxConnectionsPerAddress: 128,
      maxConcurrentLargeSends: 3,
    });
    expect(
      loadServerConfig({
        LOGIN_MAX_FAILURES_PER_ADDRESS: '200',
        MAX_CONNECTIONS_PER_ADDRESS: '0',
        MAX_CONCURRENT_LARGE_SENDS: '1',
      }).limits,
    ).toEqual({ maxLoginFailuresPerAddress: 200, maxConnectionsPerAddress: 0, maxConcurrentLargeSends: 1 });
    // Behind a proxy every socket peer is the proxy: no per-address connection cap unless one is set.
    expect(loadServerConfig({ TRUST_PROXY: '1' }).limits.maxConnectionsPerAddress).toBe(0);
    expect(() =>
      loadServerConfig({
        LOGIN_MAX_FAILURES_PER_ADDRESS: '0',
        MAX_CONNECTIONS_PER_ADDRESS: '-1',
        MAX_CONCURRENT_LARGE_SENDS: '100',
      }),
    ).toThrow(
      /LOGIN_MAX_FAILURES_PER_ADDRESS must be .*\n.*MAX_CONNECTIONS_PER_ADDRESS must be .*\n.*MAX_CONCURRENT_LARGE_SENDS must be/,
    );
  });

  it('treats blank values as unset', () => {
    expect(loadServerConfig({ SENTROY_ACCESS_TOKEN: '', PORT: ' ' }).upstream.accessToken).toBeUndefined();
  });
});
