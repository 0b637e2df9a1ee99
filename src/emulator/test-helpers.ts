import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { errorEnvelopeSchema, successEnvelopeSchema } from '@contract/index';
import { createEmulator, type EmulatorInstance, type EmulatorOptions } from './index';
import { DEMO_ACCESS_TOKEN, DEMO_COMPANY_SLUG } from './seed/demo-data';

/** Test support (not a test file): an emulator in a temp folder and a small client that checks the envelope. */

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sentroy-emulator-'));
}

export interface TestEmulator extends EmulatorInstance {
  dataDir: string;
  call: (method: string, route: string, init?: CallInit) => Promise<CallResult>;
  /** call + expect success + validate `data` against a contract schema. */
  ok: <T extends z.ZodType>(
    schema: T,
    method: string,
    route: string,
    init?: CallInit & { status?: number },
  ) => Promise<z.infer<T>>;
  /** call + expect the error envelope with this status and message. */
  fails: (status: number, error: string | RegExp, method: string, route: string, init?: CallInit) => Promise<void>;
  dispose: () => Promise<void>;
}

export interface CallInit {
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string | number | boolean>;
  /** null = no Authorization header */
  token?: string | null;
  slug?: string;
  /** Use the /api/mail/companies alias. */
  alias?: boolean;
}

export interface CallResult {
  status: number;
  json: unknown;
  response: Response;
}

export async function createTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? tempDir();
  const instance = await createEmulator({ ...options, dataDir });

  const call = async (method: string, route: string, init: CallInit = {}): Promise<CallResult> => {
    const base = init.alias ? '/api/mail/companies' : '/api/companies';
    const qs = init.query ? `?${new URLSearchParams(Object.entries(init.query).map(([k, v]) => [k, String(v)]))}` : '';
    const headers: Record<string, string> = {};
    const token = init.token === undefined ? DEMO_ACCESS_TOKEN : init.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await instance.app.request(`${base}/${init.slug ?? DEMO_COMPANY_SLUG}${route}${qs}`, {
      method,
      headers,
      body,
    });
    const type = response.headers.get('content-type') ?? '';
    const json: unknown = type.includes('application/json') ? await response.clone().json() : null;
    return { status: response.status, json, response };
  };

  return {
    ...instance,
    dataDir,
    call,
    async ok(schema, method, route, init = {}) {
      const r = await call(method, route, init);
      expect(r.json, `${method} ${route}`).not.toHaveProperty('error');
      expect(r.status, `${method} ${route} → ${JSON.stringify(r.json)}`).toBe(init.status ?? 200);
      successEnvelopeSchema(schema).parse(r.json);
      return schema.parse((r.json as { data: unknown }).data) as z.infer<typeof schema>;
    },
    async fails(status, error, method, route, init = {}) {
      const r = await call(method, route, init);
      const envelope = errorEnvelopeSchema.parse(r.json);
      if (typeof error === 'string') expect(envelope.error).toBe(error);
      else expect(envelope.error).toMatch(error);
      expect(r.status, `${method} ${route} → ${JSON.stringify(r.json)}`).toBe(status);
    },
    async dispose() {
      await instance.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
