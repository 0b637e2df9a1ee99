import { expect, afterAll, beforeAll } from 'vitest';
import type { ConsoleRole } from '@contract/index';
import {
  createHarness,
  startFakeUpstream,
  TEST_SLUG,
  TEST_TOKEN,
  type FakeUpstream,
  type Harness,
} from '../test-support';

/**
 * The app the access tests (access.test.ts, user-admin.test.ts, audit.test.ts) share: the BFF over a fake Sentroy
 * whose GET /mailboxes lists the company's three mailboxes, with the real company-mailbox directory, an admin, an
 * operator and a member (both granted GRANTED only), signed in.
 */
export const GRANTED = 'support@acme.example';
export const UNGRANTED = 'info@acme.example';
export const COMPANY_MAILBOXES = [GRANTED, UNGRANTED, 'news@acme-mail.example'];
export const OPERATOR = { email: 'operator@console.test', password: 'operator password 1' };
export const MEMBER = { email: 'member@console.test', password: 'member password 12' };

export interface AccessFixture {
  fake: FakeUpstream;
  h: Harness;
  cookies: Record<ConsoleRole, string>;
  signIn(credentials: { email: string; password: string }): Promise<string>;
  createUser(body: Record<string, unknown>): Promise<{ user: { id: string }; password: string }>;
  /** The Sentroy settings of the CLI, pointed at the fake. */
  upstreamEnv(): Record<string, string>;
}

/** Registers beforeAll/afterAll in the calling test file; the fields are there once beforeAll has run. */
export function useAccessFixture(): AccessFixture {
  const f = { cookies: {} } as AccessFixture;
  f.signIn = async (credentials) => {
    const res = await f.h.request('/auth/login', { method: 'POST', json: credentials });
    expect(res.status, res.text_).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  f.createUser = async (body) => {
    const res = await f.h.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: f.cookies.admin },
      json: body,
    });
    expect(res.status, res.text_).toBe(201);
    return JSON.parse(res.text_).data as { user: { id: string }; password: string };
  };
  f.upstreamEnv = () => ({
    SENTROY_BASE_URL: f.fake.url,
    SENTROY_COMPANY_SLUG: TEST_SLUG,
    SENTROY_ACCESS_TOKEN: TEST_TOKEN,
  });

  beforeAll(async () => {
    f.fake = await startFakeUpstream();
    f.fake.handler = (req) =>
      req.path.endsWith('/mailboxes') && !req.path.includes('/inbox/')
        ? Response.json({
            data: COMPANY_MAILBOXES.map((email) => ({
              email,
              domain: email.split('@')[1],
              username: email.split('@')[0],
            })),
          })
        : undefined;
    f.h = await createHarness({ upstreamUrl: f.fake.url, companyMailboxes: 'upstream' });
    f.cookies.admin = await f.h.login();
    await f.createUser({ ...OPERATOR, role: 'operator', mailboxes: [GRANTED] });
    await f.createUser({ ...MEMBER, role: 'member', mailboxes: [GRANTED.toUpperCase()] });
    f.cookies.operator = await f.signIn(OPERATOR);
    f.cookies.member = await f.signIn(MEMBER);
  });

  afterAll(async () => {
    await f.h.close();
    await f.fake.close();
  });

  return f;
}
