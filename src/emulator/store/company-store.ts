import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Domain, DomainDetail, DomainStatus, LocalizedString, Mailbox, Template } from '@contract/index';
import { hashToken, tokenPrefix } from '../auth/token';

/** Companies, their access tokens, domains, mailboxes and templates: everything but messages and jobs. */

export interface Company {
  id: string;
  slug: string;
  name: string;
}

export interface TokenLookup {
  company: Company;
  tokenId: string;
}

export interface NewDomain {
  id?: string;
  domain: string;
  status: DomainStatus;
  spfVerified: boolean;
  dkimVerified: boolean;
  dmarcVerified: boolean;
  dkimSelector?: string;
  dkimPublicKey?: string | null;
  createdAt?: string;
}

export interface NewTemplate {
  id?: string;
  domainId: string | null;
  name: LocalizedString;
  subject: LocalizedString;
  mjmlBody: LocalizedString;
  htmlBody: LocalizedString | null;
  variables: string[];
  category?: string | null;
  createdAt?: string;
}

interface DomainRow {
  id: string;
  company_id: string;
  domain: string;
  status: DomainStatus;
  spf_verified: number;
  dkim_verified: number;
  dmarc_verified: number;
  dkim_selector: string;
  dkim_public_key: string | null;
  bimi_logo_url: string | null;
  bimi_vmc_url: string | null;
  bimi_verified: number;
  catch_all_mailbox_email: string | null;
  created_at: string;
  updated_at: string;
}

interface TemplateRow {
  id: string;
  domain_id: string | null;
  name: string;
  subject: string;
  mjml_body: string;
  html_body: string | null;
  variables: string;
  category: string | null;
  created_at: string;
  updated_at: string;
}

/** Values the emulator uses where the platform reads its own environment (SERVER_IP, MAIL_HOSTNAME). */
export const EMULATOR_SERVER_IP = '192.0.2.10';

function domainFromRow(row: DomainRow): Domain {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status,
    spfVerified: row.spf_verified === 1,
    dkimVerified: row.dkim_verified === 1,
    dmarcVerified: row.dmarc_verified === 1,
    dkimSelector: row.dkim_selector,
    bimiLogoUrl: row.bimi_logo_url,
    bimiVmcUrl: row.bimi_vmc_url,
    bimiVerified: row.bimi_verified === 1,
    catchAllMailboxEmail: row.catch_all_mailbox_email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function templateFromRow(row: TemplateRow): Template {
  return {
    id: row.id,
    name: JSON.parse(row.name) as LocalizedString,
    subject: JSON.parse(row.subject) as LocalizedString,
    mjmlBody: JSON.parse(row.mjml_body) as LocalizedString,
    htmlBody: row.html_body === null ? null : (JSON.parse(row.html_body) as LocalizedString),
    variables: JSON.parse(row.variables) as string[],
    domainId: row.domain_id,
    category: row.category,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The DNS records the platform asks for, in its order (contract 5.2). */
export function dnsRecordsFor(
  row: Pick<DomainRow, 'domain' | 'dkim_selector' | 'dkim_public_key' | 'bimi_logo_url' | 'bimi_vmc_url'>,
) {
  const d = row.domain;
  const mailHost = `mail.${d}`;
  const records: DomainDetail['dnsRecords'] = [
    { type: 'TXT', name: d, value: `v=spf1 ip4:${EMULATOR_SERVER_IP} ~all` },
    {
      type: 'TXT',
      name: `_dmarc.${d}`,
      value: `v=DMARC1; p=quarantine; rua=mailto:dmarc@${d}; ruf=mailto:dmarc@${d}; fo=1`,
    },
    { type: 'MX', name: d, value: mailHost, priority: 10 },
    { type: 'A', name: mailHost, value: EMULATOR_SERVER_IP },
  ];
  if (row.dkim_public_key) {
    records.push({
      type: 'TXT',
      name: `${row.dkim_selector}._domainkey.${d}`,
      value: `v=DKIM1; k=rsa; p=${row.dkim_public_key}`,
    });
  }
  if (row.bimi_logo_url) {
    const vmc = row.bimi_vmc_url ? `; a=${row.bimi_vmc_url}` : '';
    records.push({ type: 'TXT', name: `default._bimi.${d}`, value: `v=BIMI1; l=${row.bimi_logo_url}${vmc}` });
  }
  return records;
}

export class CompanyStore {
  constructor(private readonly db: Database) {}

  ensureCompany(slug: string, name: string): Company {
    const existing = this.findCompanyBySlug(slug);
    if (existing) return existing;
    const company = { id: randomUUID(), slug, name };
    this.db
      .prepare('INSERT INTO companies (id, slug, name, created_at) VALUES (?, ?, ?, ?)')
      .run(company.id, slug, name, new Date().toISOString());
    return company;
  }

  findCompanyBySlug(slug: string): Company | undefined {
    return this.db.prepare('SELECT id, slug, name FROM companies WHERE slug = ?').get(slug) as Company | undefined;
  }

  companyCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM companies').get() as { n: number }).n;
  }

  /** Store a token (hash + prefix only); a token already stored is left alone. */
  addAccessToken(companyId: string, token: string, name = 'Emulator token'): void {
    this.db
      .prepare(
        `INSERT INTO access_tokens (id, company_id, name, token_hash, token_prefix, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(token_hash) DO NOTHING`,
      )
      .run(randomUUID(), companyId, name, hashToken(token), tokenPrefix(token), new Date().toISOString());
  }

  /** Lookup as the platform: sha256 equality, expired tokens count as unknown, last use recorded. */
  findToken(token: string, now = Date.now()): TokenLookup | undefined {
    const row = this.db
      .prepare(
        `SELECT t.id AS token_id, t.expires_at, c.id, c.slug, c.name
         FROM access_tokens t JOIN companies c ON c.id = t.company_id WHERE t.token_hash = ?`,
      )
      .get(hashToken(token)) as
      { token_id: string; expires_at: string | null; id: string; slug: string; name: string } | undefined;
    if (!row) return undefined;
    if (row.expires_at !== null && Date.parse(row.expires_at) < now) return undefined;
    this.db
      .prepare('UPDATE access_tokens SET last_used_at = ? WHERE id = ?')
      .run(new Date(now).toISOString(), row.token_id);
    return { tokenId: row.token_id, company: { id: row.id, slug: row.slug, name: row.name } };
  }

  addDomain(companyId: string, d: NewDomain): Domain {
    const id = d.id ?? randomUUID();
    const at = d.createdAt ?? new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO domains (id, company_id, domain, status, spf_verified, dkim_verified, dmarc_verified,
           dkim_selector, dkim_public_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        companyId,
        d.domain,
        d.status,
        d.spfVerified ? 1 : 0,
        d.dkimVerified ? 1 : 0,
        d.dmarcVerified ? 1 : 0,
        d.dkimSelector ?? 'mail',
        d.dkimPublicKey ?? null,
        at,
        at,
      );
    const created = this.getDomain(companyId, id);
    if (!created) throw new Error(`domain ${d.domain} was not stored`);
    return created;
  }

  /** The platform's list: 20 newest (mail-server default page), plus isAssigned/catchAll. */
  listDomains(companyId: string): Domain[] {
    const rows = this.db
      .prepare('SELECT * FROM domains WHERE company_id = ? ORDER BY created_at DESC LIMIT 20')
      .all(companyId) as DomainRow[];
    const assigned = new Set(
      (
        this.db.prepare('SELECT DISTINCT domain_id FROM mailboxes WHERE company_id = ?').all(companyId) as {
          domain_id: string;
        }[]
      ).map((r) => r.domain_id),
    );
    return rows.map((row) => ({
      ...domainFromRow(row),
      isAssigned: assigned.has(row.id),
      catchAll: row.catch_all_mailbox_email ? { targetMailboxEmail: row.catch_all_mailbox_email, enabled: true } : null,
    }));
  }

  getDomain(companyId: string, id: string): Domain | undefined {
    const row = this.db.prepare('SELECT * FROM domains WHERE company_id = ? AND id = ?').get(companyId, id) as
      DomainRow | undefined;
    return row && domainFromRow(row);
  }

  getDomainDetail(companyId: string, id: string): DomainDetail | undefined {
    const row = this.db.prepare('SELECT * FROM domains WHERE company_id = ? AND id = ?').get(companyId, id) as
      DomainRow | undefined;
    if (!row) return undefined;
    return { ...domainFromRow(row), dkimPublicKey: row.dkim_public_key, dnsRecords: dnsRecordsFor(row) };
  }

  addMailbox(companyId: string, domainId: string, email: string): Mailbox {
    const address = email.toLowerCase();
    const [username = ''] = address.split('@');
    this.db
      .prepare('INSERT INTO mailboxes (email, company_id, domain_id, username, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(address, companyId, domainId, username, new Date().toISOString());
    return this.listMailboxes(companyId).find((m) => m.email === address)!;
  }

  listMailboxes(companyId: string): Mailbox[] {
    const rows = this.db
      .prepare(
        `SELECT m.email, d.domain, m.username, m.domain_id, m.is_catch_all
         FROM mailboxes m JOIN domains d ON d.id = m.domain_id WHERE m.company_id = ? ORDER BY m.email`,
      )
      .all(companyId) as { email: string; domain: string; username: string; domain_id: string; is_catch_all: number }[];
    return rows.map((r) => ({
      email: r.email,
      domain: r.domain,
      username: r.username,
      domainId: r.domain_id,
      isCatchAll: r.is_catch_all === 1,
    }));
  }

  /** Is this address one of the company's mailboxes? (The emulator's tenant check; the platform has none.) */
  hasMailbox(companyId: string, email: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM mailboxes WHERE company_id = ? AND email = ?')
        .get(companyId, email.toLowerCase()) !== undefined
    );
  }

  /** Any company's mailbox: delivery reaches every hosted mailbox, like SMTP would. */
  isHostedMailbox(email: string): boolean {
    return this.db.prepare('SELECT 1 FROM mailboxes WHERE email = ?').get(email.toLowerCase()) !== undefined;
  }

  addTemplate(companyId: string, t: NewTemplate): Template {
    const id = t.id ?? randomUUID();
    const at = t.createdAt ?? new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO templates (id, company_id, domain_id, name, subject, mjml_body, html_body, variables, category, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        companyId,
        t.domainId,
        JSON.stringify(t.name),
        JSON.stringify(t.subject),
        JSON.stringify(t.mjmlBody),
        t.htmlBody === null ? null : JSON.stringify(t.htmlBody),
        JSON.stringify(t.variables),
        t.category ?? null,
        at,
        at,
      );
    return this.getTemplate(companyId, id)!;
  }

  /** The platform's list: 20 newest (mail-server default page), optionally for one domain. */
  listTemplates(companyId: string, domainId?: string): Template[] {
    const rows = (
      domainId === undefined
        ? this.db
            .prepare('SELECT * FROM templates WHERE company_id = ? ORDER BY created_at DESC LIMIT 20')
            .all(companyId)
        : this.db
            .prepare('SELECT * FROM templates WHERE company_id = ? AND domain_id = ? ORDER BY created_at DESC LIMIT 20')
            .all(companyId, domainId)
    ) as TemplateRow[];
    return rows.map(templateFromRow);
  }

  getTemplate(companyId: string, id: string): Template | undefined {
    const row = this.db.prepare('SELECT * FROM templates WHERE company_id = ? AND id = ?').get(companyId, id) as
      TemplateRow | undefined;
    return row && templateFromRow(row);
  }
}
