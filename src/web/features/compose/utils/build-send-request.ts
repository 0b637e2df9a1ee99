import {
  MAX_ATTACHMENT_BYTES,
  RESERVED_HEADER_NAMES,
  type Domain,
  type Mailbox,
  type SendRequest,
  type Template,
  type TemplateVariables,
} from '@contract/index';
import { formatBytes } from '@web/lib/format-bytes';
import { markdownToHtml } from '@web/lib/markdown';
import { sectionsOf, toVariables } from '@web/lib/template-variables';
import type { Draft } from './draft';
import { quoteToHtml } from './quote';

export type FieldErrors = Partial<Record<string, string>>;

export interface SendContext {
  /** The mailboxes the user may send from (role and grants already applied). */
  mailboxes: readonly Mailbox[];
  domains: readonly Domain[];
  template: Template | undefined;
  /** The rendered subject of the chosen template, used when the subject field is left empty. */
  templateSubject: string | undefined;
  now: number;
  /** The user chose "Send anyway" for a From whose domain is not active: the platform decides. */
  allowInactiveDomain?: boolean;
}

/**
 * A written message as the email's HTML document and its plain-text alternative: the user's Markdown, then the
 * quoted original of a reply or forward. The quote is plain text and only ever escaped into the HTML
 * (utils/quote.ts), never read as Markdown.
 */
export function messageBody(markdown: string, quote = ''): { html: string; text: string } {
  const quoted = quote.trim() ? quote.trimEnd() : '';
  const html =
    '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"></head>\n<body style="font-family: Helvetica, Arial, sans-serif; line-height: 1.5">\n' +
    markdownToHtml(markdown) +
    (quoted ? `\n${quoteToHtml(quoted)}` : '') +
    '\n</body>\n</html>';
  // The Markdown exactly as written (drafts/draft-message.ts finds the quote again by its length), then the quote.
  const text = quoted ? (markdown.trim() ? `${markdown}\n\n${quoted}` : quoted) : markdown;
  return { html, text };
}

/** The template variables a send must fill: declared ones and sections. */
export function requiredVariables(template: Template): string[] {
  return [...new Set([...template.variables, ...sectionsOf(template).keys()])];
}

export function templateVariables(
  draft: Draft,
  template: Template,
): { variables: TemplateVariables; errors: FieldErrors } {
  const sections = new Set(sectionsOf(template).keys());
  const inputs = Object.fromEntries(requiredVariables(template).map((n) => [n, draft.variableInputs[n] ?? '']));
  const parsed = toVariables(inputs, sections);
  const errors: FieldErrors = {};
  for (const [name, message] of Object.entries(parsed.errors)) errors[`variables.${name}`] = message;
  for (const name of requiredVariables(template)) {
    const value = parsed.variables[name];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty && !errors[`variables.${name}`]) errors[`variables.${name}`] = `Fill in ${name}: the template needs it`;
  }
  return { variables: parsed.variables, errors };
}

/** The domain a mailbox sends from, and why sending would be refused if it is not active. */
export function senderDomain(from: string, ctx: Pick<SendContext, 'mailboxes' | 'domains'>) {
  const mailbox = ctx.mailboxes.find((m) => m.email === from);
  const domain = ctx.domains.find((d) => d.id === mailbox?.domainId || d.domain === mailbox?.domain);
  const problem =
    mailbox && !domain
      ? `The domain of ${from} is not among your domains: the platform will refuse to send.`
      : domain && domain.status !== 'active'
        ? `The domain ${domain.domain} is ${domain.status}, not active: the platform refuses to send from it until SPF, DKIM and DMARC verify.`
        : undefined;
  return { mailbox, domain, domainId: mailbox?.domainId ?? domain?.id, problem };
}

/** Everything checked before sending; the request, or the errors per field (nothing is sent then). */
export function buildSendRequest(draft: Draft, ctx: SendContext): { request?: SendRequest; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { mailbox, domainId, problem } = senderDomain(draft.from, ctx);
  if (!draft.from) errors.from = 'Choose the mailbox to send from';
  else if (!mailbox) errors.from = `You cannot send from ${draft.from}: choose one of your mailboxes`;
  else if (!domainId) errors.from = `No domain found for ${draft.from}`;
  else if (problem && !ctx.allowInactiveDomain) errors.from = problem;
  if (draft.to.length === 0) errors.to = 'Add at least one recipient';
  if (draft.replyTo.length > 1) errors.replyTo = 'Only one Reply-To address is possible';

  let content: Pick<SendRequest, 'templateId' | 'lang' | 'variables' | 'html' | 'text'> = {};
  let subject = draft.subject.trim();
  if (draft.bodyMode === 'template') {
    if (!ctx.template) errors.templateId = 'Choose a template';
    else {
      const { variables, errors: variableErrors } = templateVariables(draft, ctx.template);
      Object.assign(errors, variableErrors);
      content = { templateId: ctx.template.id, lang: draft.lang || undefined, variables };
      subject ||= ctx.templateSubject ?? '';
    }
  } else {
    // A forward may go without a word of its own; a reply that only quotes is almost always a slip.
    const forward = draft.replySource.endsWith('/forward');
    if (!draft.markdown.trim() && !(forward && draft.quote?.trim())) errors.body = 'Write a message';
    content = messageBody(draft.markdown, draft.quote);
  }
  if (!subject) errors.subject = 'Add a subject';

  const pending = draft.attachments.filter((a) => a.content === null);
  const total = draft.attachments.reduce((sum, a) => sum + a.size, 0);
  if (pending.length > 0) errors.attachments = 'Wait until every file has been read';
  else if (draft.attachments.some((a) => a.error)) errors.attachments = 'Remove the files that could not be read';
  else if (total > MAX_ATTACHMENT_BYTES)
    errors.attachments = `Attachments are ${formatBytes(total)}: at most ${formatBytes(MAX_ATTACHMENT_BYTES)} in total`;

  let scheduledAt: string | undefined;
  if (draft.scheduledAt) {
    const at = new Date(draft.scheduledAt);
    if (Number.isNaN(at.getTime())) errors.scheduledAt = 'Enter a valid date and time';
    else if (at.getTime() <= ctx.now) errors.scheduledAt = 'Choose a time in the future';
    else scheduledAt = at.toISOString();
  }

  const headers: Record<string, string> = {};
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!/^[!-9;-~]+$/.test(name))
      errors[`headers.${row.id}`] = 'Header names are printable ASCII without ":" or spaces';
    else if ((RESERVED_HEADER_NAMES as readonly string[]).includes(name.toLowerCase()))
      errors[`headers.${row.id}`] = `${name} is set by the platform and cannot be overridden`;
    else if (/[\r\n]/.test(row.value)) errors[`headers.${row.id}`] = 'Header values must be on one line';
    else headers[name] = row.value;
  }

  if (Object.keys(errors).length > 0) return { errors };
  const request: SendRequest = {
    from: draft.from,
    domainId: domainId!,
    subject,
    ...(draft.to.length === 1 ? { to: draft.to[0] } : { recipients: draft.to.map((to) => ({ to })) }),
    ...(draft.cc.length > 0 ? { cc: draft.cc.join(', ') } : {}),
    ...(draft.replyTo[0] ? { replyTo: draft.replyTo[0] } : {}),
    ...content,
    ...(draft.attachments.length > 0
      ? {
          attachments: draft.attachments.map((a) => ({
            filename: a.filename,
            content: a.content!,
            contentType: a.contentType || 'application/octet-stream',
          })),
        }
      : {}),
    ...(scheduledAt ? { scheduledAt } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
    ...(draft.references.length > 0 ? { references: draft.references } : {}),
  };
  return { request, errors };
}
