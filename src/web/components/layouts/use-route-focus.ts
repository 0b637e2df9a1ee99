import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, screen readers are not told the page changed and keyboard focus stays on the
 * link that was clicked. Moving focus to the new page's h1 fixes both. The first render is left alone so the
 * browser's own initial focus (and the skip link) stay first in the tab order.
 */
export function useRouteFocus(container: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  const previousPage = useRef<string | null>(null);

  useEffect(() => {
    const root = container.current;
    const heading = root?.querySelector<HTMLElement>('[data-route-heading]') ?? null;
    // A page that names its heading (data-route-heading="inbox") keeps the focus while only its own view changes
    // (another folder or message): the user is working inside it, e.g. with the list's keys.
    const page = heading?.dataset.routeHeading || null;
    const samePage = page !== null && page === previousPage.current;
    previousPage.current = page;
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (!root || samePage) return;
    (heading ?? root).focus();
  }, [pathname, container]);
}
