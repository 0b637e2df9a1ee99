import type { z } from 'zod';
import { apiError } from '../errors';

/** Parse input with a contract schema; 400 with the first problem's message (the platform answers one string). */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw apiError(400, result.error.issues[0]?.message ?? 'Invalid request');
  return result.data;
}

/** Read a JSON body; the platform's routes answer 400 "Invalid JSON body" when it does not parse. */
export async function readJson(req: { text: () => Promise<string> }, { optional = false } = {}): Promise<unknown> {
  const text = await req.text();
  if (optional && text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw apiError(400, 'Invalid JSON body');
  }
}
