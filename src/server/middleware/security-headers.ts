import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. The CSP allows no inline script (the SPA is built to files); inline styles stay allowed
 * because email HTML and component libraries set `style=`; `blob:`/`data:` frames are the sandboxed email reader.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // Remote images only ever load inside the sandboxed email frame (srcdoc inherits this policy) after the user
  // clicked "Show images"; the frame's own CSP forbids them until then.
  "img-src 'self' data: blob: https: http:",
  "frame-src 'self' blob: data:",
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
