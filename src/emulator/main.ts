import path from 'node:path';
import { z } from 'zod';
import { startEmulator } from './index';
import { ACCESS_TOKEN_PATTERN } from './auth/token';
import { parseFaultSpec } from './faults/fault-switch';
import { DEMO_ACCESS_TOKEN, DEMO_COMPANY_SLUG } from './seed/demo-data';

/** `npm run emulator`: the stand-in Sentroy on its own, configured by environment variables. */

const envSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0, 'must be 0..65535').max(65535, 'must be 0..65535').default(4010),
  EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  EMULATOR_COMPANY_SLUG: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and "-"')
    .default(DEMO_COMPANY_SLUG),
  EMULATOR_ACCESS_TOKEN: z
    .string()
    .regex(ACCESS_TOKEN_PATTERN, 'must be "stk_" followed by 48 lower-case hex characters')
    .default(DEMO_ACCESS_TOKEN),
  EMULATOR_DATA_DIR: z.string().min(1).default('./data/emulator'),
  EMULATOR_SEED: z.enum(['demo', 'none'], { error: 'must be "demo" or "none"' }).default('demo'),
  EMULATOR_FAULTS: z
    .string()
    .optional()
    .superRefine((spec, ctx) => {
      try {
        parseFaultSpec(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid fault spec' });
      }
    }),
});

const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
if (!parsed.success) {
  console.error('The emulator cannot start; fix these environment variables:');
  for (const issue of parsed.error.issues) console.error(`  - ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;

const emulator = await startEmulator({
  host: env.EMULATOR_HOST,
  port: env.EMULATOR_PORT,
  dataDir: path.resolve(env.EMULATOR_DATA_DIR),
  companySlug: env.EMULATOR_COMPANY_SLUG,
  accessToken: env.EMULATOR_ACCESS_TOKEN,
  seed: env.EMULATOR_SEED,
  faults: env.EMULATOR_FAULTS,
  log: (line) => console.log(`[emulator] ${line}`),
});

// The token is a local demo credential; printing it is how you are meant to find it.
console.log(`Sentroy emulator listening on ${emulator.url}
  base URL (SDK/gateway style): ${emulator.url}/api/mail/companies/${emulator.companySlug}
  base URL (mail host style):   ${emulator.url}/api/companies/${emulator.companySlug}
  company slug: ${emulator.companySlug}
  access token: ${emulator.accessToken}
  data folder:  ${path.resolve(env.EMULATOR_DATA_DIR)}
  faults:       ${env.EMULATOR_FAULTS ?? 'off'}
Try: curl -H "Authorization: Bearer ${emulator.accessToken}" ${emulator.url}/api/companies/${emulator.companySlug}/mailboxes`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[emulator] ${signal}: stopping`);
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
