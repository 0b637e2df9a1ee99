import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SendLogItem, SendLogStatus } from '@contract/index';
import type { ConsoleDatabase } from './schema';

/**
 * The send log: one row per `POST /api/send` made through the console, success or failure. The row also carries
 * the idempotency key (unique) and the answer given, so a repeated key is answered from here instead of sending again.
 */

export interface SendLogAttachment {
  filename: string;
  contentType: string | null;
  size: number;
}

export interface NewSendLogEntry {
  userId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string | null;
  templateId: string | null;
  lang: string | null;
  attachments: SendLogAttachment[];
  scheduledAt: string | null;
  idempotencyKey: string | null;
  now: Date;
}

export interface SendLogOutcome {
  status: SendLogStatus;
  jobId: string | null;
  mailLogId: string | null;
  error: string | null;
  responseStatus: number;
  responseBody: string;
}

export interface StoredResponse {
  status: SendLogStatus;
  responseStatus: number | null;
  responseBody: string | null;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function sendLogQueries(db: Kysely<ConsoleDatabase>) {
  return {
    /**
     * Start a send: insert the row in state `sending`. Returns undefined when a row with the same idempotency key
     * exists already (the unique index decides the winner, also across processes).
     */
    async begin(entry: NewSendLogEntry): Promise<string | undefined> {
      const id = randomUUID();
      const inserted = await db
        .insertInto('send_log')
        .values({
          id,
          created_at: entry.now.toISOString(),
          user_id: entry.userId,
          from: entry.from,
          to: JSON.stringify(entry.to),
          cc: JSON.stringify(entry.cc),
          subject: entry.subject,
          template_id: entry.templateId,
          lang: entry.lang,
          attachments: JSON.stringify(entry.attachments),
          scheduled_at: entry.scheduledAt,
          status: 'sending',
          idempotency_key: entry.idempotencyKey,
          job_id: null,
          mail_log_id: null,
          error: null,
          response_status: null,
          response_body: null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 ? id : undefined;
    },

    async finish(id: string, outcome: SendLogOutcome, options: { releaseKey: boolean }): Promise<void> {
      await db
        .updateTable('send_log')
        .set({
          status: outcome.status,
          job_id: outcome.jobId,
          mail_log_id: outcome.mailLogId,
          error: outcome.error,
          response_status: outcome.responseStatus,
          response_body: outcome.responseBody,
          // A send the platform refused for certain (4xx) sent nothing: the same draft may be sent again.
          ...(options.releaseKey ? { idempotency_key: null } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async findByKey(idempotencyKey: string): Promise<StoredResponse | undefined> {
      const row = await db
        .selectFrom('send_log')
        .select(['status', 'response_status', 'response_body'])
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        status: row.status as SendLogStatus,
        responseStatus: row.response_status,
        responseBody: row.response_body,
      };
    },

    /**
     * Whether `userId` sent the job `jobId` through the console: a member may follow only those (access control,
     * issue 8). A batch row keeps its job ids comma-joined; ids never contain a comma (resourceIdSchema).
     */
    async hasJob(jobId: string, userId: string): Promise<boolean> {
      if (jobId === '' || jobId.includes(',')) return false;
      const row = await db
        .selectFrom('send_log')
        .select('id')
        .where('user_id', '=', userId)
        .where(sql<boolean>`instr(',' || job_id || ',', ${`,${jobId},`}) > 0`)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** `onlyUserId`: a member's scope (access control, issue #5) — only the rows that user sent. */
    async list(page: number, limit: number, onlyUserId?: string): Promise<{ items: SendLogItem[]; total: number }> {
      const rows = await db
        .selectFrom('send_log')
        .leftJoin('users', 'users.id', 'send_log.user_id')
        .$if(onlyUserId !== undefined, (q) => q.where('send_log.user_id', '=', onlyUserId!))
        .select([
          'send_log.id',
          'send_log.created_at',
          'send_log.user_id',
          'users.email as user_email',
          'users.name as user_name',
          'send_log.from',
          'send_log.to',
          'send_log.cc',
          'send_log.subject',
          'send_log.template_id',
          'send_log.lang',
          'send_log.attachments',
          'send_log.job_id',
          'send_log.mail_log_id',
          'send_log.status',
          'send_log.scheduled_at',
          'send_log.error',
        ])
        .orderBy('send_log.created_at', 'desc')
        .orderBy('send_log.id', 'desc')
        .limit(limit)
        .offset((page - 1) * limit)
        .execute();
      const count = await db
        .selectFrom('send_log')
        .$if(onlyUserId !== undefined, (q) => q.where('send_log.user_id', '=', onlyUserId!))
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      return {
        total: Number(count.total),
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          user:
            r.user_id !== null && r.user_email !== null
              ? { id: r.user_id, email: r.user_email, name: r.user_name ?? null }
              : null,
          from: r.from,
          to: parseJson<string[]>(r.to, [r.to]),
          cc: parseJson<string[]>(r.cc, []),
          subject: r.subject,
          templateId: r.template_id,
          lang: r.lang,
          attachments: parseJson<SendLogAttachment[]>(r.attachments, []),
          jobId: r.job_id,
          mailLogId: r.mail_log_id,
          status: r.status as SendLogStatus,
          scheduledAt: r.scheduled_at,
          error: r.error,
        })),
      };
    },
  };
}
