import { randomUUID } from 'node:crypto';
import {
  sendRequestSchema,
  type BatchSendResult,
  type SendRequest,
  type SendResponse,
  type SendResult,
  type Template,
  type TemplateVariables,
} from '@contract/index';
import { findMissingVariables, renderTemplate } from '@mail/render-template';
import { apiError, upstreamError } from '../errors';
import type { Company, CompanyStore } from '../store/company-store';
import type { JobRecord, JobStore } from '../store/job-store';
import type { MessageStore } from '../store/message-store';
import { composeMime, type ComposeInput } from '../store/mime';

/**
 * POST /send as the platform runs it (contract 5.6): the platform's 422 variable check, then the mail-server's rules
 * in its order, then a job per recipient. Delivery files the message in the sender's Sent folder and in the INBOX of
 * every recipient mailbox the emulator hosts; there is no SMTP, so other addresses just complete.
 */

/** What a job needs to deliver later: the composed message's inputs, attachments as base64 text. */
interface DeliveryPayload {
  sender: string;
  recipients: string[];
  mail: Omit<ComposeInput, 'date' | 'attachments'> & {
    attachments: { filename: string; content: string; contentType?: string }[];
  };
}

export interface SendServiceOptions {
  companies: CompanyStore;
  messages: MessageStore;
  jobs: JobStore;
  clock: () => number;
  log: (line: string) => void;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function ccList(cc: SendRequest['cc']): string[] {
  if (cc === undefined) return [];
  return (Array.isArray(cc) ? cc : cc.split(',')).map((a) => a.trim()).filter(Boolean);
}

export class SendService {
  constructor(private readonly o: SendServiceOptions) {}

  /** The platform's own check before calling upstream: every template variable filled, for every recipient. */
  private checkTemplateVariables(company: Company, raw: Record<string, unknown>): void {
    if (typeof raw.templateId !== 'string') return;
    // A template that cannot be loaded skips the check (upstream then answers 404).
    const template = this.o.companies.getTemplate(company.id, raw.templateId);
    if (!template) return;
    const shared = asRecord(raw.variables) as TemplateVariables;
    const sets = Array.isArray(raw.recipients)
      ? raw.recipients.map((r) => ({ ...shared, ...(asRecord(asRecord(r).variables) as TemplateVariables) }))
      : [shared];
    const missing = [...new Set(sets.flatMap((vars) => findMissingVariables(template, vars)))];
    if (missing.length > 0) throw apiError(422, `Missing template variables: ${missing.join(', ')}`);
  }

  /** Mail-server validation: zod first ("Validation error"), then the content rule, domain, sender, template. */
  private validate(company: Company, raw: unknown): { body: SendRequest; domain: string; template: Template | null } {
    const parsed = sendRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const onlyContentRule = parsed.error.issues.every(
        (i) => i.message === 'Either templateId, html, or text must be provided',
      );
      throw upstreamError(
        400,
        onlyContentRule ? 'Either templateId, html, or text must be provided' : 'Validation error',
      );
    }
    const body = parsed.data;
    const domain = this.o.companies.getDomain(company.id, body.domainId);
    if (!domain || domain.status !== 'active') throw upstreamError(400, 'Domain not found or not active');
    // A plain string compare, as the platform does (case-sensitive).
    const fromDomain = body.from.slice(body.from.lastIndexOf('@') + 1);
    if (fromDomain !== domain.domain) throw upstreamError(400, `Sender email must belong to domain ${domain.domain}`);
    let template: Template | null = null;
    if (body.templateId !== undefined) {
      template = this.o.companies.getTemplate(company.id, body.templateId) ?? null;
      if (!template) throw upstreamError(404, 'Template not found');
    }
    return { body, domain: domain.domain, template };
  }

  async send(company: Company, raw: unknown): Promise<SendResponse> {
    this.checkTemplateVariables(company, asRecord(raw));
    const { body, domain, template } = this.validate(company, raw);
    const now = this.o.clock();
    const scheduledMs = body.scheduledAt !== undefined ? Date.parse(body.scheduledAt) : null;
    const delayed = scheduledMs !== null && scheduledMs > now;
    const recipients = body.recipients ?? [{ to: body.to!, variables: undefined }];

    const jobs: { job: JobRecord; to: string }[] = [];
    for (const recipient of recipients) {
      const variables = { ...body.variables, ...recipient.variables };
      const content = template
        ? await renderTemplate(template, { lang: body.lang, variables })
        : { subject: body.subject, html: body.html, text: body.text };
      const cc = ccList(body.cc);
      const mailLogId = randomUUID();
      const payload: DeliveryPayload = {
        sender: body.from,
        recipients: [recipient.to, ...cc],
        mail: {
          from: body.from,
          to: [recipient.to],
          cc,
          replyTo: body.replyTo,
          subject: content.subject,
          html: content.html,
          // With a template the body's text is kept (contract 5.6); otherwise the rendered alternative.
          text: body.text ?? content.text,
          messageId: `<${randomUUID()}@${domain}>`,
          inReplyTo: body.recipients ? undefined : body.inReplyTo,
          references: body.recipients ? undefined : body.references,
          headers: {
            'List-Unsubscribe': `<mailto:unsubscribe@${domain}?subject=unsubscribe>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            ...body.headers,
            'X-Sentroy-LogId': mailLogId,
          },
          attachments: (body.attachments ?? []).map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        },
      };
      const job = this.o.jobs.create({
        companyId: company.id,
        mailLogId,
        state: delayed ? 'delayed' : 'waiting',
        payload: JSON.stringify(payload),
        scheduledAt: delayed ? scheduledMs : null,
        now,
        log: { domainId: body.domainId, from: body.from, to: recipient.to, subject: content.subject },
      });
      jobs.push({ job, to: recipient.to });
    }

    // Immediate sends are delivered before answering, so a client that lists the INBOX right after sees the mail.
    if (!delayed) for (const { job } of jobs) await this.deliver(job);

    if (body.recipients) {
      const result: BatchSendResult = {
        totalQueued: jobs.length,
        totalSuppressed: 0,
        jobs: jobs.map(({ job, to }) => ({ jobId: String(job.id), mailLogId: job.mailLogId, to })),
      };
      return result;
    }
    const [first] = jobs;
    const result: SendResult = {
      jobId: String(first!.job.id),
      mailLogId: first!.job.mailLogId,
      status: delayed ? 'scheduled' : 'queued',
      scheduledAt: body.scheduledAt ?? null,
    };
    return result;
  }

  /** Deliver every delayed job that is due; returns how many were processed. The scheduler calls this. */
  async runDueJobs(): Promise<number> {
    const due = this.o.jobs.due(this.o.clock());
    for (const job of due) await this.deliver(job);
    return due.length;
  }

  private async deliver(job: JobRecord): Promise<void> {
    if (!this.o.jobs.markActive(job.id, this.o.clock())) return;
    try {
      const payload = JSON.parse(job.payload) as DeliveryPayload;
      const raw = await composeMime({
        ...payload.mail,
        date: new Date(this.o.clock()),
        attachments: payload.mail.attachments.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content, 'base64'),
          contentType: a.contentType,
        })),
      });
      if (this.o.companies.isHostedMailbox(payload.sender)) {
        await this.o.messages.ensureMailbox(payload.sender);
        await this.o.messages.append(payload.sender, 'Sent', raw, { seen: true });
      }
      for (const rcpt of new Set(payload.recipients.map((r) => r.toLowerCase()))) {
        if (!this.o.companies.isHostedMailbox(rcpt)) continue;
        await this.o.messages.ensureMailbox(rcpt);
        await this.o.messages.append(rcpt, 'INBOX', raw, { seen: false });
      }
      this.o.jobs.markCompleted(job.id, this.o.clock(), payload.mail.messageId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.o.log(`send job ${job.id} failed: ${reason}`);
      this.o.jobs.markFailed(job.id, this.o.clock(), reason);
    }
  }
}
