import { canReadMailbox, canSendFrom, parseMissingVariables, type SendResponse } from '@contract/index';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button } from '@web/components/ui/button';
import { isApiError } from '@web/lib/api-client';
import { formatBytes } from '@web/lib/format-bytes';
import { useDomains, useMailboxes, useTemplate } from '@web/lib/company-queries';
import { templateLanguages, toVariables, sectionsOf, uiLanguage } from '@web/lib/template-variables';
import { createDraftServer } from '../api/drafts';
import { useSendMessage } from '../api/send-message';
import { useDraft } from '../hooks/use-draft';
import { buildSendRequest, senderDomain, type FieldErrors } from '../utils/build-send-request';
import type { Draft, DraftAttachment } from '../utils/draft';
import type { DraftBuffer } from '../utils/draft-store';
import { fillSubject } from '../utils/fill-subject';
import { readFileAsBase64 } from '../utils/read-file';
import { AddressField } from './address-field';
import { AdvancedFields } from './advanced-fields';
import { AttachmentsField } from './attachments-field';
import type { ComposeSender } from './compose-view';
import { DraftStatus } from './draft-status';
import { FromField, inputClass } from './from-field';
import { MessageBody } from './message-body';
import { TemplateBody } from './template-body';

/** How a draft ended: sent (with the platform's answer) or discarded; `warning` when its Drafts copy stayed. */
export interface ComposeOutcome {
  result: SendResponse | null;
  warning?: string;
}

export interface ComposeFormProps {
  initial: Draft;
  buffer: DraftBuffer;
  sender: ComposeSender;
  /** A save reached the Drafts folder of `mailbox`. */
  onSaved: (mailbox: string) => void;
  /** The draft is done: compose moves on to a new one. */
  onDone: (outcome: ComposeOutcome) => void;
}

/** The compose form: From, recipients, subject, body (message or template), attachments, advanced, send. */
export function ComposeForm({ initial, buffer, sender: me, onSaved, onDone }: ComposeFormProps) {
  const queryClient = useQueryClient();
  const server = useMemo(() => createDraftServer(queryClient), [queryClient]);
  const { role, mailboxGrants } = me;
  const { draft, update, state, finish } = useDraft(initial, {
    buffer,
    server,
    // Replacing a copy means listing and deleting in Drafts: an inbox right, which operators have per grant.
    canUseDrafts: (mailbox) =>
      canReadMailbox(role, mailboxGrants, mailbox) && canSendFrom(role, mailboxGrants, mailbox),
    onSaved,
  });
  const mailboxesQuery = useMailboxes();
  const domainsQuery = useDomains();
  const templateQuery = useTemplate(draft.bodyMode === 'template' ? draft.templateId : '');
  const sendMutation = useSendMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const sending = useRef(false);
  const subjectId = useId();
  /** The From address for which the user chose "Send anyway" despite its domain's status. */
  const [sendAnywayFrom, setSendAnywayFrom] = useState('');

  // The BFF already narrows a member's list to their grants and refuses any other `from`; this keeps the choices
  // honest if the list ever comes from a wider cache.
  const mailboxes = useMemo(
    () => (mailboxesQuery.data ?? []).filter((m) => canSendFrom(role, mailboxGrants, m.email)),
    [mailboxesQuery.data, role, mailboxGrants],
  );
  const domains = useMemo(() => domainsQuery.data ?? [], [domainsQuery.data]);
  const sender = senderDomain(draft.from, { mailboxes, domains });
  const sendAnyway = sender.problem !== undefined && sendAnywayFrom === draft.from;

  function patchAttachment(id: string, patch: Partial<DraftAttachment>, options?: { quiet: boolean }) {
    update((d) => ({ attachments: d.attachments.map((a) => (a.id === id ? { ...a, ...patch } : a)) }), options);
  }

  // Files of a restored or forwarded draft come as Blobs: read them to base64, with the same progress as a new file.
  // Reading them back is not an edit: a draft opened from Drafts is not saved again just for that.
  useEffect(() => {
    const quiet = { quiet: true };
    for (const attachment of initial.attachments) {
      if (attachment.content !== null || !attachment.blob || attachment.error) continue;
      readFileAsBase64(attachment.blob, (readBytes) => patchAttachment(attachment.id, { readBytes }, quiet))
        .then((content) => patchAttachment(attachment.id, { content, readBytes: attachment.size }, quiet))
        .catch(() =>
          patchAttachment(attachment.id, { error: 'This file could not be read back from the draft' }, quiet),
        );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the draft this form started with
  }, []);

  const addFiles = (files: File[]) => {
    for (const file of files) {
      const id = crypto.randomUUID();
      const added: DraftAttachment = {
        id,
        filename: file.name,
        contentType: file.type,
        size: file.size,
        content: null,
        readBytes: 0,
        blob: file,
      };
      update((d) => ({ attachments: [...d.attachments, added] }));
      readFileAsBase64(file, (readBytes) => patchAttachment(id, { readBytes }))
        .then((content) => patchAttachment(id, { content, readBytes: file.size }))
        .catch(() => patchAttachment(id, { error: 'This file could not be read' }));
    }
  };

  // Default language once the template is known: the UI language if it has it, else en, else its first.
  const template = templateQuery.data;
  useEffect(() => {
    if (!template || draft.lang) return;
    const langs = templateLanguages(template);
    const lang = langs.includes(uiLanguage()) ? uiLanguage() : langs.includes('en') ? 'en' : (langs[0] ?? '');
    if (lang) update({ lang });
  }, [template, draft.lang, update]);

  const templateSubject = useMemo(() => {
    if (!template) return undefined;
    const sections = new Set(sectionsOf(template).keys());
    return fillSubject(template, draft.lang || undefined, toVariables(draft.variableInputs, sections).variables);
  }, [template, draft.lang, draft.variableInputs]);

  /** The draft is done: its copies leave Drafts (after any save in flight), then compose starts a new one. */
  const close = (result: SendResponse | null) => {
    finish().then(
      () => onDone({ result }),
      (error: unknown) =>
        onDone({
          result,
          warning: `Its copy in Drafts could not be deleted (${error instanceof Error ? error.message : 'unknown error'}): delete it from the Drafts folder.`,
        }),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // One click sends once: a second click while the first is on its way does nothing here, and the BFF answers a
    // repeat of the same Idempotency-Key with the first result anyway.
    if (sending.current) return;
    const built = buildSendRequest(draft, {
      mailboxes,
      domains,
      template,
      templateSubject,
      now: Date.now(),
      allowInactiveDomain: sendAnyway,
    });
    setErrors(built.errors);
    setSendError(null);
    if (!built.request) {
      setSendError('Not sent: fix the marked fields first.');
      return;
    }
    sending.current = true;
    setProgress({ loaded: 0, total: 1 });
    sendMutation.mutate(
      { body: built.request, idempotencyKey: draft.idempotencyKey, onUploadProgress: setProgress },
      {
        onSuccess: (answer) => close(answer),
        onError: (error) => {
          const missing = parseMissingVariables(error.message);
          if (missing) {
            setErrors(
              Object.fromEntries(missing.map((n) => [`variables.${n}`, `Fill in ${n}: the platform needs it`])),
            );
          }
          // The draft stays, in Drafts and here: autosave carries on.
          setSendError(`Not sent: ${error.message}. The draft is kept.`);
          // A 5xx or a lost connection leaves doubt; sending again is the user's explicit choice, with a new key.
          if (!isApiError(error) || error.status === 0 || error.status >= 500) {
            update({ idempotencyKey: crypto.randomUUID() });
          }
        },
        onSettled: () => {
          sending.current = false;
          setProgress(null);
        },
      },
    );
  };

  const percent = progress ? Math.round((progress.loaded / Math.max(1, progress.total)) * 100) : 0;

  return (
    <form onSubmit={submit} noValidate aria-label="Compose" className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <FromField
          value={draft.from}
          mailboxes={mailboxes}
          loading={mailboxesQuery.isPending}
          error={errors.from}
          problem={sender.problem}
          domain={sender.domain}
          sendAnyway={sendAnyway}
          onChange={(from) => {
            update({ from });
            setSendAnywayFrom('');
            setErrors(({ from: _from, ...rest }) => rest);
          }}
          onSendAnyway={(checked) => {
            setSendAnywayFrom(checked ? draft.from : '');
            setErrors(({ from: _from, ...rest }) => rest);
          }}
        />
        <AddressField
          label="To"
          addresses={draft.to}
          onChange={(to) => update({ to })}
          error={errors.to}
          hint={
            draft.to.length > 1
              ? `Each of the ${draft.to.length} recipients gets their own message; they do not see each other.`
              : 'Separate several addresses with commas or semicolons.'
          }
        />
        <AddressField label="Cc" addresses={draft.cc} onChange={(cc) => update({ cc })} error={errors.cc} />
        <AddressField
          label="Reply-To"
          addresses={draft.replyTo}
          onChange={(replyTo) => update({ replyTo })}
          error={errors.replyTo}
          max={1}
        />
      </div>

      <div>
        <label htmlFor={subjectId} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Subject
        </label>
        <input
          id={subjectId}
          type="text"
          value={draft.subject}
          onChange={(e) => update({ subject: e.target.value })}
          placeholder={draft.bodyMode === 'template' ? (templateSubject ?? "The template's subject") : undefined}
          aria-invalid={errors.subject ? true : undefined}
          className={`${inputClass} ${errors.subject ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'}`}
        />
        {errors.subject && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.subject}</p>}
      </div>

      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">Body</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="body-mode"
              checked={draft.bodyMode === 'message'}
              onChange={() => update({ bodyMode: 'message' })}
            />
            Write a message
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="body-mode"
              checked={draft.bodyMode === 'template'}
              onChange={() => update({ bodyMode: 'template' })}
            />
            Use a template
          </label>
        </div>
        {draft.bodyMode === 'message' ? (
          <MessageBody
            markdown={draft.markdown}
            subject={draft.subject}
            onChange={(markdown) => update({ markdown })}
            quote={draft.quote ?? ''}
            onQuoteChange={(quote) => update({ quote })}
            error={errors.body}
          />
        ) : (
          <TemplateBody
            template={template}
            templateId={draft.templateId}
            lang={draft.lang}
            inputs={draft.variableInputs}
            domainId={sender.domainId}
            errors={errors}
            onTemplate={(templateId) => update({ templateId, lang: '', variableInputs: {} })}
            onLang={(lang) => update({ lang })}
            onInput={(name, value) => update((d) => ({ variableInputs: { ...d.variableInputs, [name]: value } }))}
          />
        )}
      </fieldset>

      <AttachmentsField
        attachments={draft.attachments}
        onAdd={addFiles}
        onRemove={(id) => update((d) => ({ attachments: d.attachments.filter((a) => a.id !== id) }))}
        error={errors.attachments}
      />

      <AdvancedFields
        scheduledAt={draft.scheduledAt}
        headers={draft.headers}
        inReplyTo={draft.inReplyTo}
        references={draft.references}
        errors={errors}
        onScheduledAt={(scheduledAt) => update({ scheduledAt })}
        onHeaders={(headers) => update({ headers })}
      />

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button type="submit" disabled={sendMutation.isPending}>
          {sendMutation.isPending ? 'Sending…' : draft.scheduledAt ? 'Schedule' : 'Send'}
        </Button>
        {progress && (
          <div className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
            <progress max={100} value={percent} aria-label="Upload progress" className="h-2 w-48" />
            <span>
              {percent}% of {formatBytes(progress.total)}
            </span>
          </div>
        )}
        <DraftStatus state={state} />
        {/* Deletes the draft from Drafts as well: destructive, so it looks it. */}
        <Button variant="danger" className="ml-auto" disabled={sendMutation.isPending} onClick={() => close(null)}>
          Discard draft
        </Button>
      </div>
      {sendError && (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {sendError}
        </p>
      )}
    </form>
  );
}
