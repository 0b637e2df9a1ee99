import type { Database } from 'better-sqlite3';

/**
 * Numbered schema migrations. The database's `PRAGMA user_version` records the last one applied, so an existing
 * data folder is upgraded in place at start. Never edit a shipped migration: append a new one.
 */
export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'companies, tokens, domains, mailboxes, templates, folders, messages, send jobs, mail logs',
    up: (db) => {
      db.exec(`
        CREATE TABLE companies (
          id TEXT PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL
        );

        -- Tokens are stored as the platform does: SHA-256 hex of the whole token + its first 12 characters.
        CREATE TABLE access_tokens (
          id TEXT PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          token_hash TEXT NOT NULL UNIQUE,
          token_prefix TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT,
          last_used_at TEXT
        );
        CREATE INDEX access_tokens_prefix ON access_tokens(token_prefix);

        CREATE TABLE domains (
          id TEXT PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          domain TEXT NOT NULL UNIQUE,
          status TEXT NOT NULL CHECK (status IN ('pending','verifying','active','failed')),
          spf_verified INTEGER NOT NULL DEFAULT 0,
          dkim_verified INTEGER NOT NULL DEFAULT 0,
          dmarc_verified INTEGER NOT NULL DEFAULT 0,
          dkim_selector TEXT NOT NULL DEFAULT 'mail',
          dkim_public_key TEXT,
          bimi_logo_url TEXT,
          bimi_vmc_url TEXT,
          bimi_verified INTEGER NOT NULL DEFAULT 0,
          catch_all_mailbox_email TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX domains_company ON domains(company_id, created_at);

        CREATE TABLE mailboxes (
          email TEXT PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          domain_id TEXT NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
          username TEXT NOT NULL,
          is_catch_all INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        );
        CREATE INDEX mailboxes_company ON mailboxes(company_id);

        -- Localized fields are JSON: a string or {lang: string}.
        CREATE TABLE templates (
          id TEXT PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          domain_id TEXT REFERENCES domains(id) ON DELETE SET NULL,
          name TEXT NOT NULL,
          subject TEXT NOT NULL,
          mjml_body TEXT NOT NULL,
          html_body TEXT,
          variables TEXT NOT NULL,
          category TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX templates_company ON templates(company_id, created_at);

        -- IMAP folders: UIDVALIDITY per folder, UIDNEXT only grows (never reused after move/delete).
        CREATE TABLE folders (
          id INTEGER PRIMARY KEY,
          mailbox TEXT NOT NULL,
          path TEXT NOT NULL,
          special_use TEXT,
          uidvalidity INTEGER NOT NULL,
          uidnext INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          UNIQUE (mailbox, path)
        );

        -- List columns are derived once at append time so a page never parses MIME.
        CREATE TABLE messages (
          id INTEGER PRIMARY KEY,
          mailbox TEXT NOT NULL,
          folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
          uid INTEGER NOT NULL,
          seen INTEGER NOT NULL DEFAULT 0,
          flagged INTEGER NOT NULL DEFAULT 0,
          -- Other IMAP flags (Draft, Answered, keywords); Seen and Flagged are the two columns above.
          flags TEXT NOT NULL DEFAULT '[]',
          date_ms INTEGER NOT NULL,
          date TEXT NOT NULL,
          internal_date TEXT NOT NULL,
          size INTEGER NOT NULL,
          message_id TEXT,
          in_reply_to TEXT,
          refs TEXT NOT NULL DEFAULT '[]',
          subject TEXT NOT NULL,
          thread_key TEXT NOT NULL,
          from_name TEXT NOT NULL,
          from_address TEXT NOT NULL,
          to_json TEXT NOT NULL,
          has_attachments INTEGER NOT NULL DEFAULT 0,
          category TEXT NOT NULL DEFAULT 'primary',
          search_text TEXT NOT NULL DEFAULT '',
          raw BLOB NOT NULL,
          UNIQUE (folder_id, uid)
        );
        CREATE INDEX messages_folder_date ON messages(mailbox, folder_id, date_ms DESC);
        CREATE INDEX messages_mailbox_date ON messages(mailbox, date_ms DESC);
        CREATE INDEX messages_thread ON messages(mailbox, thread_key);
        -- Covers the per-folder total/unread counts of GET /inbox/mailboxes.
        CREATE INDEX messages_folder_seen ON messages(mailbox, folder_id, seen);

        CREATE TABLE send_jobs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          mail_log_id TEXT NOT NULL UNIQUE,
          state TEXT NOT NULL,
          payload TEXT NOT NULL,
          scheduled_at INTEGER,
          attempts_made INTEGER NOT NULL DEFAULT 0,
          failed_reason TEXT,
          processed_on INTEGER,
          finished_on INTEGER,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX send_jobs_due ON send_jobs(state, scheduled_at);

        CREATE TABLE mail_logs (
          id TEXT PRIMARY KEY,
          company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
          job_id INTEGER NOT NULL,
          domain_id TEXT NOT NULL,
          from_address TEXT NOT NULL,
          to_address TEXT NOT NULL,
          subject TEXT NOT NULL,
          status TEXT NOT NULL,
          message_id TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description:
      'per-folder counters kept by triggers; listing indexes with a total order (date, id) for both directions',
    up: (db) => {
      db.exec(`
        -- Folder counts read at 100,000 messages must not walk the folder: the counters follow every insert, delete,
        -- move and read/unread change through triggers, so GET /inbox/mailboxes and /unread-count read one row each.
        ALTER TABLE folders ADD COLUMN total_messages INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE folders ADD COLUMN unread_messages INTEGER NOT NULL DEFAULT 0;
        UPDATE folders SET
          total_messages = (SELECT COUNT(*) FROM messages m WHERE m.folder_id = folders.id),
          unread_messages = (SELECT COUNT(*) FROM messages m WHERE m.folder_id = folders.id AND m.seen = 0);
        CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
          UPDATE folders SET total_messages = total_messages + 1, unread_messages = unread_messages + (NEW.seen = 0)
          WHERE id = NEW.folder_id;
        END;
        CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
          UPDATE folders SET total_messages = total_messages - 1, unread_messages = unread_messages - (OLD.seen = 0)
          WHERE id = OLD.folder_id;
        END;
        CREATE TRIGGER messages_count_update AFTER UPDATE OF seen, folder_id ON messages
        WHEN OLD.seen IS NOT NEW.seen OR OLD.folder_id IS NOT NEW.folder_id BEGIN
          UPDATE folders SET total_messages = total_messages - 1, unread_messages = unread_messages - (OLD.seen = 0)
          WHERE id = OLD.folder_id;
          UPDATE folders SET total_messages = total_messages + 1, unread_messages = unread_messages + (NEW.seen = 0)
          WHERE id = NEW.folder_id;
        END;

        -- Pages are ordered by (date_ms DESC, id DESC), a total order, so a deep page can be read from the oldest end
        -- of the same index (the rows are the same either way) and an unread-only page is one index range, never a
        -- walk over read rows. The old indexes are prefixes of these or served only the counts above.
        DROP INDEX messages_folder_date;
        DROP INDEX messages_folder_seen;
        DROP INDEX messages_mailbox_date;
        CREATE INDEX messages_folder_order ON messages(mailbox, folder_id, date_ms DESC, id DESC);
        CREATE INDEX messages_folder_unread_order ON messages(mailbox, folder_id, seen, date_ms DESC, id DESC);
        -- __ALL__ filters by folder and seen from the index itself, without reading skipped rows.
        CREATE INDEX messages_mailbox_order ON messages(mailbox, date_ms DESC, id DESC, folder_id, seen);
      `);
    },
  },
];

/** Apply every migration newer than the database, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database, list: Migration[] = migrations): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
