import type { Template } from '@contract/index';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { VariablesFields } from '@web/components/email/variables-fields';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { useDebouncedValue } from '@web/lib/use-debounced-value';
import {
  sampleInputs,
  sectionsOf,
  templateLanguages,
  templateName,
  toVariables,
  uiLanguage,
} from '@web/lib/template-variables';
import { useTemplate } from '@web/lib/company-queries';
import { SendTestForm } from './send-test-form';
import { TemplatePreview } from './template-preview';

const PREVIEW_DEBOUNCE_MS = 300;

/** The preview page's content; the h1 is there from the first render so route focus has somewhere to land. */
export function TemplatePreviewView({ id }: { id: string }) {
  const templateQuery = useTemplate(id);
  const name = templateQuery.data ? templateName(templateQuery.data, uiLanguage()) : undefined;
  return (
    <>
      <title>{`${name ?? 'Template'} · Templates · Sentroy Console`}</title>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link
          to={paths.templates.getHref()}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          <span aria-hidden="true">← </span>All templates
        </Link>
      </nav>
      <PageHeader title={name ?? 'Template'} description="Preview with your own values, in every language." />
      {templateQuery.isPending ? (
        <LoadingState label="Loading the template…" />
      ) : templateQuery.isError ? (
        <ErrorState
          title="Could not load this template."
          message={templateQuery.error.message}
          onRetry={() => void templateQuery.refetch()}
        />
      ) : (
        <TemplateWorkbench template={templateQuery.data} />
      )}
    </>
  );
}

function TemplateWorkbench({ template }: { template: Template }) {
  const languages = useMemo(() => templateLanguages(template), [template]);
  const sections = useMemo(() => new Set(sectionsOf(template).keys()), [template]);
  const [inputs, setInputs] = useState(() => sampleInputs(template));
  const [lang, setLang] = useState<string | undefined>(() =>
    languages.includes(uiLanguage()) ? uiLanguage() : languages.includes('en') ? 'en' : languages[0],
  );
  const [sideBySide, setSideBySide] = useState(false);
  const debouncedInputs = useDebouncedValue(inputs, PREVIEW_DEBOUNCE_MS);
  const parsed = useMemo(() => toVariables(debouncedInputs, sections), [debouncedInputs, sections]);
  const liveErrors = useMemo(() => toVariables(inputs, sections).errors, [inputs, sections]);
  const names = Object.keys(inputs);
  const tabsId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (index + delta + languages.length) % languages.length;
    setLang(languages[next]);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
      <div className="space-y-6">
        <section aria-labelledby="variables-heading">
          <h2 id="variables-heading" className="mb-3 text-lg font-semibold text-slate-900 dark:text-slate-50">
            Variables
          </h2>
          <VariablesFields
            names={names}
            sections={sections}
            values={inputs}
            errors={liveErrors}
            onChange={(name, value) => setInputs((prev) => ({ ...prev, [name]: value }))}
          />
        </section>
        <SendTestForm template={template} lang={lang} variables={parsed.variables} />
      </div>

      <section aria-labelledby="preview-heading" className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="preview-heading" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
            Preview
          </h2>
          {languages.length > 1 && (
            <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
              <input type="checkbox" checked={sideBySide} onChange={(e) => setSideBySide(e.target.checked)} />
              All languages side by side
            </label>
          )}
        </div>

        {sideBySide ? (
          <div className="grid gap-6 xl:grid-cols-2">
            {languages.map((l) => (
              <div key={l} className="min-w-0 space-y-2">
                <h3 className="text-sm font-semibold text-slate-800 uppercase dark:text-slate-100">{l}</h3>
                <TemplatePreview template={template} lang={l} variables={parsed.variables} label={`Preview in ${l}`} />
              </div>
            ))}
          </div>
        ) : (
          <>
            {languages.length > 0 && (
              <div
                role="tablist"
                aria-label="Language"
                className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
              >
                {languages.map((l, index) => (
                  <button
                    key={l}
                    ref={(el) => {
                      tabRefs.current[index] = el;
                    }}
                    type="button"
                    role="tab"
                    id={`${tabsId}-${l}`}
                    aria-selected={lang === l}
                    aria-controls={`${tabsId}-panel`}
                    tabIndex={lang === l ? 0 : -1}
                    onClick={() => setLang(l)}
                    onKeyDown={(e) => onTabKey(e, index)}
                    className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 aria-selected:border-indigo-600 aria-selected:text-indigo-800 dark:text-slate-200 dark:aria-selected:text-indigo-200"
                  >
                    {l}
                  </button>
                ))}
              </div>
            )}
            <div
              role={languages.length > 0 ? 'tabpanel' : undefined}
              id={`${tabsId}-panel`}
              aria-labelledby={lang ? `${tabsId}-${lang}` : undefined}
            >
              <TemplatePreview
                template={template}
                lang={lang}
                variables={parsed.variables}
                label={`Preview${lang ? ` in ${lang}` : ''}`}
              />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
