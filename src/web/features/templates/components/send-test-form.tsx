import { emailSchema, type Template, type TemplateVariables } from '@contract/index';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@web/components/ui/button';
import { useMailboxes } from '@web/lib/company-queries';
import { useSendTest } from '../api/send-test';
import { useTemplatePreview } from '@web/lib/company-queries';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Sends the rendered template, in the chosen language with these values, to one address through `POST /api/send`. */
export function SendTestForm({
  template,
  lang,
  variables,
}: {
  template: Template;
  lang: string | undefined;
  variables: TemplateVariables;
}) {
  const mailboxesQuery = useMailboxes();
  const previewQuery = useTemplatePreview(template.id, lang, variables);
  const sendMutation = useSendTest();
  const senders = (mailboxesQuery.data ?? []).filter((m) => !template.domainId || m.domainId === template.domainId);
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const [toError, setToError] = useState<string | undefined>();
  const ids = { to: useId(), from: useId(), error: useId() };
  const chosenFrom = from || senders[0]?.email || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!emailSchema.safeParse(to.trim()).success) {
      setToError('Enter a valid email address');
      return;
    }
    setToError(undefined);
    const domainId = template.domainId ?? senders.find((m) => m.email === chosenFrom)?.domainId;
    if (!domainId || !chosenFrom) return;
    sendMutation.mutate({
      body: {
        from: chosenFrom,
        to: to.trim(),
        domainId,
        subject: previewQuery.data?.subject ?? resolveSubject(template),
        templateId: template.id,
        lang,
        variables,
      },
      idempotencyKey: crypto.randomUUID(),
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${ids.to}-heading`}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id={`${ids.to}-heading`} className="text-lg font-semibold text-slate-900 dark:text-slate-50">
        Send test
      </h2>
      <label htmlFor={ids.from} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
        From
        <select id={ids.from} value={chosenFrom} onChange={(e) => setFrom(e.target.value)} className={input}>
          {senders.map((m) => (
            <option key={m.email} value={m.email}>
              {m.email}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.to} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
        Send a test to
        <input
          id={ids.to}
          type="email"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={toError ? true : undefined}
          aria-describedby={toError ? ids.error : undefined}
          className={input}
        />
      </label>
      {toError && (
        <p id={ids.error} className="text-sm text-red-700 dark:text-red-300">
          {toError}
        </p>
      )}
      <Button type="submit" disabled={sendMutation.isPending || senders.length === 0}>
        {sendMutation.isPending ? 'Sending…' : 'Send test'}
      </Button>
      <div role="status" className="text-sm">
        {sendMutation.isSuccess && (
          <p className="text-emerald-800 dark:text-emerald-200">
            Test sent
            {'jobId' in sendMutation.data
              ? ` (job ${sendMutation.data.jobId}, status ${sendMutation.data.status})`
              : ''}
            .
          </p>
        )}
      </div>
      {sendMutation.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The test was not sent: {sendMutation.error.message}
        </p>
      )}
    </form>
  );
}

function resolveSubject(template: Template): string {
  return typeof template.subject === 'string' ? template.subject : (Object.values(template.subject)[0] ?? template.id);
}
