import { languagesOf, resolveLocalized, type Template, type TemplateVariables } from '@contract/index';

/**
 * The variables form of a template, shared by the template preview and compose: which variables are sections
 * (`{#rows}…{/rows}`, filled with JSON rows), sample values to start from, and the form's text → the send's values.
 */

export type VariableInputs = Record<string, string>;

const SECTION = /\{#(\w+)\}([\s\S]*?)\{\/\1\}/g;
const PLACEHOLDER = /\{\{?(\w+)\}?\}/g;

function allSources(template: Pick<Template, 'subject' | 'mjmlBody'>): string[] {
  const values = (v: Template['subject']) => (typeof v === 'string' ? [v] : Object.values(v));
  return [...values(template.subject), ...values(template.mjmlBody)];
}

/** Section name → the fields its rows use. */
export function sectionsOf(template: Pick<Template, 'subject' | 'mjmlBody'>): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  for (const source of allSources(template)) {
    for (const m of source.matchAll(SECTION)) {
      const fields = new Set(sections.get(m[1]!) ?? []);
      for (const f of (m[2] ?? '').matchAll(PLACEHOLDER)) fields.add(f[1]!);
      sections.set(m[1]!, [...fields]);
    }
  }
  return sections;
}

export function templateLanguages(template: Pick<Template, 'subject' | 'mjmlBody'>): string[] {
  return [...new Set([...languagesOf(template.mjmlBody), ...languagesOf(template.subject)])];
}

/** A template's name in the reader's language, falling back like the platform (requested → en → first). */
export function templateName(template: Pick<Template, 'name'>, lang: string): string {
  return resolveLocalized(template.name, lang) || '(untitled)';
}

export function uiLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2).toLowerCase();
}

function sampleScalar(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('url') || n.includes('link')) return 'https://example.com/account';
  if (n.includes('email')) return 'ada@example.com';
  if (n.includes('company')) return 'Acme Inc.';
  if (n.includes('name')) return 'Ada Lovelace';
  if (n.includes('date')) return new Date().toISOString().slice(0, 10);
  if (n.includes('minutes')) return '30';
  if (n.includes('currency')) return 'EUR';
  if (n.includes('number') || n.includes('id') || n.includes('code')) return 'A-1042';
  if (n.includes('total') || n.includes('amount') || n.includes('price')) return '120.00';
  return `Sample ${name}`;
}

function sampleRow(fields: string[], index: number): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => {
      const n = f.toLowerCase();
      if (n.includes('quantity') || n.includes('qty')) return [f, String(index + 1)];
      if (n.includes('price') || n.includes('amount')) return [f, `${(index + 1) * 40}.00`];
      if (n.includes('description') || n.includes('label') || n.includes('name')) return [f, `Item ${index + 1}`];
      return [f, sampleScalar(f)];
    }),
  );
}

/** Sample values for every declared variable: scalars as text, sections as two JSON rows. */
export function sampleInputs(template: Pick<Template, 'subject' | 'mjmlBody' | 'variables'>): VariableInputs {
  const sections = sectionsOf(template);
  const names = [...new Set([...template.variables, ...sections.keys()])];
  return Object.fromEntries(
    names.map((name) => {
      const fields = sections.get(name);
      return [
        name,
        fields ? JSON.stringify([sampleRow(fields, 0), sampleRow(fields, 1)], null, 2) : sampleScalar(name),
      ];
    }),
  );
}

export function emptyInputs(template: Pick<Template, 'subject' | 'mjmlBody' | 'variables'>): VariableInputs {
  return Object.fromEntries(Object.keys(sampleInputs(template)).map((name) => [name, '']));
}

export interface ParsedInputs {
  variables: TemplateVariables;
  /** Section fields whose JSON could not be read, with the reason. */
  errors: Record<string, string>;
}

/** Form text → the send's `variables`. Empty scalars are sent empty, so the platform (and the preview) flag them. */
export function toVariables(inputs: VariableInputs, sections: ReadonlySet<string>): ParsedInputs {
  const variables: TemplateVariables = {};
  const errors: Record<string, string> = {};
  for (const [name, text] of Object.entries(inputs)) {
    if (!sections.has(name)) {
      variables[name] = text;
      continue;
    }
    if (text.trim() === '') {
      variables[name] = [];
      continue;
    }
    try {
      const rows: unknown = JSON.parse(text);
      if (!Array.isArray(rows) || !rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
        errors[name] = 'Enter a JSON list of rows, e.g. [{"description": "Pen"}]';
      } else {
        variables[name] = rows as Record<string, string>[];
      }
    } catch {
      errors[name] = 'This is not valid JSON';
    }
  }
  return { variables, errors };
}
