import type { Context } from 'hono';
import { CONSOLE_TRIGGER_HEADER, parseConsoleTrigger } from '@contract/console-trigger';
import { sentroyEndpoints, type Mailbox, type SentroyEndpointName } from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { clientIp } from '../request-info';
import type { UpstreamResult } from '../upstream/client';
import { routeKey } from './route-policy';

/**
 * What access control adds to the Sentroy proxy (routes/sentroy.ts), in one place and by endpoint name:
 * - `scopeSentroyResult`: members see only their granted mailboxes in GET /mailboxes;
 * - `auditSentroyAction`: one audit row per send, move, delete and mark read/unread, whatever came of it:
 *   `detail.result` is `ok`, `failed` (Sentroy answered with an error) or `refused` (the console refused it before
 *   it left: mailbox not granted, invalid input, attachment cap), and a send answered from the idempotency store
 *   instead of being sent again carries `detail.replayed: true`.
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

const MAIL_ACTIONS = {
  send: 'mail.send',
  moveMessage: 'mail.move',
  deleteMessage: 'mail.delete',
  markRead: 'mail.mark-read',
  markUnread: 'mail.mark-unread',
  saveDraft: 'mail.save-draft',
} as const satisfies Partial<Record<SentroyEndpointName, string>>;
type MailActionName = keyof typeof MAIL_ACTIONS;

const isMailAction = (name: SentroyEndpointName): name is MailActionName => name in MAIL_ACTIONS;

/** The BFF route (method + Hono pattern, as mounted under /api) of each audited mail action. */
const MAIL_ACTION_ROUTES: ReadonlyMap<string, MailActionName> = new Map(
  (Object.keys(MAIL_ACTIONS) as MailActionName[]).map((name) => [
    routeKey(sentroyEndpoints[name].method, `/api${sentroyEndpoints[name].path}`),
    name,
  ]),
);

/** The audited mail action served by a matched route, if it is one (the access middleware's refusals). */
export function mailActionForRoute(method: string, path: string): SentroyEndpointName | undefined {
  return MAIL_ACTION_ROUTES.get(routeKey(method, path));
}

export interface AuditedInput {
  params: Record<string, string | number>;
  query: Record<string, unknown> | undefined;
  /** Validated, or the raw JSON when the action was refused before validation: read defensively. */
  body: unknown;
}

export type MailActionResult = 'ok' | 'failed' | 'refused';

export interface MailActionOutcome {
  result: MailActionResult;
  /** The success envelope's data (job ids of a send). */
  data?: unknown;
  /** The envelope's message of a failed or refused action, and its status. */
  error?: string;
  status?: number;
  /** A send answered with an earlier send's result (same Idempotency-Key): nothing was sent again. */
  replayed?: boolean;
}

const MAX_TEXT = 500;
const MAX_LIST = 50;

/** Scalars and short lists of them, cut to size: input that was refused may be anything a client sent. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value))
    return value
      .slice(0, MAX_LIST)
      .map(clean)
      .filter((v) => v !== undefined);
  return undefined;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function auditSentroyAction(
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'store' | 'config' | 'now'>,
  name: SentroyEndpointName,
  input: AuditedInput,
  outcome: MailActionOutcome,
): Promise<void> {
  if (!isMailAction(name)) return;
  const { user } = c.get('session');
  const body = asRecord(input.body);
  const fields = { ...(input.query ?? {}), ...body };
  let mailbox: string | null;
  let target: string | null;
  let detail: Record<string, unknown>;
  if (name === 'send') {
    const data = asRecord(outcome.data) as { jobId?: unknown; jobs?: unknown };
    const recipients = Array.isArray(body.recipients) ? body.recipients.map((r) => asRecord(r).to) : undefined;
    mailbox = text(body.from);
    target = text(body.to) ?? `${recipients?.length ?? 0} recipients`;
    detail = {
      from: body.from,
      to: body.to ?? recipients,
      subject: body.subject,
      templateId: body.templateId,
      jobId: data.jobId ?? (Array.isArray(data.jobs) ? data.jobs.map((j) => asRecord(j).jobId) : undefined),
      scheduledAt: body.scheduledAt,
    };
  } else if (name === 'saveDraft') {
    // Autosave writes a copy every few seconds: the row says which draft (its Message-ID) and what it holds.
    mailbox = text(body.mailbox);
    target = text(body.subject) ?? '(no subject)';
    detail = {
      folder: 'Drafts',
      subject: body.subject,
      to: body.to,
      messageId: asRecord(body.headers)['Message-ID'],
      attachments: Array.isArray(body.attachments) ? body.attachments.length : undefined,
    };
  } else {
    mailbox = text(fields.mailbox);
    target = String(input.params.uid ?? '');
    detail = {
      uid: input.params.uid,
      folder: fields.folder ?? fields.from,
      ...(name === 'moveMessage' ? { to: fields.to } : {}),
      // The reader's auto-read timer ('auto') or the user ('user'): only the fixed enum, never the raw header.
      ...(name === 'markRead' ? { trigger: parseConsoleTrigger(c.req.header(CONSOLE_TRIGGER_HEADER)) } : {}),
    };
  }
  detail = Object.fromEntries(
    Object.entries({
      ...detail,
      result: outcome.result,
      ...(outcome.result !== 'ok' ? { error: outcome.error, status: outcome.status } : {}),
      ...(outcome.replayed ? { replayed: true } : {}),
    })
      .map(([key, value]) => [key, clean(value)] as const)
      .filter(([, value]) => value !== undefined),
  );
  await deps.store.audit.write({
    action: MAIL_ACTIONS[name],
    actorUserId: user.id,
    actorEmail: user.email,
    mailbox: mailbox?.trim() || null,
    target,
    detail,
    ip: clientIp(c, deps.config),
    now: deps.now?.() ?? new Date(),
  });
}
