import { resolveLocalized, type Template, type TemplateVariables } from '@contract/index';
import { EmailPreviewPanel } from '@web/components/email/email-preview-panel';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useTemplatePreview } from '@web/lib/company-queries';

export interface TemplatePreviewProps {
  template: Template;
  lang: string | undefined;
  variables: TemplateVariables;
  label: string;
}

/** One language's rendering: the BFF's subject, body and warnings for these variables. */
export function TemplatePreview({ template, lang, variables, label }: TemplatePreviewProps) {
  const previewQuery = useTemplatePreview(template.id, lang, variables);
  if (previewQuery.isPending) return <LoadingState label="Rendering the preview…" />;
  if (previewQuery.isError) {
    return (
      <ErrorState
        title="Could not render the preview."
        message={previewQuery.error.message}
        onRetry={() => void previewQuery.refetch()}
      />
    );
  }
  const preview = previewQuery.data;
  return (
    <div className="space-y-3">
      {preview.warnings.length > 0 && (
        <div
          role="status"
          aria-label={`${label}: warnings`}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <p className="font-semibold">Warnings</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <EmailPreviewPanel
        label={label}
        subject={preview.subject}
        html={preview.html}
        text={preview.text}
        source={resolveLocalized(template.mjmlBody, preview.lang ?? undefined)}
        updating={previewQuery.isPlaceholderData || previewQuery.isFetching}
      />
    </div>
  );
}
