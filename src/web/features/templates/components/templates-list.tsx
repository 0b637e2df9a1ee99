import type { Template } from '@contract/index';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { formatDateTime } from '@web/lib/format-date';
import { templateLanguages, templateName, uiLanguage } from '@web/lib/template-variables';
import { useDomains, useTemplates } from '@web/lib/company-queries';

/** Every template: name in the UI language (falling back), languages, variables, domain, updated; search by name. */
export function TemplatesList() {
  const templatesQuery = useTemplates();
  const domainsQuery = useDomains();
  const [search, setSearch] = useState('');
  const searchId = useId();
  const lang = uiLanguage();

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = templatesQuery.data ?? [];
    if (!needle) return all;
    // Any language's name matches: people search in the language they know the template by.
    return all.filter((t) =>
      (typeof t.name === 'string' ? [t.name] : Object.values(t.name)).some((n) => n.toLowerCase().includes(needle)),
    );
  }, [templatesQuery.data, search]);

  if (templatesQuery.isPending) return <LoadingState label="Loading templates…" />;
  if (templatesQuery.isError) {
    return (
      <ErrorState
        title="Could not load the templates."
        message={templatesQuery.error.message}
        onRetry={() => void templatesQuery.refetch()}
      />
    );
  }
  const domainName = (id: string | null) =>
    id === null ? 'No domain' : (domainsQuery.data?.find((d) => d.id === id)?.domain ?? id);
  const columns: DataTableColumn<Template>[] = [
    {
      id: 'name',
      header: 'Name',
      rowHeader: true,
      cell: (t) => (
        <Link
          to={paths.template.getHref(t.id)}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          {templateName(t, lang)}
        </Link>
      ),
    },
    { id: 'languages', header: 'Languages', cell: (t) => templateLanguages(t).join(', ') || 'one language' },
    {
      id: 'variables',
      header: 'Variables',
      className: 'font-mono text-xs',
      cell: (t) => t.variables.join(', ') || '—',
    },
    { id: 'domain', header: 'Domain', cell: (t) => domainName(t.domainId) },
    {
      id: 'updated',
      header: 'Updated',
      className: 'md:whitespace-nowrap',
      cell: (t) => <time dateTime={t.updatedAt}>{formatDateTime(t.updatedAt)}</time>,
    },
  ];

  return (
    <div className="space-y-4">
      <label htmlFor={searchId} className="block max-w-sm text-sm font-medium text-slate-800 dark:text-slate-100">
        Search templates by name
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      {shown.length === 0 ? (
        <EmptyState title={search ? 'No template matches' : 'No templates yet'}>
          <p>{search ? `Nothing is named like “${search}”.` : 'Templates made in Sentroy appear here.'}</p>
        </EmptyState>
      ) : (
        <DataTable caption="Email templates of your company" columns={columns} rows={shown} rowKey={(t) => t.id} />
      )}
    </div>
  );
}
