import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorFallback, errorMessage } from './error-fallback';

/** The router's error element: loader failures and render crashes of one route, with the rest of the app intact. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorFallback title="Page not found" message="There is nothing at this address." />;
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
