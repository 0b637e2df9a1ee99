import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsoleRole } from '@contract/index';
import type { ConsoleDatabase, SessionRow, UserRow } from './schema';
import { sendLogQueries } from './send-log-store';
import { accountSessionQueries, auditReadQueries, grantQueries, userAdminQueries } from './access-store';

/**
 * The console's data-access layer: every query the BFF runs, in one place, over `Kysely<ConsoleDatabase>`.
 * Routes and middleware call these methods and never build SQL themselves, so replacing SQLite touches db/ only.
 * Timestamps are `Date` at this boundary and ISO text in the tables.
 */
export interface ConsoleStore {
  users: ReturnType<typeof userQueries>;
  sessions: ReturnType<typeof sessionQueries>;
  loginAttempts: ReturnType<typeof loginAttemptQueries>;
  audit: ReturnType<typeof auditQueries>;
  sendLog: ReturnType<typeof sendLogQueries>;
  /** Access control (issue #5): db/access-store.ts */
  userAdmin: ReturnType<typeof userAdminQueries>;
  grants: ReturnType<typeof grantQueries>;
  accountSessions: ReturnType<typeof accountSessionQueries>;
  auditRead: ReturnType<typeof auditReadQueries>;
  close(): Promise<void>;
}

export function createConsoleStore(db: Kysely<ConsoleDatabase>): ConsoleStore {
  return {
    users: userQueries(db),
    sessions: sessionQueries(db),
    loginAttempts: loginAttemptQueries(db),
    audit: auditQueries(db),
    sendLog: sendLogQueries(db),
    userAdmin: userAdminQueries(db),
    grants: grantQueries(db),
    accountSessions: accountSessionQueries(db),
    auditRead: auditReadQueries(db),
    close: () => db.destroy(),
  };
}

const iso = (d: Date) => d.toISOString();

function userQueries(db: Kysely<ConsoleDatabase>) {
  return {
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    },
    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async create(user: {
      email: string;
      name: string | null;
      role: ConsoleRole;
      passwordHash: string;
      now: Date;
    }): Promise<UserRow> {
      const row: UserRow = {
        id: randomUUID(),
        email: user.email.toLowerCase(),
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        disabled: 0,
        created_at: iso(user.now),
        updated_at: iso(user.now),
      };
      await db.insertInto('users').values(row).execute();
      return row;
    },
    async setDisabled(id: string, disabled: boolean, now: Date): Promise<void> {
      await db
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0, updated_at: iso(now) })
        .where('id', '=', id)
        .execute();
    },
  };
}

function sessionQueries(db: Kysely<ConsoleDatabase>) {
  return {
    async create(session: {
      idHash: string;
      userId: string;
      now: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({
          id: session.idHash,
          user_id: session.userId,
          created_at: iso(session.now),
          expires_at: iso(session.expiresAt),
          last_seen_at: iso(session.now),
          ip: session.ip,
          user_agent: session.userAgent,
        })
        .execute();
    },
    /** The session and its user, if the session exists, has not expired, and the user is still enabled. */
    async findActive(idHash: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const session = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', idHash)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
      if (!session) return undefined;
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', session.user_id)
        .where('disabled', '=', 0)
        .executeTakeFirst();
      return user ? { session, user } : undefined;
    },
    async touch(idHash: string, now: Date, expiresAt: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: iso(now), expires_at: iso(expiresAt) })
        .where('id', '=', idHash)
        .execute();
    },
    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', idHash).execute();
    },
    async deleteForUser(userId: string): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    async deleteExpired(now: Date): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', iso(now)).execute();
    },
  };
}

function loginAttemptQueries(db: Kysely<ConsoleDatabase>) {
  return {
    /** Returns the attempt's id, so a failure counted ahead of the password check can be settled later. */
    async record(attempt: { email: string; ip: string | null; succeeded: boolean; now: Date }): Promise<number> {
      const row = await db
        .insertInto('login_attempts')
        .values({ at: iso(attempt.now), email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded ? 1 : 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async markSucceeded(id: number): Promise<void> {
      await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', id).execute();
    },
    async delete(id: number): Promise<void> {
      await db.deleteFrom('login_attempts').where('id', '=', id).execute();
    },
    /**
     * Timestamps of failures since `since`, oldest first, for one email, one IP, or one (email, IP) pair; with
     * `beforeId`, only those recorded before that attempt (concurrent attempts are judged in the order recorded).
     */
    async failuresSince(
      key: { email: string } | { ip: string } | { email: string; ip: string | null },
      since: Date,
      beforeId?: number,
    ): Promise<Date[]> {
      let query = db
        .selectFrom('login_attempts')
        .select('at')
        .where('succeeded', '=', 0)
        .where('at', '>', iso(since))
        .orderBy('at', 'asc')
        .orderBy('id', 'asc');
      if ('email' in key) query = query.where('email', '=', key.email);
      if ('ip' in key) query = key.ip === null ? query.where('ip', 'is', null) : query.where('ip', '=', key.ip);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      const rows = await query.execute();
      return rows.map((r) => new Date(r.at));
    },
    /** A successful sign-in forgives earlier typos on that account: from that address only, when one is given. */
    async clearFailures(email: string, ip?: string | null): Promise<void> {
      let query = db.deleteFrom('login_attempts').where('email', '=', email).where('succeeded', '=', 0);
      if (ip !== undefined) query = ip === null ? query.where('ip', 'is', null) : query.where('ip', '=', ip);
      await query.execute();
    },
    async deleteOlderThan(cutoff: Date): Promise<void> {
      await db.deleteFrom('login_attempts').where('at', '<', iso(cutoff)).execute();
    },
  };
}

export interface AuditEntry {
  action: string;
  actorUserId: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip: string | null;
  now: Date;
  /** Defaults to the actor's current email, looked up by id. */
  actorEmail?: string | null;
  /** The mailbox the action touched, lower-case. */
  mailbox?: string | null;
}

function auditQueries(db: Kysely<ConsoleDatabase>) {
  return {
    async write(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: iso(entry.now),
          actor_user_id: entry.actorUserId,
          action: entry.action,
          target: entry.target ?? null,
          detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
          ip: entry.ip,
          actor_email:
            entry.actorEmail !== undefined || entry.actorUserId === null
              ? (entry.actorEmail ?? null)
              : db.selectFrom('users').select('email').where('id', '=', entry.actorUserId),
          mailbox: entry.mailbox?.toLowerCase() ?? null,
        })
        .execute();
    },
    async list(limit = 100) {
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        ...r,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
      }));
    },
  };
}
