import type { Context } from 'hono';
import type { Mailbox, SendRequest, SentroyEndpointName } from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { clientIp } from '../request-info';
import type { UpstreamResult } from '../upstream/client';

/**
 * What access control adds to the Sentroy proxy (routes/sentroy.ts), in one place and by endpoint name:
 * - `scopeSentroyResult`: members see only their granted mailboxes in GET /mailboxes;
 * - `auditSentroyAction`: one audit row per successful send, move, delete and mark read/unread.
 */
export function scopeSentroyResult(
  c: Context<AppEnv>,
  name: SentroyEndpointName,
  result: UpstreamResult,
): UpstreamResult {
  if (name !== 'listMailboxes' || result.kind !== 'data' || !Array.isArray(result.data)) return result;
  const access = c.get('access');
  if (access.abilities.sendAnyMailbox || access.abilities.inboxAnyMailbox) return result;
  const mailboxes = (result.data as Mailbox[]).filter((m) => access.mailboxes.includes(String(m.email).toLowerCase()));
  return { ...result, data: mailboxes };
}

const MAIL_ACTIONS: Partial<Record<SentroyEndpointName, string>> = {
  send: 'mail.send',
  moveMessage: 'mail.move',
  deleteMessage: 'mail.delete',
  markRead: 'mail.mark-read',
  markUnread: 'mail.mark-unread',
};

export interface AuditedInput {
  params: Record<string, string | number>;
  query: Record<string, unknown> | undefined;
  body: unknown;
}

/** Call after Sentroy answered; `data` is the success envelope's data (nothing is written for failures). */
export async function auditSentroyAction(
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'store' | 'config' | 'now'>,
  name: SentroyEndpointName,
  input: AuditedInput,
  outcome: { ok: boolean; data: unknown },
): Promise<void> {
  const action = MAIL_ACTIONS[name];
  if (!action || !outcome.ok) return;
  const { user } = c.get('session');
  const fields = { ...(input.query ?? {}), ...((input.body as Record<string, unknown> | undefined) ?? {}) };
  let mailbox: string | null;
  let target: string | null;
  let detail: Record<string, unknown>;
  if (name === 'send') {
    const body = input.body as SendRequest;
    const data = (outcome.data ?? {}) as { jobId?: string; jobs?: { jobId: string; to: string }[] };
    mailbox = body.from;
    target = body.to ?? `${body.recipients?.length ?? 0} recipients`;
    detail = {
      from: body.from,
      to: body.to ?? body.recipients?.map((r) => r.to),
      subject: body.subject,
      templateId: body.templateId,
      jobId: data.jobId ?? data.jobs?.map((j) => j.jobId),
      scheduledAt: body.scheduledAt,
    };
  } else {
    mailbox = typeof fields.mailbox === 'string' ? fields.mailbox : null;
    target = String(input.params.uid ?? '');
    detail = {
      uid: input.params.uid,
      folder: fields.folder ?? fields.from,
      ...(name === 'moveMessage' ? { to: fields.to } : {}),
    };
  }
  await deps.store.audit.write({
    action,
    actorUserId: user.id,
    actorEmail: user.email,
    mailbox,
    target,
    detail,
    ip: clientIp(c, deps.config),
    now: deps.now?.() ?? new Date(),
  });
}
