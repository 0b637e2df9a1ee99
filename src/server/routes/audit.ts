import { Hono } from 'hono';
import { auditQuerySchema } from '@contract/index';
import type { AppDeps, AppEnv } from '../app-types';
import { toCsv } from '../access/csv';
import { parseOrThrow } from '../validation';

/** Rows in one CSV download; narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

/** `/api/console/audit` (a page as JSON) and `/api/console/audit.csv` (same filters, all rows). Admins only. */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/audit', async (c) => {
      const filters = parseOrThrow(auditQuerySchema, c.req.query());
      return c.json({ data: await deps.store.auditRead.page(filters) }, 200);
    })
    .get('/audit.csv', async (c) => {
      const { page: _page, limit: _limit, ...filters } = parseOrThrow(auditQuerySchema, c.req.query());
      const entries = await deps.store.auditRead.all(filters, AUDIT_CSV_MAX_ROWS);
      const csv = toCsv(
        ['time', 'actor', 'action', 'target', 'mailbox', 'ip', 'detail'],
        entries.map((e) => [e.at, e.actorEmail ?? e.actorUserId ?? '', e.action, e.target, e.mailbox, e.ip, e.detail]),
      );
      const day = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="sentroy-console-audit-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
