import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, MESSAGES } from './http-errors';
import { jsonLimitProblem } from './json-limits';

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

/**
 * A request body refused before validation: not JSON, beyond the shape limits, or over the size limit. Routes that
 * audit their refusals (routes/sentroy.ts, middleware/refusal-audit.ts) see it as any ApiError; its class says the body
 * itself was the problem.
 */
export class BodyRefusedError extends ApiError {
  constructor(status: 400 | 413, message: string) {
    super(status, message);
    this.name = 'BodyRefusedError';
  }
}

/** One read per request: access control, the handler and the refusal audit may each ask for the body. */
const bodies = new WeakMap<object, Promise<unknown>>();

/**
 * The JSON body, or an ApiError: 400 when it is missing, not JSON, or beyond the shape limits (json-limits.ts,
 * checked on the text before JSON.parse), 413 when it is larger than the route's body limit (middleware/body-limit.ts
 * fails the read). Every caller gets the same answer, so a refusal is reported and audited the same way everywhere.
 */
export function readJsonBody(c: Context): Promise<unknown> {
  let body = bodies.get(c.req);
  if (!body) {
    body = parseJsonBody(c);
    // Callers that only peek (the audit of a refusal) may ignore a failure: never an unhandled rejection.
    body.catch(() => {});
    bodies.set(c.req, body);
  }
  return body;
}

async function parseJsonBody(c: Context): Promise<unknown> {
  let text: string;
  try {
    text = await readText(c.req.raw);
  } catch (error) {
    // The size limit fails the stream with its BodyRefusedError; some runtimes wrap the reason.
    if (error instanceof ApiError) throw error;
    if (error instanceof Error && error.cause instanceof ApiError) throw error.cause;
    throw new BodyRefusedError(400, MESSAGES.invalidJson);
  }
  const problem = jsonLimitProblem(text);
  if (problem !== undefined) throw new BodyRefusedError(400, problem);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRefusedError(400, MESSAGES.invalidJson);
  }
}

/**
 * The body as text, decoded chunk by chunk as it streams in. Unlike c.req.text() (Hono keeps the text for later
 * callers, and @hono/node-server the raw bytes), nothing but the parsed value outlives the read: readJsonBody's
 * cache is the one copy a request holds.
 */
async function readText(request: Request): Promise<string> {
  if (!request.body) return '';
  const decoder = new TextDecoder();
  const reader = request.body.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
