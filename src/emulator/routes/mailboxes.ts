import { Hono } from 'hono';
import type { EmulatorEnv } from '../context';

/** GET /mailboxes: the company's mailbox accounts with domainId and isCatchAll (contract 5.3), no pagination. */
export const mailboxesRoutes = new Hono<EmulatorEnv>().get('/', (c) =>
  c.json({ data: c.get('deps').companies.listMailboxes(c.get('company').id) }),
);
