import mjml2html from 'mjml';
import { languagesOf, resolveLocalized, type Template, type TemplateVariables } from '@contract/index';
import { htmlToText } from './html-to-text';

/**
 * Template rendering exactly as the platform's mail-server does it (contract 5.5), shared by the emulator
 * (to send) and the BFF (to preview). No HTTP and no emulator imports here.
 */

/** The parts of a template rendering reads. */
export type RenderableTemplate = Pick<Template, 'subject' | 'mjmlBody' | 'variables'>;

export type RenderWarningCode =
  'empty-variable' | 'unused-variable' | 'undeclared-variable' | 'mjml-validation' | 'language-fallback';

export interface RenderWarning {
  code: RenderWarningCode;
  message: string;
  variable?: string;
}

export interface RenderTemplateOptions {
  lang?: string;
  variables?: TemplateVariables;
}

export interface RenderedTemplate {
  subject: string;
  html: string;
  text: string;
  /** The language actually used (requested → en → first), or null for plain-string templates. */
  lang: string | null;
  warnings: RenderWarning[];
}

/** `{name}` or `{{name}}` — the platform's placeholder regex. */
const PLACEHOLDER = /\{\{?(\w+)\}?\}/g;
/** `{#rows}…{/rows}`: repeated once per array row. */
const SECTION = /\{#(\w+)\}([\s\S]*?)\{\/\1\}/g;

type Scalar = string | number | boolean;

/** The 422 rule's notion of "filled": non-empty string, number, boolean, non-empty array. */
export function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.length > 0;
  return false;
}

function isScalarFilled(value: unknown): value is Scalar {
  return (typeof value === 'string' && value.length > 0) || typeof value === 'number' || typeof value === 'boolean';
}

/** Per key, replace `{key}` / `{{key}}`. Empty or missing values are skipped: the placeholder stays literal. */
function substituteScalars(source: string, scope: Record<string, unknown>): string {
  let out = source;
  for (const [key, value] of Object.entries(scope)) {
    if (!/^\w+$/.test(key) || !isScalarFilled(value)) continue;
    // A function replacer so "$&" or "$1" inside a value is inserted literally.
    out = out.replace(new RegExp(`\\{\\{?${key}\\}?\\}`, 'g'), () => String(value));
  }
  return out;
}

function renderSections(source: string, variables: Record<string, unknown>): string {
  return source.replace(SECTION, (whole, name: string, inner: string) => {
    const rows = variables[name];
    // No rows given: leave the section literal, like any other unfilled placeholder.
    if (!Array.isArray(rows)) return whole;
    return rows
      .map((row) => {
        const rowScope = row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : {};
        // Row fields win over outer scalars of the same name.
        return substituteScalars(inner, { ...variables, ...rowScope });
      })
      .join('');
  });
}

/** A section (group 1 = name, group 2 = body) or a scalar placeholder (group 3), in textual order. */
const SECTION_OR_PLACEHOLDER = /\{#(\w+)\}([\s\S]*?)\{\/\1\}|\{\{?(\w+)\}?\}/g;

/** Names used in one source string: top-level names (scalars outside sections + section names) and row fields. */
function variablesIn(source: string): { names: string[]; rowFields: string[] } {
  const names: string[] = [];
  const rowFields: string[] = [];
  for (const m of source.matchAll(SECTION_OR_PLACEHOLDER)) {
    if (m[1] !== undefined) {
      names.push(m[1]);
      for (const f of (m[2] ?? '').matchAll(PLACEHOLDER)) if (f[1]) rowFields.push(f[1]);
    } else if (m[3] !== undefined) {
      names.push(m[3]);
    }
  }
  return { names, rowFields };
}

function allLanguageValues(value: Template['subject']): string[] {
  return typeof value === 'string' ? [value] : Object.values(value);
}

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)];
}

/**
 * Variables a template needs, across all languages of subject + mjmlBody, in order of first use:
 * scalar placeholders and section names. Fields inside a section belong to its rows and are not listed
 * (otherwise the 422 check would demand row fields as top-level variables).
 */
export function extractTemplateVariables(template: Pick<Template, 'subject' | 'mjmlBody'>): string[] {
  const sources = [...allLanguageValues(template.subject), ...allLanguageValues(template.mjmlBody)];
  return unique(sources.flatMap((source) => variablesIn(source).names));
}

/** The platform's 422 check: every variable the template uses must be filled. Returns the missing names. */
export function findMissingVariables(
  template: Pick<Template, 'subject' | 'mjmlBody'>,
  variables: TemplateVariables | undefined,
): string[] {
  return extractTemplateVariables(template).filter((name) => !isFilled(variables?.[name]));
}

function chooseLanguage(template: RenderableTemplate, lang: string | undefined): string | null {
  const langs = unique([...languagesOf(template.mjmlBody), ...languagesOf(template.subject)]);
  if (langs.length === 0) return null;
  if (lang && langs.includes(lang)) return lang;
  if (langs.includes('en')) return 'en';
  return langs[0] ?? null;
}

const HAS_DOCUMENT = /<html[\s>]|<body[\s>]|<!doctype/i;

/** Plain HTML templates are wrapped in a minimal document unless they already are one (contract 5.5). */
export function wrapHtmlDocument(html: string): string {
  if (HAS_DOCUMENT.test(html)) return html;
  return (
    '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n<body>\n' +
    html +
    '\n</body>\n</html>'
  );
}

/** Compile MJML when the source is MJML, else wrap it; MJML validation problems become warnings. */
export async function compileEmailHtml(source: string): Promise<{ html: string; errors: string[] }> {
  if (!source.includes('<mjml')) return { html: wrapHtmlDocument(source), errors: [] };
  const result = await mjml2html(source, { validationLevel: 'soft' });
  return { html: result.html, errors: result.errors.map((e) => e.formattedMessage ?? e.message) };
}

export async function renderTemplate(
  template: RenderableTemplate,
  options: RenderTemplateOptions = {},
): Promise<RenderedTemplate> {
  const variables: Record<string, unknown> = options.variables ?? {};
  const warnings: RenderWarning[] = [];
  const lang = chooseLanguage(template, options.lang);
  if (options.lang && lang !== null && lang !== options.lang) {
    warnings.push({
      code: 'language-fallback',
      message: `Language "${options.lang}" is not available; rendered "${lang}" instead`,
    });
  }

  const subjectSource = resolveLocalized(template.subject, lang ?? undefined);
  const bodySource = resolveLocalized(template.mjmlBody, lang ?? undefined);

  // Subject: scalars only (the platform does not expand sections there).
  const subject = substituteScalars(subjectSource, variables);
  const body = substituteScalars(renderSections(bodySource, variables), variables);

  const used = [variablesIn(subjectSource), variablesIn(bodySource)];
  const usedNames = unique(used.flatMap((u) => u.names));
  const rowFields = new Set(used.flatMap((u) => u.rowFields));
  for (const name of usedNames) {
    if (!isFilled(variables[name])) {
      warnings.push({
        code: 'empty-variable',
        variable: name,
        message: `Variable "${name}" has no value; its placeholder stays as written`,
      });
    }
  }
  for (const name of Object.keys(variables)) {
    if (!usedNames.includes(name) && !rowFields.has(name)) {
      warnings.push({
        code: 'unused-variable',
        variable: name,
        message: `Variable "${name}" is not used by this template`,
      });
    }
  }
  const declared = new Set(template.variables);
  for (const name of usedNames) {
    if (!declared.has(name)) {
      warnings.push({
        code: 'undeclared-variable',
        variable: name,
        message: `Placeholder "${name}" is not in the template's variable list`,
      });
    }
  }

  const compiled = await compileEmailHtml(body);
  for (const error of compiled.errors) warnings.push({ code: 'mjml-validation', message: error });

  return { subject, html: compiled.html, text: htmlToText(compiled.html), lang, warnings };
}
