import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { RouteError } from '@web/components/errors/route-error';
import { LoadingState } from '@web/components/ui/status-message';
import { paths } from '@web/config/paths';
import { AccountRoute } from './routes/account';
import { AuditRoute, auditLoader } from './routes/audit';
import { ComposeRoute, composeLoader } from './routes/compose';
import { InboxRoute, inboxLoader } from './routes/inbox';
import { DomainDetailRoute, domainDetailLoader } from './routes/domain-detail';
import { DomainsRoute, domainsLoader } from './routes/domains';
import { LoginRoute, loginLoader } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { ProtectedRoute, protectedLoader } from './routes/protected';
import { SentRoute } from './routes/sent';
import { UsersRoute, usersLoader } from './routes/users';
import { TemplatePreviewRoute, templatePreviewLoader, TemplatesRoute, templatesLoader } from './routes/templates';

function AppLoading() {
  return (
    <div className="flex min-h-screen items-center justify-center">
      <LoadingState label="Loading Sentroy Console…" />
    </div>
  );
}

/** The route table. Loaders take the query client so they warm the same cache entries the pages read. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      // Pathless root: one place for the first-load fallback and the last-resort route error.
      HydrateFallback: AppLoading,
      errorElement: <RouteError />,
      children: [
        { path: paths.login.path, loader: loginLoader(queryClient), Component: LoginRoute },
        {
          loader: protectedLoader(queryClient),
          Component: ProtectedRoute,
          children: [
            {
              // Errors of one page render inside the layout, so navigation and sign-out keep working.
              errorElement: <RouteError />,
              children: [
                { index: true, loader: () => redirect(paths.domains.getHref()) },
                { path: paths.domains.path, loader: domainsLoader(queryClient), Component: DomainsRoute },
                { path: paths.domain.path, loader: domainDetailLoader(queryClient), Component: DomainDetailRoute },
                { path: paths.templates.path, loader: templatesLoader(queryClient), Component: TemplatesRoute },
                {
                  path: paths.template.path,
                  loader: templatePreviewLoader(queryClient),
                  Component: TemplatePreviewRoute,
                },
                { path: paths.compose.path, loader: composeLoader(queryClient), Component: ComposeRoute },
                { path: paths.sent.path, Component: SentRoute },
                // /inbox/:mailbox/:folder/:uid? (folder encoded as one segment); the loader redirects the short forms.
                {
                  path: `${paths.inbox.path}/:mailbox?/:folder?/:uid?`,
                  loader: inboxLoader(queryClient),
                  Component: InboxRoute,
                },
                // Role-aware guards in the loaders: other roles see "You don't have access to this page".
                { path: paths.users.path, loader: usersLoader(queryClient), Component: UsersRoute },
                { path: paths.audit.path, loader: auditLoader(queryClient), Component: AuditRoute },
                { path: paths.account.path, Component: AccountRoute },
                { path: '*', Component: NotFoundRoute },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

export type AppRouter = ReturnType<typeof createAppRouter>;
