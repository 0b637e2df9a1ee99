import type { SqliteMessageStore } from '../store/sqlite-message-store';
import { seedBulkMessages } from './bulk';
import { DEMO_MAILBOXES } from './demo-data';
import { seedHostileCorpus } from './hostile-corpus';
import { seedNewsletters } from './newsletters';

/**
 * Test hooks of the demo: extra data sets seeded on top of the demo when asked (`EmulatorOptions.extras`).
 * - `hostile`: the hostile HTML corpus in support@acme.example, folder "Hostile" (needs `remoteBase`).
 * - `bulk100k`: 100,000 synthetic messages in info@acme.example, folder "Bulk".
 * - `newsletters`: real, openly licensed newsletter templates and one MJML newsletter in support@acme.example,
 *   folder "Newsletters" (seed/newsletters.ts).
 */
export const TEST_EXTRAS = ['hostile', 'bulk100k', 'newsletters'] as const;
export type TestExtra = (typeof TEST_EXTRAS)[number];

export const HOSTILE_MAILBOX = DEMO_MAILBOXES.support;
export const HOSTILE_FOLDER = 'Hostile';
export const NEWSLETTER_MAILBOX = DEMO_MAILBOXES.support;
export const NEWSLETTER_FOLDER = 'Newsletters';
export const BULK_MAILBOX = DEMO_MAILBOXES.info;
export const BULK_FOLDER = 'Bulk';
export const BULK_COUNT = 100_000;

/** "hostile,bulk100k" → the known names; unknown names are an error (a typo must not silently seed nothing). */
export function parseTestExtras(spec: string | undefined): TestExtra[] {
  if (!spec?.trim()) return [];
  const names = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(TEST_EXTRAS as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(`Unknown demo extra(s): ${unknown.join(', ')} (known: ${TEST_EXTRAS.join(', ')})`);
  return names as TestExtra[];
}

export async function seedTestExtras(
  store: SqliteMessageStore,
  extras: readonly TestExtra[],
  o: { remoteBase?: string; now?: Date },
): Promise<void> {
  if (extras.includes('hostile')) {
    if (!o.remoteBase) throw new Error('The "hostile" demo extra needs a remote base URL (CONSOLE_DEMO_REMOTE_BASE)');
    await seedHostileCorpus(store, {
      mailbox: HOSTILE_MAILBOX,
      folder: HOSTILE_FOLDER,
      remoteImageBase: o.remoteBase,
      now: o.now,
    });
  }
  if (extras.includes('newsletters')) {
    await seedNewsletters(store, { mailbox: NEWSLETTER_MAILBOX, folder: NEWSLETTER_FOLDER, now: o.now });
  }
  if (extras.includes('bulk100k')) {
    store.createFolderSync(BULK_MAILBOX, BULK_FOLDER);
    seedBulkMessages(store, { mailbox: BULK_MAILBOX, folder: BULK_FOLDER, count: BULK_COUNT, newest: o.now });
  }
}
