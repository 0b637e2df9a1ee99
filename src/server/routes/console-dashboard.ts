import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  buildPath,
  resourceIdSchema,
  sendLogQuerySchema,
  sentroyEndpoints,
  templatePreviewRequestSchema,
  type SendLogPage,
  type TemplatePreview,
} from '@contract/index';
import { renderTemplate } from '@mail/render-template';
import type { AppDeps, AppEnv } from '../app-types';
import { ApiError } from '../http-errors';
import { parseOrThrow, readJsonBody } from '../validation';

/**
 * The dashboard's own routes under `/api/console` (session required, like all of /api):
 *
 *   POST /templates/:id/preview   render a template with the platform's rules → {subject, html, text, lang, warnings}
 *   GET  /send-log                the console's sends, newest first (page, limit)
 *
 * The preview fetches the template from Sentroy with the upstream client and renders it with `src/mail`, the same
 * module the emulator sends with, so what the preview shows is what the platform would send.
 */
export function consoleDashboardRoutes(deps: AppDeps) {
  const router = new Hono<AppEnv>();

  router.post('/templates/:id/preview', async (c) => {
    const id = parseOrThrow(resourceIdSchema, c.req.param('id'));
    const request = parseOrThrow(templatePreviewRequestSchema, await readJsonBody(c));
    const endpoint = sentroyEndpoints.getTemplate;
    const result = await deps.upstream.request({
      method: endpoint.method,
      path: buildPath(endpoint.path, { id }),
      expect: 'json',
    });
    if (result.kind === 'error') throw new ApiError(result.status as ContentfulStatusCode, result.error);
    if (result.kind !== 'data') throw new ApiError(502, 'Sentroy returned an unexpected response');
    const template = endpoint.response.safeParse(result.data);
    if (!template.success) throw new ApiError(502, 'Sentroy returned a template in an unexpected shape');

    const rendered = await renderTemplate(template.data, { lang: request.lang, variables: request.variables });
    const preview: TemplatePreview = {
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      lang: rendered.lang,
      warnings: rendered.warnings,
    };
    return c.json({ data: preview });
  });

  router.get('/send-log', async (c) => {
    const query = parseOrThrow(sendLogQuerySchema, c.req.query());
    // Access control (issue #5): admins and operators see every row, members only their own.
    const scope = c.get('access').sendLogScope;
    const { items, total } = await deps.store.sendLog.list(
      query.page,
      query.limit,
      scope.rows === 'own' ? scope.userId : undefined,
    );
    const page: SendLogPage = { items, total, page: query.page, limit: query.limit };
    return c.json({ data: page });
  });

  return router;
}
