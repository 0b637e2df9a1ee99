import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorEnvelope } from '@contract/index';

/**
 * An expected failure with a message meant for the person using the console. Thrown anywhere in a handler;
 * `onError` in app.ts turns it into the `{data: null, error}` envelope with this status and any extra headers.
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
    this.name = 'ApiError';
  }
}

export function errorEnvelope(message: string): ErrorEnvelope {
  return { data: null, error: message };
}

export const MESSAGES = {
  notSignedIn: 'Not signed in',
  badCredentials: 'Email or password is incorrect',
  signedOut: 'Signed out',
  crossOrigin: 'Cross-origin request refused',
  invalidJson: 'Invalid JSON body',
  notFound: 'Not found',
  internal: 'Something went wrong in the console server',
  upstreamTimeout: 'Sentroy did not answer in time',
  upstreamUnreachable: 'Cannot reach Sentroy',
  upstreamUnexpected: 'Sentroy returned an unexpected response',
  upstreamTokenRejected: "Sentroy did not accept the console's access token (check SENTROY_ACCESS_TOKEN)",
  upstreamWrongCompany: 'The access token belongs to another company (check SENTROY_COMPANY_SLUG)',
  webAppNotBuilt: 'The web app is not built: run npm run build',
} as const;
