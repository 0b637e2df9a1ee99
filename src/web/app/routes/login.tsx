import type { QueryClient } from '@tanstack/react-query';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { safeNextPath } from '@web/config/paths';
import { meQueryOptions } from '@web/features/auth/api';
import { LoginForm } from '@web/features/auth/components/login-form';

/**
 * Someone already signed in has nothing to do here. The check asks the server (staleTime 0), not the cache:
 * right after a sign-out or an expired session the cache may still hold the old user.
 */
export const loginLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const next = safeNextPath(new URL(request.url).searchParams.get('next'));
    try {
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    } catch {
      return null;
    }
    throw redirect(next);
  };

export function LoginRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <title>Sign in · Sentroy Console</title>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold text-slate-900 dark:text-slate-50">Sign in to Sentroy Console</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-300">
          Use the console account your administrator gave you.
        </p>
        <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
      </div>
    </main>
  );
}
