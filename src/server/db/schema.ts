import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The console's own tables (not Sentroy's). Kept to portable column types — text ids (UUIDs), ISO-8601 UTC text
 * timestamps, integer flags, JSON as text — so the same queries run on PostgreSQL when SQLite is swapped out.
 */

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'operator' | 'member';
  password_hash: string;
  /** 0 | 1 */
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token: a stolen database does not yield usable cookies. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  at: string;
  email: string;
  ip: string | null;
  /** 0 | 1 */
  succeeded: number;
}

export interface SendLogTable {
  id: string;
  created_at: string;
  user_id: string | null;
  from: string;
  to: string;
  subject: string | null;
  template_id: string | null;
  lang: string | null;
  /** JSON: [{filename, contentType, size}] — metadata only, never the bytes */
  attachments: ColumnType<string, string | undefined, string>;
  job_id: string | null;
  mail_log_id: string | null;
  status: string;
  error: string | null;
  idempotency_key: string | null;
  /** JSON: string[] (0003_dashboard) */
  cc: ColumnType<string, string | undefined, string>;
  scheduled_at: string | null;
  /** The HTTP status and envelope answered for this send, replayed for a repeated Idempotency-Key (0003_dashboard). */
  response_status: number | null;
  response_body: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  action: string;
  target: string | null;
  /** JSON object */
  detail: string | null;
  ip: string | null;
  /** Added by 0002_access_control: the actor's email at the time, and the mailbox the action touched. */
  actor_email: string | null;
  mailbox: string | null;
}

export interface MailboxGrantsTable {
  user_id: string;
  /** lower-case address */
  mailbox: string;
  created_at: string;
}

export interface ConsoleDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  send_log: SendLogTable;
  audit_log: AuditLogTable;
  mailbox_grants: MailboxGrantsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
