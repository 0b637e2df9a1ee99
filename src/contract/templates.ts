import { z } from 'zod';
import { resourceIdSchema } from './common';

/** A plain string, or an object keyed by language code ("en", "tr", …). */
export const localizedStringSchema = z.union([z.string(), z.record(z.string(), z.string())]);
export type LocalizedString = z.infer<typeof localizedStringSchema>;

export const templateSchema = z.object({
  id: z.string(),
  name: localizedStringSchema,
  subject: localizedStringSchema,
  mjmlBody: localizedStringSchema,
  htmlBody: localizedStringSchema.nullable().optional(),
  variables: z.array(z.string()),
  domainId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // The published reference shows domainName; the platform does not return it (contract 5.4). Optional on purpose.
  domainName: z.string().optional(),
  thumbnailUrl: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
});
export type Template = z.infer<typeof templateSchema>;

export const listTemplatesQuerySchema = z.object({
  domainId: resourceIdSchema.optional(),
});
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuerySchema>;

/** Languages a localized value offers, in the order they were written. */
export function languagesOf(value: LocalizedString | null | undefined): string[] {
  if (value == null || typeof value === 'string') return [];
  return Object.keys(value);
}

/** The platform's language choice: requested → `en` → first key; plain strings as-is (contract 5.5). */
export function resolveLocalized(value: LocalizedString | null | undefined, lang?: string): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (lang && value[lang] !== undefined) return value[lang];
  if (value.en !== undefined) return value.en;
  const first = Object.keys(value)[0];
  return first === undefined ? '' : (value[first] ?? '');
}
