import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  buildPath,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  MAX_ATTACHMENT_BYTES,
  sentroyEndpoints,
  type EndpointDefinition,
  type SendRequest,
  type SentroyEndpointName,
} from '@contract/index';
import { auditSentroyAction, scopeSentroyResult, type AuditedInput } from '../access/sentroy-hooks';
import type { AppDeps, AppEnv } from '../app-types';
import { ApiError } from '../http-errors';
import { formatBytes } from '../middleware/body-limit';
import { decodedBase64Length } from '../send/attachment-size';
import { createConsoleSender, type SendAnswer } from '../send/console-sender';
import type { UpstreamRequest, UpstreamResult } from '../upstream/client';
import { parseOrThrow, readJsonBody } from '../validation';
import { attachmentResponse } from './attachment-response';

/**
 * `/api/<sentroy path>` for each entry of the contract's allowlist, and nothing else. Each route validates params,
 * query and body with the endpoint's schemas, then rebuilds the upstream call from the validated values only —
 * unknown query keys and body fields are dropped, never passed through — and applies the platform quirks
 * (contract 10) on the way.
 */
export function sentroyRoutes(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const sender = createConsoleSender({
    store: deps.store,
    upstream: deps.upstream,
    logger: deps.logger,
    now: deps.now,
  });
  const entries = Object.entries(sentroyEndpoints) as [SentroyEndpointName, EndpointDefinition][];
  // Static paths first, so `/inbox/thread` is not taken for `/inbox/:uid` with uid "thread".
  entries.sort(([, a], [, b]) => paramCount(a.path) - paramCount(b.path));

  for (const [name, endpoint] of entries) {
    router.on(endpoint.method, endpoint.path, async (c) => {
      let input: AuditedInput;
      try {
        input = {
          // Path params are uids (numbers) and ids (strings) once validated.
          params: endpoint.params
            ? (parseOrThrow(endpoint.params, c.req.param()) as Record<string, string | number>)
            : {},
          query: endpoint.query ? (parseOrThrow(endpoint.query, c.req.query()) as Record<string, unknown>) : undefined,
          body: endpoint.body ? parseOrThrow(endpoint.body, await readJsonBody(c)) : undefined,
        };
      } catch (error) {
        // A mail action the console refused as invalid is audited too, with what the request named.
        if (error instanceof ApiError) {
          const raw = {
            params: c.req.param(),
            query: c.req.query(),
            body: endpoint.body ? await readJsonBody(c).catch(() => undefined) : undefined,
          };
          await auditSentroyAction(c, deps, name, raw, {
            result: 'refused',
            error: error.message,
            status: error.status,
          });
        }
        throw error;
      }
      if (name === 'send') {
        // Logged in the send log and protected against double sends (send/console-sender.ts).
        const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
        let answer: SendAnswer;
        try {
          answer = await sender.send({
            userId: c.get('session').user.id,
            body: input.body as SendRequest,
            idempotencyKey: key === undefined ? undefined : parseOrThrow(idempotencyKeySchema, key),
            toUpstream: () => toUpstreamRequest(name, endpoint, input),
          });
        } catch (error) {
          const status = error instanceof ApiError ? error.status : 500;
          const message = error instanceof ApiError ? error.message : 'Console error';
          await auditSentroyAction(c, deps, name, input, {
            result: status === 400 ? 'refused' : 'failed',
            error: message,
            status,
          });
          throw error;
        }
        if (answer.replayed) c.header('Idempotent-Replayed', 'true');
        const failed = 'error' in answer.body;
        await auditSentroyAction(c, deps, name, input, {
          result: answer.refusedByConsole ? 'refused' : failed ? 'failed' : 'ok',
          data: answer.body.data,
          error: 'error' in answer.body ? answer.body.error : undefined,
          status: answer.status,
          replayed: answer.replayed,
        });
        return c.json(answer.body, answer.status, answer.headers);
      }
      // Access control (access/sentroy-hooks.ts): members' mailbox list is narrowed, mail actions are audited.
      const result = scopeSentroyResult(c, name, await deps.upstream.request(toUpstreamRequest(name, endpoint, input)));
      await auditSentroyAction(
        c,
        deps,
        name,
        input,
        result.kind === 'error'
          ? { result: 'failed', error: result.error, status: result.status }
          : { result: 'ok', data: result.kind === 'data' ? result.data : null },
      );
      return respond(c, result, name);
    });
  }
  return router;
}

const paramCount = (path: string) => (path.match(/:/g) ?? []).length;

export function toUpstreamRequest(
  name: SentroyEndpointName,
  endpoint: EndpointDefinition,
  input: AuditedInput,
): UpstreamRequest {
  const request: UpstreamRequest = {
    method: endpoint.method,
    path: buildPath(endpoint.path, input.params),
    query: toSearchParams(input.query ?? {}),
    body: input.body,
    expect: endpoint.response === 'binary' ? 'binary' : 'json',
  };
  switch (name) {
    case 'listMessages': {
      // The platform reads `unread`, the reference and SDKs send `unreadOnly` (contract 5.8): send both, or neither.
      const unreadOnly = input.query?.['unread'] === true || input.query?.['unreadOnly'] === true;
      request.query!.delete('unread');
      request.query!.delete('unreadOnly');
      if (unreadOnly) {
        request.query!.set('unread', 'true');
        request.query!.set('unreadOnly', 'true');
      }
      break;
    }
    case 'markUnread':
      // The platform reads mailbox/folder from the JSON body, the reference puts them in the query (contract 5.13).
      request.body = input.query;
      break;
    case 'send':
    case 'saveDraft':
      // A draft holds what its send will carry, so the same cap.
      enforceAttachmentCap(input.body as Pick<SendRequest, 'attachments'>);
      break;
  }
  return request;
}

function toSearchParams(values: Record<string, unknown>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    search.set(key, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  return search;
}

/** The platform has no attachment check of its own (contract 5.6): the console applies its dashboard's 20 MB cap. */
function enforceAttachmentCap(body: Pick<SendRequest, 'attachments'>): void {
  const total = (body.attachments ?? []).reduce((sum, a) => sum + decodedBase64Length(a.content), 0);
  if (total > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(
      413,
      `Attachments are too large: ${formatBytes(total)} in total, at most ${formatBytes(MAX_ATTACHMENT_BYTES)} allowed`,
    );
  }
}

function respond(c: Context<AppEnv>, result: UpstreamResult, name: SentroyEndpointName): Response {
  switch (result.kind) {
    case 'data':
      return c.json({ data: result.data }, result.status as ContentfulStatusCode);
    case 'binary':
      return attachmentResponse(result, { forceDownload: isTruthy(c.req.query('download')), fallbackName: name });
    case 'error':
      throw new ApiError(
        result.status as ContentfulStatusCode,
        result.error,
        result.retryAfterSeconds !== undefined ? { 'Retry-After': String(result.retryAfterSeconds) } : {},
      );
  }
}

const isTruthy = (v: string | undefined) => v === '1' || v === 'true';
