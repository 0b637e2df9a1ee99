import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../app-types';
import { MESSAGES } from '../http-errors';

/**
 * The built SPA. Files under `assets/` carry a content hash in their name, so they are cached forever; index.html
 * must be revalidated so a deploy is picked up. Any other HTML navigation (a deep link such as /inbox) gets
 * index.html and the SPA's router takes over. /api, /auth and /healthz never fall back: a typo there is a 404.
 */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

const isServerPath = (p: string) =>
  p === '/api' || p.startsWith('/api/') || p === '/auth' || p.startsWith('/auth/') || p === '/healthz';

export function webAppRoutes(staticDir: string) {
  const root = path.resolve(staticDir);

  /** The file a URL path names inside the static root, or undefined for anything that would step outside it. */
  async function fileFor(urlPath: string): Promise<{ file: string; size: number } | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
    if (/\.map$/i.test(decoded)) return undefined; // however the name was encoded
    const file = path.resolve(root, `.${decoded}`);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    return info?.isFile() ? { file, size: info.size } : undefined;
  }

  function sendFile(c: Context, found: { file: string; size: number }, cacheControl: string): Response {
    const type = MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Content-Length': String(found.size), 'Cache-Control': cacheControl };
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(found.file)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  }

  return new Hono<AppEnv>().on(['GET', 'HEAD'], '*', async (c, next) => {
    const urlPath = c.req.path;
    if (isServerPath(urlPath)) return next();

    // Source maps are never served, whatever dist/ holds: a public map hands out the console's whole source.
    if (/\.map$/i.test(urlPath)) return next();

    if (urlPath !== '/' && !urlPath.endsWith('/')) {
      const found = await fileFor(urlPath);
      // Only assets/ is content-hashed; favicon, robots.txt and index.html keep their names across deploys.
      if (found) return sendFile(c, found, urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    }
    // A missing asset (a path with a file extension) is a 404, not the SPA; a route-like path is a deep link, whatever
    // the client's Accept header says (curl, link checkers and HEAD probes send */*).
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
    if (!wantsHtml && path.extname(urlPath) !== '') return next();

    const index = await fileFor('/index.html');
    if (!index) return c.text(MESSAGES.webAppNotBuilt, 503, { 'Cache-Control': 'no-store' });
    return sendFile(c, index, 'no-cache');
  });
}
