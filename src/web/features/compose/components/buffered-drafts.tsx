import { Link } from 'react-router';
import { BidiText } from '@web/components/ui/bidi-text';
import { draftSearch } from '../hooks/use-compose-entry';
import type { Draft } from '../utils/draft';

/** Drafts kept only in this browser (not yet in a Drafts folder), each a link back into compose. */
export function BufferedDrafts({ drafts }: { drafts: readonly Draft[] }) {
  if (drafts.length === 0) return null;
  return (
    <section
      aria-labelledby="buffered-drafts"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <h2 id="buffered-drafts" className="font-medium">
        Drafts kept in this browser, not yet in a Drafts folder
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {drafts.map((d) => (
          <li key={d.id}>
            <Link to={{ search: draftSearch(d).toString() }} className="underline">
              {d.subject ? <BidiText text={d.subject} /> : '(no subject)'}
            </Link>
            <span className="text-xs"> · {new Date(d.updatedAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
