import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { formatDateTime } from '@web/lib/format-date';
import { templateLanguages, templateName, uiLanguage } from '@web/lib/template-variables';
import { useDomains, useTemplates } from '@web/lib/company-queries';

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-4 py-3 align-top text-sm text-slate-700 dark:text-slate-200';

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
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
            <caption className="sr-only">Email templates of your company</caption>
            <thead className="bg-slate-50 dark:bg-slate-900">
              <tr>
                <th scope="col" className={th}>
                  Name
                </th>
                <th scope="col" className={th}>
                  Languages
                </th>
                <th scope="col" className={th}>
                  Variables
                </th>
                <th scope="col" className={th}>
                  Domain
                </th>
                <th scope="col" className={th}>
                  Updated
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-800 dark:bg-slate-950">
              {shown.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    <Link
                      to={paths.template.getHref(t.id)}
                      className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                    >
                      {templateName(t, lang)}
                    </Link>
                  </th>
                  <td className={td}>{templateLanguages(t).join(', ') || 'one language'}</td>
                  <td className={`${td} font-mono text-xs`}>{t.variables.join(', ') || '—'}</td>
                  <td className={td}>{domainName(t.domainId)}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    <time dateTime={t.updatedAt}>{formatDateTime(t.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
