import { useId } from 'react';

export interface VariablesFieldsProps {
  names: readonly string[];
  sections: ReadonlySet<string>;
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** Per variable: why it is wrong (missing, bad JSON), shown under the field and tied to it. */
  errors?: Record<string, string | undefined>;
  /** Per variable: a softer note (e.g. the preview's "has no value" warning). */
  notes?: Record<string, string | undefined>;
}

const input =
  'mt-1 block w-full rounded-md border px-3 py-2 text-sm dark:bg-slate-900 dark:text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600';

/** One input per template variable; sections (repeated rows) take JSON in a text area. */
export function VariablesFields({ names, sections, values, onChange, errors = {}, notes = {} }: VariablesFieldsProps) {
  const baseId = useId();
  if (names.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">This template has no variables.</p>;
  }
  return (
    <div className="space-y-3">
      {names.map((name) => {
        const id = `${baseId}-${name}`;
        const error = errors[name];
        const note = notes[name];
        const describedBy = error ? `${id}-error` : note ? `${id}-note` : undefined;
        const border = error ? 'border-red-600' : 'border-slate-300 dark:border-slate-600';
        return (
          <div key={name}>
            <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
              {name}
              {sections.has(name) && (
                <span className="font-normal text-slate-500 dark:text-slate-400"> (rows, JSON)</span>
              )}
            </label>
            {sections.has(name) ? (
              <textarea
                id={id}
                rows={5}
                value={values[name] ?? ''}
                onChange={(e) => onChange(name, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className={`${input} ${border} font-mono`}
              />
            ) : (
              <input
                id={id}
                type="text"
                value={values[name] ?? ''}
                onChange={(e) => onChange(name, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                className={`${input} ${border}`}
              />
            )}
            {error ? (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                {error}
              </p>
            ) : note ? (
              <p id={`${id}-note`} className="mt-1 text-sm text-amber-800 dark:text-amber-200">
                {note}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
