import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditFilters, ConsoleRole } from '@contract/index';
import type { ConsoleDatabase, UserRow } from './schema';

/**
 * Queries of access control (issue #5): user administration, mailbox grants, a user's own sessions and reading the
 * audit log. Part of the ConsoleStore (store.ts); the audit log is only ever inserted into (store.ts `audit.write`)
 * and read here — there is no update or delete of it anywhere, and the 0002 triggers refuse one.
 */

const iso = (d: Date) => d.toISOString();

/** Thrown inside a transaction when a change would leave no enabled admin; the transaction rolls back. */
export class LastAdminError extends Error {
  constructor() {
    super('At least one enabled admin must remain');
    this.name = 'LastAdminError';
  }
}

export interface UserPatch {
  role?: ConsoleRole;
  name?: string | null;
  disabled?: boolean;
  passwordHash?: string;
  /** Replaces the grants when present. */
  mailboxes?: readonly string[];
}

async function activeAdminCount(db: Kysely<ConsoleDatabase>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function userAdminQueries(db: Kysely<ConsoleDatabase>) {
  return {
    list(): Promise<UserRow[]> {
      return db.selectFrom('users').selectAll().orderBy('email', 'asc').execute();
    },
    /**
     * Apply a change in one transaction; when it leaves no enabled admin it is rolled back with LastAdminError.
     * Disabling also ends the user's sessions in the same transaction, so the next request of theirs is refused.
     * (A password change ends sessions through accountSessions.endForUser, which can keep the caller's own.)
     */
    async update(id: string, patch: UserPatch, now: Date): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        const set: Partial<UserRow> = { updated_at: iso(now) };
        if (patch.role !== undefined) set.role = patch.role;
        if (patch.name !== undefined) set.name = patch.name;
        if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
        if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
        const result = await trx.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return undefined;
        if (patch.mailboxes !== undefined) {
          await trx.deleteFrom('mailbox_grants').where('user_id', '=', id).execute();
          if (patch.mailboxes.length > 0) {
            await trx
              .insertInto('mailbox_grants')
              .values(patch.mailboxes.map((m) => ({ user_id: id, mailbox: m.toLowerCase(), created_at: iso(now) })))
              .execute();
          }
        }
        if (patch.disabled === true) {
          await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        }
        if ((await activeAdminCount(trx)) === 0) throw new LastAdminError();
        return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      });
    },
    /** Delete the user (sessions and grants go with them); refused with LastAdminError for the last enabled admin. */
    async delete(id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        if ((await activeAdminCount(trx)) === 0) throw new LastAdminError();
        return Number(result.numDeletedRows) > 0;
      });
    },
  };
}

export function grantQueries(db: Kysely<ConsoleDatabase>) {
  return {
    async forUser(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('mailbox_grants')
        .select('mailbox')
        .where('user_id', '=', userId)
        .orderBy('mailbox', 'asc')
        .execute();
      return rows.map((r) => r.mailbox);
    },
    /** Every user's grants, for the Users page. */
    async all(): Promise<Map<string, string[]>> {
      const rows = await db.selectFrom('mailbox_grants').selectAll().orderBy('mailbox', 'asc').execute();
      const byUser = new Map<string, string[]>();
      for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.mailbox]);
      return byUser;
    },
  };
}

/** What the Account page shows of a session: never the stored key itself, only a digest of it. */
export const publicSessionId = (idHash: string) =>
  createHash('sha256').update(`public:${idHash}`).digest('hex').slice(0, 16);

export function accountSessionQueries(db: Kysely<ConsoleDatabase>) {
  return {
    listActive(userId: string, now: Date) {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', iso(now))
        .orderBy('last_seen_at', 'desc')
        .execute();
    },
    /** End the user's sessions, all of them or all but `keepIdHash`; returns how many ended. */
    async endForUser(userId: string, keepIdHash: string | undefined): Promise<number> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepIdHash !== undefined) query = query.where('id', '!=', keepIdHash);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** `%` and `_` typed into a filter are literal characters, not wildcards. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function auditReadQueries(db: Kysely<ConsoleDatabase>) {
  const filtered = (filters: Partial<Omit<AuditFilters, 'page' | 'limit'>>) => {
    let query = db.selectFrom('audit_log');
    if (filters.actor) {
      const pattern = likeContains(filters.actor.toLowerCase());
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(actor_email)`, 'like', sql`${pattern} escape '\\'`),
          eb('actor_user_id', '=', filters.actor!),
        ]),
      );
    }
    if (filters.action) {
      // "mail" matches every mail.* action; "mail.send" exactly that one.
      query = query.where((eb) =>
        eb.or([
          eb('action', '=', filters.action!),
          eb('action', 'like', `${filters.action!.replace(/[\\%_]/g, '')}.%`),
        ]),
      );
    }
    if (filters.mailbox) query = query.where('mailbox', '=', filters.mailbox);
    if (filters.from) query = query.where('at', '>=', `${filters.from}T00:00:00.000Z`);
    if (filters.to) query = query.where('at', '<=', `${filters.to}T23:59:59.999Z`);
    return query;
  };

  const toEntry = (r: {
    id: number;
    at: string;
    actor_user_id: string | null;
    actor_email: string | null;
    action: string;
    target: string | null;
    mailbox: string | null;
    detail: string | null;
    ip: string | null;
  }) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    action: r.action,
    target: r.target,
    mailbox: r.mailbox,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    ip: r.ip,
  });

  return {
    async page(filters: AuditFilters) {
      const [rows, count] = await Promise.all([
        filtered(filters)
          .selectAll()
          .orderBy('id', 'desc')
          .limit(filters.limit)
          .offset((filters.page - 1) * filters.limit)
          .execute(),
        filtered(filters)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { entries: rows.map(toEntry), total: Number(count.n), page: filters.page, limit: filters.limit };
    },
    /** Newest first, at most `max` rows: the CSV export. */
    async all(filters: Partial<Omit<AuditFilters, 'page' | 'limit'>>, max: number) {
      const rows = await filtered(filters).selectAll().orderBy('id', 'desc').limit(max).execute();
      return rows.map(toEntry);
    },
  };
}
