import { Hono } from 'hono';
import type { EmulatorEnv } from '../context';
import { accessToken, authenticate } from '../auth/access-token';
import { upstreamError } from '../errors';
import { toSendJob } from '../store/job-store';
import { readJson } from './validate';

/**
 * POST /send: the body is parsed BEFORE auth (a bad body without a token gets 400, not 401), then the send service
 * applies the platform's and the mail-server's rules. GET /send/{jobId}: the job's BullMQ-like state.
 */
export const sendRoutes = new Hono<EmulatorEnv>()
  .post('/', async (c) => {
    const body = await readJson(c.req);
    const company = authenticate(c);
    const result = await c.get('deps').send.send(company, body);
    return c.json({ data: result }, 201);
  })
  .get('/:jobId', accessToken(), (c) => {
    const id = Number(c.req.param('jobId'));
    const job = Number.isInteger(id) ? c.get('deps').jobs.findForCompany(c.get('company').id, id) : undefined;
    if (!job) throw upstreamError(404, 'Job not found');
    return c.json({ data: toSendJob(job) });
  });
