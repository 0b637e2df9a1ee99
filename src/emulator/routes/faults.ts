import { Hono } from 'hono';
import type { EmulatorEnv } from '../context';
import { faultConfigSchema, formatFaultSpec, parseFaultSpec } from '../faults/fault-switch';
import { apiError } from '../errors';

/**
 * Test-only control of the fault switch (mounted only with `faultControl: true`):
 * `POST /__emulator/faults` with `{"spec":"error=1"}` or `{"latency":200,"error":0.1}`; `GET` shows the current state.
 */
export const faultsRoutes = new Hono<EmulatorEnv>()
  .get('/', (c) => {
    const faults = c.get('deps').faults;
    return c.json({ data: { ...faults.current, spec: formatFaultSpec(faults.current) } });
  })
  .post('/', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw apiError(400, 'Invalid JSON body');
    });
    const faults = c.get('deps').faults;
    try {
      const config =
        body !== null && typeof body === 'object' && 'spec' in body && typeof body.spec === 'string'
          ? parseFaultSpec(body.spec)
          : faultConfigSchema.parse(body);
      faults.set(config);
    } catch (error) {
      throw apiError(400, error instanceof Error ? error.message : 'Invalid fault config');
    }
    return c.json({ data: { ...faults.current, spec: formatFaultSpec(faults.current) } });
  });
