import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { PaneErrorBoundary } from '@web/components/errors/pane-error-boundary';
import { PageHeader } from '@web/components/ui/page-header';
import { templateQueryOptions, templatesQueryOptions } from '@web/lib/company-queries';
import { TemplatePreviewView } from '@web/features/templates/components/template-preview-view';
import { TemplatesList } from '@web/features/templates/components/templates-list';

export const templatesLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(templatesQueryOptions());
  return null;
};

export function TemplatesRoute() {
  return (
    <>
      <title>Templates · Sentroy Console</title>
      <PageHeader title="Templates" description="Your email templates, their languages and variables." />
      <PaneErrorBoundary title="The templates could not be shown.">
        <TemplatesList />
      </PaneErrorBoundary>
    </>
  );
}

export const templatePreviewLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (params.id) void queryClient.prefetchQuery(templateQueryOptions(params.id));
    return null;
  };

export function TemplatePreviewRoute() {
  const { id = '' } = useParams();
  return (
    <PaneErrorBoundary key={id} title="This template could not be shown.">
      <TemplatePreviewView id={id} />
    </PaneErrorBoundary>
  );
}
