import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { EmulatorDeps, EmulatorEnv } from './context';
import { faultInjection } from './faults/fault-injection';
import { domainsRoutes } from './routes/domains';
import { faultsRoutes } from './routes/faults';
import { inboxRoutes } from './routes/inbox';
import { mailboxesRoutes } from './routes/mailboxes';
import { sendRoutes } from './routes/send';
import { templatesRoutes } from './routes/templates';
import { accessToken } from './auth/access-token';

/**
 * The route table of the stand-in Sentroy. Every resource is served under `/api/companies/{slug}` (what the mail
 * host serves) and `/api/mail/companies/{slug}` (what the gateway and the official SDK use), contract 1.
 */
export function createEmulatorApp(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const company = new Hono<EmulatorEnv>()
    .use('/domains/*', accessToken())
    .use('/mailboxes/*', accessToken())
    .use('/templates/*', accessToken())
    .route('/domains', domainsRoutes)
    .route('/mailboxes', mailboxesRoutes)
    .route('/templates', templatesRoutes)
    // send and inbox authenticate per route: some of their checks run before auth, as on the platform.
    .route('/send', sendRoutes)
    .route('/inbox', inboxRoutes);

  const app = new Hono<EmulatorEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  if (deps.faultControl) app.route('/__emulator/faults', faultsRoutes);
  app.use('/api/*', faultInjection());
  app.route('/api/companies/:slug', company);
  app.route('/api/mail/companies/:slug', company);

  app.notFound((c) => c.json({ data: null, error: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ data: null, error: error.message }, error.status);
    deps.log(
      `unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return c.json({ data: null, error: 'Internal server error' }, 500);
  });
  return app;
}
