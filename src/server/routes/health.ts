import { Hono } from 'hono';
import type { AppEnv } from '../app-types';

/** Liveness for load balancers and `npm start` scripts: answers without a session and without calling Sentroy. */
export function healthRoutes() {
  return new Hono<AppEnv>().get('/', (c) => c.json({ data: { status: 'ok' } }, 200));
}
