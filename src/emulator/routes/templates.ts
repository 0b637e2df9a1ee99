import { Hono } from 'hono';
import { listTemplatesQuerySchema } from '@contract/index';
import type { EmulatorEnv } from '../context';
import { upstreamError } from '../errors';
import { parseOr400 } from './validate';

/** GET /templates (?domainId, 20 newest) and GET /templates/{id} (missing → 500 "HTTP 404: Template not found"). */
export const templatesRoutes = new Hono<EmulatorEnv>()
  .get('/', (c) => {
    const { domainId } = parseOr400(listTemplatesQuerySchema, c.req.query());
    return c.json({ data: c.get('deps').companies.listTemplates(c.get('company').id, domainId) });
  })
  .get('/:id', (c) => {
    const template = c.get('deps').companies.getTemplate(c.get('company').id, c.req.param('id'));
    if (!template) throw upstreamError(404, 'Template not found');
    return c.json({ data: template });
  });
