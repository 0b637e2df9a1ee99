import type { Database } from 'better-sqlite3';
import type { SendJob } from '@contract/index';

/** Send jobs (BullMQ-like ids "1", "2", …) and their mail logs. */

export type JobState = SendJob['state'];

export interface JobRecord {
  id: number;
  companyId: string;
  mailLogId: string;
  state: JobState;
  payload: string;
  scheduledAt: number | null;
  attemptsMade: number;
  failedReason: string | null;
  processedOn: number | null;
  finishedOn: number | null;
}

interface JobRow {
  id: number;
  company_id: string;
  mail_log_id: string;
  state: JobState;
  payload: string;
  scheduled_at: number | null;
  attempts_made: number;
  failed_reason: string | null;
  processed_on: number | null;
  finished_on: number | null;
}

function fromRow(r: JobRow): JobRecord {
  return {
    id: r.id,
    companyId: r.company_id,
    mailLogId: r.mail_log_id,
    state: r.state,
    payload: r.payload,
    scheduledAt: r.scheduled_at,
    attemptsMade: r.attempts_made,
    failedReason: r.failed_reason,
    processedOn: r.processed_on,
    finishedOn: r.finished_on,
  };
}

export interface NewJob {
  companyId: string;
  mailLogId: string;
  state: 'waiting' | 'delayed';
  payload: string;
  scheduledAt: number | null;
  now: number;
  log: { domainId: string; from: string; to: string; subject: string };
}

export class JobStore {
  constructor(private readonly db: Database) {}

  create(job: NewJob): JobRecord {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO send_jobs (company_id, mail_log_id, state, payload, scheduled_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(job.companyId, job.mailLogId, job.state, job.payload, job.scheduledAt, job.now);
      const at = new Date(job.now).toISOString();
      this.db
        .prepare(
          `INSERT INTO mail_logs (id, company_id, job_id, domain_id, from_address, to_address, subject, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`,
        )
        .run(
          job.mailLogId,
          job.companyId,
          Number(lastInsertRowid),
          job.log.domainId,
          job.log.from,
          job.log.to,
          job.log.subject,
          at,
          at,
        );
      return this.get(Number(lastInsertRowid))!;
    })();
  }

  get(id: number): JobRecord | undefined {
    const row = this.db.prepare('SELECT * FROM send_jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && fromRow(row);
  }

  findForCompany(companyId: string, id: number): JobRecord | undefined {
    const job = this.get(id);
    return job && job.companyId === companyId ? job : undefined;
  }

  /** Delayed jobs whose time has come, oldest first. */
  due(now: number): JobRecord[] {
    return (
      this.db
        .prepare("SELECT * FROM send_jobs WHERE state = 'delayed' AND scheduled_at <= ? ORDER BY scheduled_at, id")
        .all(now) as JobRow[]
    ).map(fromRow);
  }

  /** Claim a job for processing; false when another tick already took it. */
  markActive(id: number, now: number): boolean {
    const claimed = this.db
      .prepare(
        "UPDATE send_jobs SET state = 'active', processed_on = ?, attempts_made = attempts_made + 1 WHERE id = ? AND state IN ('waiting','delayed')",
      )
      .run(now, id).changes;
    if (claimed) this.setLogStatus(id, 'processing', now);
    return claimed > 0;
  }

  markCompleted(id: number, now: number, messageId: string): void {
    this.db.prepare("UPDATE send_jobs SET state = 'completed', finished_on = ? WHERE id = ?").run(now, id);
    this.db.prepare('UPDATE mail_logs SET message_id = ? WHERE job_id = ?').run(messageId, id);
    this.setLogStatus(id, 'sent', now);
  }

  markFailed(id: number, now: number, reason: string): void {
    this.db
      .prepare("UPDATE send_jobs SET state = 'failed', finished_on = ?, failed_reason = ? WHERE id = ?")
      .run(now, reason, id);
    this.setLogStatus(id, 'failed', now);
  }

  mailLogStatus(mailLogId: string): string | undefined {
    return (
      this.db.prepare('SELECT status FROM mail_logs WHERE id = ?').get(mailLogId) as { status: string } | undefined
    )?.status;
  }

  private setLogStatus(jobId: number, status: string, now: number): void {
    this.db
      .prepare('UPDATE mail_logs SET status = ?, updated_at = ? WHERE job_id = ?')
      .run(status, new Date(now).toISOString(), jobId);
  }
}

export function toSendJob(job: JobRecord): SendJob {
  return {
    jobId: String(job.id),
    state: job.state,
    progress: job.state === 'completed' ? 100 : 0,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason,
    finishedOn: job.finishedOn,
    processedOn: job.processedOn,
  };
}
