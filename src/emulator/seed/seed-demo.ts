import { compileEmailHtml } from '@mail/render-template';
import type { LocalizedString } from '@contract/index';
import type { CompanyStore } from '../store/company-store';
import type { SqliteMessageStore, PreparedMessage } from '../store/sqlite-message-store';
import { composeMime, metaFromCompose } from '../store/mime';
import {
  DEMO_COMPANY_NAME,
  DEMO_DOMAINS,
  DEMO_MAILBOXES,
  OTHER_ACCESS_TOKEN,
  OTHER_COMPANY_NAME,
  OTHER_COMPANY_SLUG,
  OTHER_DOMAIN,
  OTHER_DOMAIN_ID,
  OTHER_MAILBOX,
  demoDomains,
  demoTemplates,
} from './demo-data';
import { generateDemoMessages } from './demo-messages';
import { createRandom } from './prng';

export type SeedKind = 'demo' | 'none';

export interface SeedOptions {
  companySlug: string;
  accessToken: string;
  seed: SeedKind;
  now?: Date;
}

export interface SeedStores {
  companies: CompanyStore;
  messages: SqliteMessageStore;
}

/** The company and its token exist whatever the seed: `none` means an empty company you can still call. */
export function ensureCompany(stores: SeedStores, o: { companySlug: string; accessToken: string }) {
  const name = o.companySlug === 'acme' ? DEMO_COMPANY_NAME : o.companySlug;
  const company = stores.companies.ensureCompany(o.companySlug, name);
  stores.companies.addAccessToken(company.id, o.accessToken, 'Emulator token');
  return company;
}

/** Compile each language of an MJML body, as the platform does when a template is saved. */
async function compileLocalized(value: LocalizedString): Promise<LocalizedString> {
  if (typeof value === 'string') return (await compileEmailHtml(value)).html;
  const entries = await Promise.all(
    Object.entries(value).map(async ([lang, src]) => [lang, (await compileEmailHtml(src)).html] as const),
  );
  return Object.fromEntries(entries);
}

/** Write the demo data set. Call only for an empty data folder (the caller checks). */
export async function seedDemo(stores: SeedStores, o: SeedOptions): Promise<void> {
  const now = o.now ?? new Date();
  const company = ensureCompany(stores, o);
  if (o.seed === 'none') return;

  for (const d of demoDomains(now)) stores.companies.addDomain(company.id, d);
  stores.companies.addMailbox(company.id, DEMO_DOMAINS.active.id, DEMO_MAILBOXES.info);
  stores.companies.addMailbox(company.id, DEMO_DOMAINS.active.id, DEMO_MAILBOXES.support);
  stores.companies.addMailbox(company.id, DEMO_DOMAINS.failing.id, DEMO_MAILBOXES.news);
  for (const mailbox of Object.values(DEMO_MAILBOXES)) stores.messages.ensureMailboxSync(mailbox);
  stores.messages.createFolderSync(DEMO_MAILBOXES.info, 'Projects');

  const templates = demoTemplates();
  for (const [i, t] of templates.entries()) {
    const createdAt = new Date(now.getTime() - (templates.length - i) * 86_400_000).toISOString();
    stores.companies.addTemplate(company.id, { ...t, htmlBody: await compileLocalized(t.mjmlBody), createdAt });
  }

  // The second tenant: its own token, domain and mailbox, for 403 / cross-company tests.
  const other = stores.companies.ensureCompany(OTHER_COMPANY_SLUG, OTHER_COMPANY_NAME);
  stores.companies.addAccessToken(other.id, OTHER_ACCESS_TOKEN, 'Other company token');
  stores.companies.addDomain(other.id, {
    id: OTHER_DOMAIN_ID,
    domain: OTHER_DOMAIN,
    status: 'active',
    spfVerified: true,
    dkimVerified: true,
    dmarcVerified: true,
    createdAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
  });
  stores.companies.addMailbox(other.id, OTHER_DOMAIN_ID, OTHER_MAILBOX);
  stores.messages.ensureMailboxSync(OTHER_MAILBOX);

  const generated = generateDemoMessages(now, createRandom(20260110));
  const composed = await Promise.all(
    generated.map(async (m) => {
      const raw = await composeMime(m.input);
      return {
        ...m,
        prepared: { raw, meta: metaFromCompose(m.input, raw), seen: m.seen, flagged: m.flagged, flags: m.flags },
      };
    }),
  );
  // File per folder in date order, so UIDs grow with arrival time as on a real server.
  const byFolder = new Map<string, { mailbox: string; folder: string; items: PreparedMessage[] }>();
  for (const m of composed.sort((a, b) => a.prepared.meta.dateMs - b.prepared.meta.dateMs)) {
    const key = `${m.mailbox}\u0000${m.folder}`;
    const entry = byFolder.get(key) ?? { mailbox: m.mailbox, folder: m.folder, items: [] };
    entry.items.push(m.prepared);
    byFolder.set(key, entry);
  }
  for (const { mailbox, folder, items } of byFolder.values()) stores.messages.insertPrepared(mailbox, folder, items);
}
