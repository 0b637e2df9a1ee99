import { resolveLocalized, type Template, type TemplateVariables } from '@contract/index';

/** The template's subject in `lang` with scalar values filled in, as the platform renders it (contract 5.5). */
export function fillSubject(template: Template, lang: string | undefined, variables: TemplateVariables): string {
  let subject = resolveLocalized(template.subject, lang);
  for (const [key, value] of Object.entries(variables)) {
    if (Array.isArray(value) || value === '' || !/^\w+$/.test(key)) continue;
    subject = subject.replace(new RegExp(`\\{\\{?${key}\\}?\\}`, 'g'), () => String(value));
  }
  return subject;
}
