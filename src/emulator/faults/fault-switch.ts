import { z } from 'zod';

/**
 * The fault switch (STYLE habit 10): off unless configured. A spec such as `latency=200,error=0.1,rate429=0.05,drop=0.01`
 * adds that many ms to every API call and fails the given share of calls with a 5xx, a 429 with Retry-After,
 * or a dropped connection. Tests use it to prove the console loses nothing when Sentroy misbehaves.
 */
export const faultConfigSchema = z.object({
  /** Added delay per request, ms. */
  latency: z.number().int().min(0).max(60_000).default(0),
  /** Share (0..1) of requests answered 500 "HTTP 503: …" — how upstream failures reach clients. */
  error: z.number().min(0).max(1).default(0),
  /** Share (0..1) of requests answered 429 with Retry-After. */
  rate429: z.number().min(0).max(1).default(0),
  /** Share (0..1) of requests whose connection is dropped without an answer. */
  drop: z.number().min(0).max(1).default(0),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export const NO_FAULTS: FaultConfig = { latency: 0, error: 0, rate429: 0, drop: 0 };

/** Parse `key=value,key=value`; throws with a readable list of what is wrong. */
export function parseFaultSpec(spec: string | undefined): FaultConfig {
  if (!spec || !spec.trim() || spec.trim() === 'off') return { ...NO_FAULTS };
  const entries: Record<string, number> = {};
  const problems: string[] = [];
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(key in NO_FAULTS)) problems.push(`unknown fault "${key}" (known: latency, error, rate429, drop)`);
    else if (value === '' || Number.isNaN(Number(value))) problems.push(`${key} needs a number, got "${value}"`);
    else entries[key] = Number(value);
  }
  const parsed = faultConfigSchema.safeParse(entries);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (problems.length > 0) throw new Error(`Invalid fault spec "${spec}":\n  - ${problems.join('\n  - ')}`);
  return parsed.data!;
}

export function formatFaultSpec(config: FaultConfig): string {
  const parts = Object.entries(config)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k}=${v}`);
  return parts.length === 0 ? 'off' : parts.join(',');
}

export type FaultDecision = 'none' | 'error' | 'rate429' | 'drop';

/** Holds the current config (changeable at runtime through the control route) and draws the outcome per request. */
export class FaultSwitch {
  private config: FaultConfig;

  constructor(
    initial: FaultConfig = NO_FAULTS,
    private readonly random: () => number = Math.random,
  ) {
    this.config = { ...initial };
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  get enabled(): boolean {
    return Object.values(this.config).some((v) => v !== 0);
  }

  set(config: FaultConfig): void {
    this.config = { ...config };
  }

  /** One draw decides the outcome, so the shares add up (error 0.1 + rate429 0.1 = 20 % of requests fail). */
  decide(): FaultDecision {
    const { drop, error, rate429 } = this.config;
    if (drop + error + rate429 === 0) return 'none';
    const r = this.random();
    if (r < drop) return 'drop';
    if (r < drop + error) return 'error';
    if (r < drop + error + rate429) return 'rate429';
    return 'none';
  }
}
