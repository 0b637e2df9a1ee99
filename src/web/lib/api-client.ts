import type { z } from 'zod';

/**
 * The only module of the SPA that calls `fetch`. Every BFF answer is the `{data, error}` envelope of the
 * contract: callers get `data`, or an `ApiError` carrying the HTTP status and the envelope's message, so the
 * rest of the app has exactly one error type to handle.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Query string parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Contract schema of `data`: the answer is parsed with it, so a drifting BFF fails loudly, not deep in a component. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `X-Console-Trigger` (contract/console-trigger.ts). */
  headers?: Record<string, string>;
}

function withQuery(path: string, query: RequestOptions<unknown>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Reads the envelope's `error` if the body is one; proxies and crashes answer with HTML or nothing. */
function envelopeMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' && body.error) {
    return body.error;
  }
  return undefined;
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return 'The server had a problem. Please try again.';
  return `Request failed (HTTP ${status}).`;
}

export async function request<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', body, query, schema, signal } = options;
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  // The BFF only accepts JSON bodies on POST/DELETE (its CSRF defence together with the Origin check).
  if (method !== 'GET') headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    // Aborts are React Query cancelling a request, not a failure to report.
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'Cannot reach the console server. Check your connection and try again.', { cause });
  }

  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    throw new ApiError(response.status, envelopeMessage(json) ?? fallbackMessage(response.status));
  }
  if (typeof json !== 'object' || json === null || !('data' in json)) {
    throw new ApiError(response.status, 'The server sent an unexpected answer.');
  }
  const message = envelopeMessage(json);
  if (message !== undefined) throw new ApiError(response.status, message);

  if (!schema) return json.data as T;
  const parsed = schema.safeParse(json.data);
  if (!parsed.success) {
    throw new ApiError(response.status, 'The server sent data in an unexpected shape.', { cause: parsed.error });
  }
  return parsed.data;
}

export const apiClient = {
  get: <T>(path: string, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: Omit<RequestOptions<T>, 'method'> = {}) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadJsonOptions<T> {
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  schema?: z.ZodType<T>;
  /** Upload progress of the request body (XMLHttpRequest's `upload.onprogress`: fetch cannot report it). */
  onUploadProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parseEnvelope<T>(status: number, text: string, schema: z.ZodType<T> | undefined): T {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (status < 200 || status >= 300) {
    throw new ApiError(status, envelopeMessage(json) ?? fallbackMessage(status));
  }
  if (typeof json !== 'object' || json === null || !('data' in json)) {
    throw new ApiError(status, 'The server sent an unexpected answer.');
  }
  const message = envelopeMessage(json);
  if (message !== undefined) throw new ApiError(status, message);
  if (!schema) return json.data as T;
  const parsed = schema.safeParse(json.data);
  if (!parsed.success) {
    throw new ApiError(status, 'The server sent data in an unexpected shape.', { cause: parsed.error });
  }
  return parsed.data;
}

/**
 * POST a JSON body (a value, or JSON already assembled as a Blob) with upload progress: the one place the SPA uses XMLHttpRequest, for large bodies such as a
 * message with attachments. Same envelope handling and the same ApiError as `request`.
 */
export function uploadJson<T = unknown>(path: string, body: unknown, options: UploadJsonOptions<T> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      try {
        resolve(parseEnvelope(xhr.status, xhr.responseText, options.schema));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'Cannot reach the console server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    // A Blob is sent as it is: callers with large bodies assemble the JSON from parts instead of one huge string.
    xhr.send(body instanceof Blob ? body : JSON.stringify(body));
  });
}

/** GET bytes (an attachment download) as a Blob; failures carry the envelope's message like every other call. */
export async function requestBlob(
  path: string,
  options: { query?: RequestOptions<unknown>['query']; signal?: AbortSignal } = {},
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, 'Cannot reach the console server. Check your connection and try again.', { cause });
  }
  if (!response.ok) {
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {
      json = undefined;
    }
    throw new ApiError(response.status, envelopeMessage(json) ?? fallbackMessage(response.status));
  }
  return response.blob();
}
