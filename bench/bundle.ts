/**
 * What a browser downloads with an empty cache: the SPA built into a temporary folder (CONSOLE_STATIC_DIR), each
 * route loaded in a fresh headless Chromium context, and every JS and CSS response summed: raw bytes, what gzip -9
 * and brotli -11 make of them (what precompressed assets would weigh), and the encoded bytes actually transferred
 * (equal to raw until the console serves compressed assets). Targets (issue 9): /login ≤ 50 KB, inbox ≤ 100 KB,
 * judged on gzip, the basis of the SnappyMail comparison (109 KB gzip JS + 16 KB CSS).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';
import { DEMO_ADMIN } from '../src/demo-credentials';
import type { BenchContext } from './context';
import { kb, type Row } from './table';

const ROOT = path.join(import.meta.dirname, '..');

/** vite build into `outDir`, so the bench never races anyone over dist/. */
export function buildSpa(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, CONSOLE_STATIC_DIR: outDir },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`))));
  });
}

/** The flags of playwright.config.ts, so the bench's browser is the e2e browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function signedInContext(browser: Browser, url: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const res = await context.request.post(`${url}/auth/login`, {
    data: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
    headers: { origin: url },
  });
  if (!res.ok()) throw new Error(`sign-in answered ${res.status()}`);
  return context;
}

interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
  transferred: number;
  js: number;
  css: number;
  encodings: Set<string>;
}

const isAsset = (r: Response) => {
  const type = r.request().resourceType();
  const contentType = r.headers()['content-type'] ?? '';
  return type === 'script' || type === 'stylesheet' || /javascript|text\/css/.test(contentType);
};

async function weigh(context: BrowserContext, url: string, route: string, ready: RegExp): Promise<Weight> {
  const page = await context.newPage();
  const assets = new Map<string, Response>();
  page.on('response', (r) => {
    if (isAsset(r) && r.status() === 200) assets.set(r.url(), r);
  });
  await page.goto(`${url}${route}`);
  await page.waitForURL(ready);
  await page.waitForLoadState('networkidle');
  const w: Weight = { raw: 0, gzip: 0, brotli: 0, transferred: 0, js: 0, css: 0, encodings: new Set() };
  for (const r of assets.values()) {
    const body = await r.body();
    w.raw += body.length;
    w.gzip += gzipSync(body, { level: 9 }).length;
    w.brotli += brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
    w.transferred += (await r.request().sizes()).responseBodySize;
    w.encodings.add(r.headers()['content-encoding'] ?? 'none');
    if (/css/.test(r.headers()['content-type'] ?? '')) w.css++;
    else w.js++;
  }
  await page.close();
  return w;
}

export async function bundle(ctx: BenchContext, browser: Browser): Promise<Row[]> {
  const url = ctx.console.url;
  const login = await browser.newContext();
  const loginWeight = await weigh(login, url, '/login', /\/login/);
  await login.close();
  const inbox = await signedInContext(browser, url);
  const inboxWeight = await weigh(inbox, url, '/inbox', /\/inbox\/[^/]+\/INBOX/);
  await inbox.close();
  return [...rows('/login', loginWeight, 50), ...rows('inbox', inboxWeight, 100)];
}

function rows(route: string, w: Weight, targetKb: number): Row[] {
  const limit = targetKb * 1024;
  return [
    {
      check: `bundle ${route}: JS+CSS gzip`,
      figure: kb(w.gzip),
      target: `≤ ${targetKb} KB`,
      met: w.gzip <= limit,
      note: `raw ${kb(w.raw)}, brotli ${kb(w.brotli)}; ${w.js} JS + ${w.css} CSS files`,
    },
    {
      check: `bundle ${route}: transferred`,
      figure: kb(w.transferred),
      target: `≤ ${targetKb} KB`,
      met: w.transferred <= limit,
      note: `encoded bytes on the wire, content-encoding: ${[...w.encodings].join(', ')}`,
    },
  ];
}
