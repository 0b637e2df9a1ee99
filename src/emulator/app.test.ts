import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { domainDetailSchema, domainSchema, mailboxSchema, sentroyEndpoints, templateSchema } from '@contract/index';
import { createTestEmulator, type TestEmulator } from './test-helpers';
import {
  DEMO_COMPANY_SLUG,
  DEMO_DOMAINS,
  DEMO_MAILBOXES,
  DEMO_TEMPLATE_IDS,
  OTHER_ACCESS_TOKEN,
  OTHER_COMPANY_SLUG,
  OTHER_DOMAIN_ID,
} from './seed/demo-data';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await createTestEmulator();
});
afterAll(async () => {
  await emu.dispose();
});

describe('auth (contract 3)', () => {
  it('401 "Unauthorized" without a token, or with a Bearer token that is not stk_', async () => {
    await emu.fails(401, 'Unauthorized', 'GET', '/domains', { token: null });
    await emu.fails(401, 'Unauthorized', 'GET', '/domains', { token: 'abc123' });
  });
  it('401 naming the prefix for an unknown token', async () => {
    const token = `stk_${'a'.repeat(48)}`;
    await emu.fails(
      401,
      'Access token not recognized (prefix stk_aaaaaaaa). It may be revoked or expired.',
      'GET',
      '/mailboxes',
      { token },
    );
  });
  it("403 for another company's token", async () => {
    await emu.fails(403, `Token belongs to "${OTHER_COMPANY_SLUG}", not "${DEMO_COMPANY_SLUG}"`, 'GET', '/domains', {
      token: OTHER_ACCESS_TOKEN,
    });
  });
  it("accepts the scheme case-insensitively, and the other company's token on its own slug", async () => {
    const r = await emu.app.request(`/api/companies/${DEMO_COMPANY_SLUG}/mailboxes`, {
      headers: { authorization: `bearer ${emu.accessToken}` },
    });
    expect(r.status).toBe(200);
    const other = await emu.ok(z.array(domainSchema), 'GET', '/domains', {
      token: OTHER_ACCESS_TOKEN,
      slug: OTHER_COMPANY_SLUG,
    });
    expect(other.map((d) => d.id)).toEqual([OTHER_DOMAIN_ID]);
  });
  it('stores tokens as SHA-256 + 12-char prefix only', () => {
    const row = (emu.companies as unknown as { db: Database }).db
      .prepare('SELECT token_hash, token_prefix FROM access_tokens WHERE token_prefix = ?')
      .get(emu.accessToken.slice(0, 12)) as { token_hash: string; token_prefix: string };
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_prefix).toBe(emu.accessToken.slice(0, 12));
  });
});

describe('GET /domains and /domains/{id} (contract 5.1, 5.2)', () => {
  it("lists both demo domains with the platform's extra fields", async () => {
    const domains = await emu.ok(sentroyEndpoints.listDomains.response, 'GET', '/domains');
    const active = domains.find((d) => d.id === DEMO_DOMAINS.active.id)!;
    expect(active).toMatchObject({
      domain: 'acme.example',
      status: 'active',
      spfVerified: true,
      dkimVerified: true,
      dmarcVerified: true,
    });
    expect(active).toMatchObject({ dkimSelector: 'mail', isAssigned: true, catchAll: null, bimiLogoUrl: null });
    const failing = domains.find((d) => d.id === DEMO_DOMAINS.failing.id)!;
    expect(failing).toMatchObject({ spfVerified: true, dkimVerified: false, dmarcVerified: false });
    expect(['verifying', 'failed']).toContain(failing.status);
  });
  it("returns detail with dkimPublicKey and DNS records in the platform's order", async () => {
    const d = await emu.ok(domainDetailSchema, 'GET', `/domains/${DEMO_DOMAINS.active.id}`);
    expect(d.dkimPublicKey).toMatch(/^MIIB/);
    expect(d).not.toHaveProperty('isAssigned');
    expect(d.dnsRecords.map((r) => `${r.type} ${r.name}`)).toEqual([
      'TXT acme.example',
      'TXT _dmarc.acme.example',
      'MX acme.example',
      'A mail.acme.example',
      'TXT mail._domainkey.acme.example',
    ]);
    expect(d.dnsRecords[0]!.value).toMatch(/^v=spf1 ip4:\S+ ~all$/);
    expect(d.dnsRecords[1]!.value).toBe(
      'v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.example; ruf=mailto:dmarc@acme.example; fo=1',
    );
    expect(d.dnsRecords[2]).toMatchObject({ value: 'mail.acme.example', priority: 10 });
    expect(d.dnsRecords[4]!.value).toBe(`v=DKIM1; k=rsa; p=${d.dkimPublicKey}`);
    await emu.ok(domainDetailSchema, 'GET', `/domains/${DEMO_DOMAINS.failing.id}`);
  });
  it('500 "HTTP 404: Domain not found" for unknown ids and other companies\' ids', async () => {
    await emu.fails(500, 'HTTP 404: Domain not found', 'GET', '/domains/00000000-0000-4000-8000-000000000000');
    await emu.fails(500, 'HTTP 404: Domain not found', 'GET', `/domains/${OTHER_DOMAIN_ID}`);
  });
});

describe('GET /mailboxes (contract 5.3)', () => {
  it('lists the three demo mailboxes with domainId and isCatchAll', async () => {
    const list = await emu.ok(z.array(mailboxSchema), 'GET', '/mailboxes');
    expect(list.map((m) => m.email).sort()).toEqual(Object.values(DEMO_MAILBOXES).sort());
    expect(list.find((m) => m.email === DEMO_MAILBOXES.news)).toEqual({
      email: DEMO_MAILBOXES.news,
      domain: 'acme-mail.example',
      username: 'news',
      domainId: DEMO_DOMAINS.failing.id,
      isCatchAll: false,
    });
  });
});

describe('GET /templates and /templates/{id} (contract 5.4, 5.5)', () => {
  it('lists the three templates, localized, with compiled htmlBody and variables', async () => {
    const list = await emu.ok(z.array(templateSchema), 'GET', '/templates');
    expect(list.map((t) => t.id).sort()).toEqual(Object.values(DEMO_TEMPLATE_IDS).sort());
    for (const t of list) {
      expect(Object.keys(t.subject as object)).toEqual(['en', 'tr']);
      expect((t.htmlBody as Record<string, string>).en).toMatch(/<!doctype html>/i);
      expect(t).not.toHaveProperty('domainName');
    }
    const invoice = list.find((t) => t.id === DEMO_TEMPLATE_IDS.invoice)!;
    expect(invoice.variables).toContain('items');
    expect((invoice.mjmlBody as Record<string, string>).en).toContain('{#items}');
  });
  it('filters by domainId', async () => {
    expect(
      await emu.ok(z.array(templateSchema), 'GET', '/templates', { query: { domainId: DEMO_DOMAINS.active.id } }),
    ).toHaveLength(3);
    expect(
      await emu.ok(z.array(templateSchema), 'GET', '/templates', { query: { domainId: DEMO_DOMAINS.failing.id } }),
    ).toEqual([]);
  });
  it('gets one template, and 500 "HTTP 404: Template not found" otherwise', async () => {
    const t = await emu.ok(templateSchema, 'GET', `/templates/${DEMO_TEMPLATE_IDS.welcome}`);
    expect(t.name).toEqual({ en: 'Welcome', tr: 'Hoş geldiniz' });
    await emu.fails(500, 'HTTP 404: Template not found', 'GET', '/templates/00000000-0000-4000-8000-000000000000');
    await emu.fails(403, /Token belongs/, 'GET', `/templates/${DEMO_TEMPLATE_IDS.welcome}`, {
      token: OTHER_ACCESS_TOKEN,
    });
  });
});

describe('paths', () => {
  it('serves the /api/mail/companies alias the same way', async () => {
    const direct = await emu.call('GET', '/mailboxes');
    const alias = await emu.call('GET', '/mailboxes', { alias: true });
    expect(alias.status).toBe(200);
    expect(alias.json).toEqual(direct.json);
    await emu.fails(401, 'Unauthorized', 'GET', '/inbox', {
      alias: true,
      token: null,
      query: { mailbox: DEMO_MAILBOXES.info },
    });
  });
  it('answers unknown routes with the error envelope', async () => {
    const r = await emu.app.request('/api/nothing');
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ data: null, error: 'Not found' });
  });
});

describe('route table', () => {
  it('serves every endpoint of sentroyEndpoints under both base paths (auth or input checks answer, never "Not found")', async () => {
    const { buildPath } = await import('@contract/index');
    for (const [name, endpoint] of Object.entries(sentroyEndpoints)) {
      const path = buildPath(endpoint.path, { id: '1', uid: 1, partId: '0' });
      for (const alias of [false, true]) {
        // The platform reads a draft's body before it checks the token (contract-ops 7.2), so give it one to read.
        const body =
          endpoint.method === 'GET' ? undefined : name === 'saveDraft' ? { mailbox: 'a@b.example' } : { to: 'Archive' };
        const r = await emu.call(endpoint.method, path, { token: null, alias, query: { subject: 'x' }, body });
        expect(r.json, `${name} ${endpoint.method} ${path}`).toEqual({ data: null, error: 'Unauthorized' });
        expect(r.status).toBe(401);
      }
    }
  });
});
