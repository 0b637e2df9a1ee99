import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorFallback, errorMessage } from './error-fallback';
import { ForbiddenPage } from './forbidden-page';

/** The router's error element: loader failures and render crashes of one route, with the rest of the app intact. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorFallback title="Page not found" message="There is nothing at this address." />;
  }
  // A role-aware loader guard refused the page (app/routes/require-ability.ts): not an error of the app.
  if (isRouteErrorResponse(error) && error.status === 403) {
    return <ForbiddenPage reason={typeof error.data === 'string' ? error.data : undefined} />;
  }
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <ErrorFallback
      title="This page could not be shown."
      message={message}
      onRetry={() => window.location.reload()}
      retryLabel="Reload the page"
    />
  );
}
