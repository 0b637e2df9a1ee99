import { canSendFrom, parseMissingVariables, type ConsoleRole, type SendResponse } from '@contract/index';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@web/components/ui/button';
import { LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { isApiError } from '@web/lib/api-client';
import { formatBytes } from '@web/lib/format-bytes';
import { templateLanguages, toVariables, sectionsOf, uiLanguage } from '@web/lib/template-variables';
import { downloadOriginalAttachment, useOriginal, type OriginalRef } from '../api/get-original';
import { useDomains, useMailboxes, useTemplate } from '@web/lib/company-queries';
import { useSendMessage } from '../api/send-message';
import { useDraft, useStoredDraft } from '../hooks/use-draft';
import { buildSendRequest, senderDomain, type FieldErrors } from '../utils/build-send-request';
import { newDraft, type Draft, type DraftAttachment, type ReplyMode } from '../utils/draft';
import { replyFields } from '../utils/quote';
import type { DraftStore } from '../utils/draft-store';
import { fillSubject } from '../utils/fill-subject';
import { readFileAsBase64 } from '../utils/read-file';
import { AddressField } from './address-field';
import { AdvancedFields } from './advanced-fields';
import { AttachmentsField } from './attachments-field';
import { MessageBody } from './message-body';
import { SendResult } from './send-result';
import { TemplateBody } from './template-body';

const input =
  'mt-1 block w-full rounded-md border px-3 py-2 text-sm dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600';
const REPLY_MODES: readonly ReplyMode[] = ['reply', 'replyAll', 'forward'];

function useReplyRef(): { ref: OriginalRef | null; mode: ReplyMode; source: string } {
  const [params] = useSearchParams();
  const mailbox = params.get('replyTo');
  const uid = Number(params.get('uid'));
  const mode = (REPLY_MODES as readonly string[]).includes(params.get('mode') ?? '')
    ? (params.get('mode') as ReplyMode)
    : 'reply';
  const folder = params.get('folder') || 'INBOX';
  const ref = mailbox && Number.isInteger(uid) && uid > 0 ? { mailbox, folder, uid } : null;
  return { ref, mode, source: ref ? `${ref.mailbox}/${ref.folder}/${ref.uid}/${mode}` : '' };
}

/** Who is composing: the From choices are the mailboxes their role and grants let them send from. */
export interface ComposeSender {
  /** The console user's id: drafts are kept per user (hooks/use-draft.ts). */
  userId: string;
  role: ConsoleRole;
  mailboxGrants: readonly string[];
}

/** The compose page: waits for the saved draft (IndexedDB is asynchronous), then shows the form with it. */
export function ComposeView({ sender }: { sender: ComposeSender }) {
  const stored = useStoredDraft(sender.userId);
  if (!stored) return <LoadingState label="Opening your draft…" />;
  return <ComposeForm store={stored.store} initial={stored.initial} sender={sender} />;
}

/** The compose form: From, recipients, subject, body (message or template), attachments, advanced, send. */
function ComposeForm({ store, initial, sender: me }: { store: DraftStore; initial: Draft; sender: ComposeSender }) {
  const { draft, update, reset, savedAt, attachmentsKept, savedAttachments } = useDraft(store, initial);
  const mailboxesQuery = useMailboxes();
  const domainsQuery = useDomains();
  const templateQuery = useTemplate(draft.bodyMode === 'template' ? draft.templateId : '');
  const sendMutation = useSendMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [result, setResult] = useState<SendResponse | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const sending = useRef(false);
  const ids = { from: useId(), subject: useId(), fromNote: useId(), sendAnyway: useId() };
  /** The From address for which the user chose "Send anyway" despite its domain's status. */
  const [sendAnywayFrom, setSendAnywayFrom] = useState('');
  const reply = useReplyRef();
  const originalQuery = useOriginal(reply.ref && draft.replySource !== reply.source ? reply.ref : null);

  // The BFF already narrows a member's list to their grants and refuses any other `from`; this keeps the choices
  // honest if the list ever comes from a wider cache.
  const { role, mailboxGrants } = me;
  const mailboxes = useMemo(
    () => (mailboxesQuery.data ?? []).filter((m) => canSendFrom(role, mailboxGrants, m.email)),
    [mailboxesQuery.data, role, mailboxGrants],
  );
  const domains = useMemo(() => domainsQuery.data ?? [], [domainsQuery.data]);
  const sender = senderDomain(draft.from, { mailboxes, domains });
  const sendAnyway = sender.problem !== undefined && sendAnywayFrom === draft.from;

  // Files of a restored draft come back as Blobs: read them to base64 again, with the same progress as a new file.
  useEffect(() => {
    for (const attachment of initial.attachments) {
      if (attachment.content !== null || !attachment.blob) continue;
      readFileAsBase64(attachment.blob, (readBytes) => patchAttachment(attachment.id, { readBytes }))
        .then((content) => patchAttachment(attachment.id, { content, readBytes: attachment.size }))
        .catch(() => patchAttachment(attachment.id, { error: 'This file could not be read back from the draft' }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the draft this form started with
  }, []);

  // Reply / reply-all / forward from the inbox: fill the fields once per original (the draft remembers which).
  useEffect(() => {
    const original = originalQuery.data;
    if (!original || !reply.ref || draft.replySource === reply.source) return;
    const ref = reply.ref;
    reset({ ...newDraft(), ...replyFields(original, ref.mailbox, reply.mode), replySource: reply.source });
    if (reply.mode === 'forward') {
      for (const attachment of original.attachments) {
        const id = crypto.randomUUID();
        update((d) => ({
          attachments: [
            ...d.attachments,
            {
              id,
              filename: attachment.filename,
              contentType: attachment.contentType,
              size: attachment.size,
              content: null,
              readBytes: 0,
            },
          ],
        }));
        void downloadOriginalAttachment(ref, attachment)
          .then(async (blob) => {
            patchAttachment(id, { blob });
            return readFileAsBase64(blob);
          })
          .then((content) => patchAttachment(id, { content, readBytes: attachment.size }))
          .catch((error: unknown) =>
            patchAttachment(id, {
              error: `Could not fetch it: ${error instanceof Error ? error.message : 'unknown error'}`,
            }),
          );
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the original arrives, not on every keystroke
  }, [originalQuery.data]);

  function patchAttachment(id: string, patch: Partial<DraftAttachment>) {
    update((d) => ({ attachments: d.attachments.map((a) => (a.id === id ? { ...a, ...patch } : a)) }));
  }

  const addFiles = (files: File[]) => {
    for (const file of files) {
      const id = crypto.randomUUID();
      update((d) => ({
        attachments: [
          ...d.attachments,
          {
            id,
            filename: file.name,
            contentType: file.type,
            size: file.size,
            content: null,
            readBytes: 0,
            blob: file,
          },
        ],
      }));
      readFileAsBase64(file, (readBytes) => patchAttachment(id, { readBytes }))
        .then((content) => patchAttachment(id, { content, readBytes: file.size }))
        .catch(() => patchAttachment(id, { error: 'This file could not be read' }));
    }
  };

  const chooseTemplate = (templateId: string) => {
    update({ templateId, lang: '', variableInputs: {} });
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
    setResult(null);
    setProgress({ loaded: 0, total: 1 });
    sendMutation.mutate(
      { body: built.request, idempotencyKey: draft.idempotencyKey, onUploadProgress: setProgress },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setErrors({});
          reset();
        },
        onError: (error) => {
          const missing = parseMissingVariables(error.message);
          if (missing) {
            setErrors(
              Object.fromEntries(missing.map((n) => [`variables.${n}`, `Fill in ${n}: the platform needs it`])),
            );
          }
          setSendError(`Not sent: ${error.message}`);
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
  const attachmentBytes = draft.attachments.reduce((s, a) => s + a.size, 0);

  return (
    <form onSubmit={submit} noValidate aria-label="Compose" className="space-y-6">
      {result && <SendResult result={result} />}

      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={ids.from} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
            From
          </label>
          <select
            id={ids.from}
            value={draft.from}
            onChange={(e) => {
              update({ from: e.target.value });
              setSendAnywayFrom('');
              setErrors(({ from: _from, ...rest }) => rest);
            }}
            aria-invalid={errors.from || (sender.problem && !sendAnyway) ? true : undefined}
            aria-describedby={sender.problem || errors.from ? ids.fromNote : undefined}
            className={`${input} ${errors.from || (sender.problem && !sendAnyway) ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'} bg-white`}
          >
            <option value="">
              {mailboxesQuery.isPending
                ? 'Loading mailboxes…'
                : mailboxes.length === 0
                  ? 'No mailbox you may send from'
                  : 'Choose a mailbox…'}
            </option>
            {mailboxes.map((m) => (
              <option key={m.email} value={m.email}>
                {m.email}
              </option>
            ))}
          </select>
          {(errors.from || sender.problem) && (
            <div id={ids.fromNote} className="mt-1 text-sm text-red-700 dark:text-red-300">
              <p role="alert">
                {errors.from ?? sender.problem}
                {sender.problem && !sendAnyway ? ' Sending is blocked until it is verified.' : ''}
              </p>
              {sender.problem && sender.domain && (
                <p className="mt-1">
                  <Link to={paths.domain.getHref(sender.domain.id)} className="underline">
                    See what to fix for {sender.domain.domain}
                  </Link>
                </p>
              )}
            </div>
          )}
          {sender.problem && (
            <label
              htmlFor={ids.sendAnyway}
              className="mt-2 flex items-start gap-2 text-xs text-slate-700 dark:text-slate-200"
            >
              <input
                id={ids.sendAnyway}
                type="checkbox"
                className="mt-0.5"
                checked={sendAnyway}
                onChange={(e) => {
                  setSendAnywayFrom(e.target.checked ? draft.from : '');
                  setErrors(({ from: _from, ...rest }) => rest);
                }}
              />
              <span>
                Send anyway: the domain may have been verified since this page loaded. The platform checks it again and
                refuses the message if it is still not active.
              </span>
            </label>
          )}
          {sender.domain && !sender.problem && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">Sends through {sender.domain.domain}.</p>
          )}
        </div>
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
        <label htmlFor={ids.subject} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Subject
        </label>
        <input
          id={ids.subject}
          type="text"
          value={draft.subject}
          onChange={(e) => update({ subject: e.target.value })}
          placeholder={draft.bodyMode === 'template' ? (templateSubject ?? "The template's subject") : undefined}
          aria-invalid={errors.subject ? true : undefined}
          className={`${input} ${errors.subject ? 'border-red-600' : 'border-slate-300 dark:border-slate-600'}`}
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
            onTemplate={chooseTemplate}
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

      {originalQuery.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The original message could not be loaded: {originalQuery.error.message}
        </p>
      )}

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
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {savedAt ? `Draft saved ${savedAt.toLocaleTimeString()}` : ''}
          {savedAt && savedAttachments > 0
            ? ` with ${savedAttachments === 1 ? '1 attachment' : `${savedAttachments} attachments`}`
            : ''}
          {savedAt && !attachmentsKept && attachmentBytes > 0
            ? ' (the attachments could not be kept in the saved draft)'
            : ''}
        </span>
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={() => {
            reset();
            setErrors({});
            setSendError(null);
          }}
        >
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
