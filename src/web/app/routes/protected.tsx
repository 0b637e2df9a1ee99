import type { QueryClient } from '@tanstack/react-query';
import { Outlet, redirect, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { AppLayout } from '@web/components/layouts/app-layout';
import { paths } from '@web/config/paths';
import { isUnauthorized } from '@web/lib/api-client';
import { meQueryOptions, useLogout, useMe } from '@web/features/auth/api';

/**
 * The guard of every signed-in page: `/auth/me` must answer before any of them renders. A 401 sends the user to
 * the sign-in page with the address they wanted in `next`; any other failure is the route's error.
 */
export const protectedLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      const url = new URL(request.url);
      throw redirect(paths.login.getHref(url.pathname + url.search));
    }
    return null;
  };

export function ProtectedRoute() {
  const navigate = useNavigate();
  const meQuery = useMe();
  const logoutMutation = useLogout({
    onSettled: () => navigate(paths.login.getHref(), { replace: true }),
  });

  return (
    <AppLayout
      user={meQuery.data && { ...meQuery.data.user, mailboxGrants: meQuery.data.mailboxGrants }}
      demoMode={meQuery.data?.console.demoMode ?? false}
      onSignOut={() => logoutMutation.mutate()}
      signingOut={logoutMutation.isPending}
    >
      <Outlet />
    </AppLayout>
  );
}
