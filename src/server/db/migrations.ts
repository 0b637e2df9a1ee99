import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Migrations live in code (not files) so they ship inside the bundle and run the same under tsx, vitest and a build.
 * Names sort by their numeric prefix; never edit a released migration, add a new one.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'operator', 'member')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_attempts_email_at').on('login_attempts').columns(['email', 'at']).execute();
      await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('send_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('from', 'text', (c) => c.notNull())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('template_id', 'text')
        .addColumn('lang', 'text')
        .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('job_id', 'text')
        .addColumn('mail_log_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('send_log_created_at').on('send_log').column('created_at').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
  },
  '0002_access_control': {
    async up(db: Kysely<unknown>) {
      // Per-user mailbox grants (issue #5): addresses lower-case; they go with the user.
      await db.schema
        .createTable('mailbox_grants')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('mailbox', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mailbox_grants_pk', ['user_id', 'mailbox'])
        .execute();

      // The audit keeps who acted even after the user is deleted, and which mailbox an action touched.
      await db.schema.alterTable('audit_log').addColumn('actor_email', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('mailbox', 'text').execute();
      await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
      await db.schema.createIndex('audit_log_mailbox_at').on('audit_log').columns(['mailbox', 'at']).execute();

      // Append-only from the application's side: no code path updates or deletes rows, and SQLite refuses it anyway.
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    },
  },
  '0003_dashboard': {
    // The send log keeps what the dashboard shows (cc, schedule) and, for idempotent replays, the first answer.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('send_log')
        .addColumn('cc', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema.alterTable('send_log').addColumn('scheduled_at', 'text').execute();
      await db.schema.alterTable('send_log').addColumn('response_status', 'integer').execute();
      await db.schema.alterTable('send_log').addColumn('response_body', 'text').execute();
    },
  },
};

export const consoleMigrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
