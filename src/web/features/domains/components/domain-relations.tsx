import { resolveLocalized } from '@contract/index';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { useMailboxes, useTemplates } from '@web/lib/company-queries';

const h2 = 'mb-3 text-lg font-semibold text-slate-900 dark:text-slate-50';
const link = 'text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

/** The mailboxes and templates that belong to a domain, each pane loading and failing on its own. */
export function DomainRelations({ domainId, domainName }: { domainId: string; domainName: string }) {
  const mailboxesQuery = useMailboxes();
  const templatesQuery = useTemplates(domainId);
  const mailboxes = mailboxesQuery.data?.filter((m) => m.domainId === domainId || m.domain === domainName) ?? [];

  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="domain-mailboxes-heading">
        <h2 id="domain-mailboxes-heading" className={h2}>
          Mailboxes
        </h2>
        {mailboxesQuery.isPending ? (
          <LoadingState label="Loading mailboxes…" />
        ) : mailboxesQuery.isError ? (
          <ErrorState title="Could not load the mailboxes." message={mailboxesQuery.error.message} />
        ) : mailboxes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No mailboxes on this domain.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {mailboxes.map((m) => (
              <li key={m.email}>
                <Link className={link} to={`${paths.inbox.getHref()}?mailbox=${encodeURIComponent(m.email)}`}>
                  {m.email}
                </Link>
                {m.isCatchAll && <span className="ml-2 text-slate-500 dark:text-slate-400">(catch-all)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="domain-templates-heading">
        <h2 id="domain-templates-heading" className={h2}>
          Templates
        </h2>
        {templatesQuery.isPending ? (
          <LoadingState label="Loading templates…" />
        ) : templatesQuery.isError ? (
          <ErrorState title="Could not load the templates." message={templatesQuery.error.message} />
        ) : templatesQuery.data.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No templates on this domain.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {templatesQuery.data.map((t) => (
              <li key={t.id}>
                <Link className={link} to={paths.template.getHref(t.id)}>
                  {resolveLocalized(t.name, navigator.language.slice(0, 2))}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
