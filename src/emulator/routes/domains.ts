import { Hono } from 'hono';
import type { EmulatorEnv } from '../context';
import { upstreamError } from '../errors';

/** GET /domains (20 newest, with isAssigned/catchAll) and GET /domains/{id} (+ dkimPublicKey, dnsRecords). */
export const domainsRoutes = new Hono<EmulatorEnv>()
  .get('/', (c) => c.json({ data: c.get('deps').companies.listDomains(c.get('company').id) }))
  .get('/:id', (c) => {
    const detail = c.get('deps').companies.getDomainDetail(c.get('company').id, c.req.param('id'));
    // Another company's id is "not found" upstream, reported as 500 by the platform.
    if (!detail) throw upstreamError(404, 'Domain not found');
    return c.json({ data: detail });
  });
