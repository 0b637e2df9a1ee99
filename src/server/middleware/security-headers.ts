import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. The CSP allows no inline script (the SPA is built to files); inline styles stay allowed
 * because component libraries set `style=`. No remote image ever loads into the console's page: mail is shown only
 * in frames whose documents the BFF serves under their own CSP (routes/message-body.ts), so `img-src` has no
 * `http:`/`https:` here and frames may come only from the console itself. Previews (email-frame.tsx) are srcdoc
 * documents, which inherit this policy: they show no remote image either.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const BASE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** Answers that depend on the session must never be stored by a browser or a proxy. */
const isDynamicPath = (path: string) =>
  path === '/healthz' || path.startsWith('/api/') || path === '/api' || path.startsWith('/auth/');

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    for (const [name, value] of Object.entries(BASE_HEADERS)) {
      // A route may tighten its own CSP (attachment downloads do); never loosen it here.
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
    if (isDynamicPath(c.req.path)) c.res.headers.set('Cache-Control', 'no-store');
  };
}
