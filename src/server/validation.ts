import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, MESSAGES } from './http-errors';

/**
 * Input checking with the contract's schemas. The first problem becomes the 400 message and names the field, e.g.
 * "uid must be a positive integer" or "from must be a valid email address".
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError(400, issue ? describeIssue(issue) : 'Invalid request');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  const leaf = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
  if (field === '' || issue.message.includes(leaf)) return issue.message;
  if (/^must\b/.test(issue.message)) return `${field} ${issue.message}`;
  return `${field}: ${issue.message}`;
}

/** The JSON body, or a 400 envelope when it is missing or not JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (error) {
    // The body-limit middleware signals an oversized body by throwing while the body is read: let that through.
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, MESSAGES.invalidJson);
  }
}
