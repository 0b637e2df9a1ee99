import { toastStore as defaultToastStore, type ToastStore } from '@web/components/ui/toast';
import { paths } from '@web/config/paths';
import { authKeys } from '@web/features/auth/api';
import { createQueryClient } from '@web/lib/query-client';
import { createAppRouter, type AppRouter } from './router';

export interface CreateAppOptions {
  toastStore?: ToastStore;
  createRouter?: typeof createAppRouter;
}

/**
 * Wires the query client's one error path to the router and the toasts. They need each other (the 401 handler
 * navigates, the loaders use the cache), so they are built together here, above both.
 */
export function createApp({ toastStore = defaultToastStore, createRouter = createAppRouter }: CreateAppOptions = {}) {
  // Filled right below: the query client must exist before the router (its loaders use it) and vice versa.
  const holder: { router?: AppRouter } = {};
  let redirecting = false;

  const queryClient = createQueryClient({
    onUnauthorized() {
      const router = holder.router;
      if (!router || redirecting) return;
      // During a navigation (a loader's prefetch failed) the user is headed elsewhere: come back there, not here.
      const { pathname, search } = router.state.navigation.location ?? router.state.location;
      if (pathname === paths.login.path) return;
      // Several queries fail at once when a session ends: the first one redirects, the others are ignored.
      redirecting = true;
      // Only someone who was signed in has a session that ended; a visitor opening a deep link is simply asked to
      // sign in (the route loaders fetch in parallel with the guard, so their 401s arrive here too).
      if (queryClient.getQueryData(authKeys.me()) !== undefined) {
        toastStore.show('Your session has ended. Please sign in again.', 'info');
      }
      void router.navigate(paths.login.getHref(pathname + search), { replace: true }).finally(() => {
        // Cleared after the signed-in pages unmounted, so nothing refetches; the sign-in page asked the server itself.
        queryClient.clear();
        redirecting = false;
      });
    },
    onError: (message) => toastStore.show(message, 'error'),
  });

  const router = createRouter(queryClient);
  holder.router = router;
  return { queryClient, router, toastStore };
}

export type ConsoleApp = ReturnType<typeof createApp>;
