import type { Template } from '@contract/index';
import { useId, useMemo } from 'react';
import { EmailPreviewPanel } from '@web/components/email/email-preview-panel';
import { VariablesFields } from '@web/components/email/variables-fields';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useDebouncedValue } from '@web/lib/use-debounced-value';
import { sectionsOf, templateLanguages, templateName, toVariables, uiLanguage } from '@web/lib/template-variables';
import { useTemplatePreview, useTemplates } from '@web/lib/company-queries';
import { requiredVariables, type FieldErrors } from '../utils/build-send-request';

const select =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

export interface TemplateBodyProps {
  template: Template | undefined;
  templateId: string;
  lang: string;
  inputs: Record<string, string>;
  /** Templates of this domain (and those without a domain) are offered. */
  domainId: string | undefined;
  errors: FieldErrors;
  onTemplate: (id: string) => void;
  onLang: (lang: string) => void;
  onInput: (name: string, value: string) => void;
}

/** Body from a template: choose it and its language, fill one input per variable, see the rendering beside. */
export function TemplateBody(props: TemplateBodyProps) {
  const { template, templateId, lang, inputs, domainId, errors } = props;
  const templatesQuery = useTemplates();
  const ids = { template: useId(), lang: useId() };
  const offered = (templatesQuery.data ?? []).filter((t) => !domainId || !t.domainId || t.domainId === domainId);
  const languages = template ? templateLanguages(template) : [];
  const sections = useMemo(() => new Set(template ? sectionsOf(template).keys() : []), [template]);
  const names = template ? requiredVariables(template) : [];
  const debounced = useDebouncedValue(inputs, 300);
  const variables = useMemo(() => toVariables(debounced, sections).variables, [debounced, sections]);
  const previewQuery = useTemplatePreview(templateId, lang || undefined, variables);

  const fieldErrors = Object.fromEntries(names.map((n) => [n, errors[`variables.${n}`]]));
  const notes = Object.fromEntries(
    (previewQuery.data?.warnings ?? []).filter((w) => w.variable).map((w) => [w.variable!, w.message]),
  );

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <div className="space-y-4">
        <label htmlFor={ids.template} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Template
          <select
            id={ids.template}
            value={templateId}
            onChange={(e) => props.onTemplate(e.target.value)}
            aria-invalid={errors.templateId ? true : undefined}
            className={select}
          >
            <option value="">Choose a template…</option>
            {offered.map((t) => (
              <option key={t.id} value={t.id}>
                {templateName(t, uiLanguage())}
              </option>
            ))}
          </select>
        </label>
        {errors.templateId && <p className="text-sm text-red-700 dark:text-red-300">{errors.templateId}</p>}
        {templatesQuery.isError && <p className="text-sm text-red-700">{templatesQuery.error.message}</p>}
        {template && languages.length > 0 && (
          <label htmlFor={ids.lang} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
            Language
            <select id={ids.lang} value={lang} onChange={(e) => props.onLang(e.target.value)} className={select}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
        {template && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">Variables</legend>
            <VariablesFields
              names={names}
              sections={sections}
              values={inputs}
              errors={fieldErrors}
              notes={notes}
              onChange={props.onInput}
            />
          </fieldset>
        )}
      </div>
      <div className="min-w-0">
        {!templateId ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">The rendered message appears here.</p>
        ) : previewQuery.isPending ? (
          <LoadingState label="Rendering the preview…" />
        ) : previewQuery.isError ? (
          <ErrorState title="Could not render the preview." message={previewQuery.error.message} />
        ) : (
          <EmailPreviewPanel
            label="What will be sent"
            subject={previewQuery.data.subject}
            html={previewQuery.data.html}
            text={previewQuery.data.text}
            updating={previewQuery.isFetching}
          />
        )}
      </div>
    </div>
  );
}
