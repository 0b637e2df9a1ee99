import type { AuditEntryView } from '@contract/index';
import { Badge } from '@web/components/ui/badge';
import { BidiText } from '@web/components/ui/bidi-text';
import { actionLabel, detailLines, outcomeOf, triggerOf } from '../utils/describe-entry';

/** The action in words, its code for the filter, and badges for a refusal/failure and an automatic mark-read. */
export function AuditAction({ entry }: { entry: AuditEntryView }) {
  const outcome = outcomeOf(entry);
  const trigger = triggerOf(entry);
  return (
    <div className="flex flex-col items-start gap-1">
      <span>{actionLabel(entry.action)}</span>
      <code className="text-xs text-slate-500 dark:text-slate-400">{entry.action}</code>
      {outcome === 'refused' && (
        <Badge tone="danger" icon="✕">
          refused
        </Badge>
      )}
      {outcome === 'failed' && (
        <Badge tone="danger" icon="!">
          failed
        </Badge>
      )}
      {trigger === 'auto' && <Badge tone="neutral">automatic</Badge>}
      {trigger === 'user' && <Badge tone="info">by the user</Badge>}
    </div>
  );
}

/**
 * The entry's detail as labelled lines, not raw JSON. Every value is text from a request (subjects, names,
 * addresses, user agents): shown isolated with invisible controls made visible (BidiText).
 */
export function AuditDetail({ entry }: { entry: AuditEntryView }) {
  const lines = detailLines(entry.detail);
  if (lines.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const outcome = outcomeOf(entry);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {lines.map((line) => {
        const bad = (line.key === 'result' || line.key === 'error') && outcome !== null && outcome !== 'ok';
        return (
          <div key={line.key} className="contents">
            <dt className="font-semibold text-slate-600 dark:text-slate-300">{line.label}</dt>
            <dd className={bad ? 'font-medium text-red-800 dark:text-red-200' : undefined}>
              <BidiText text={line.value} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
