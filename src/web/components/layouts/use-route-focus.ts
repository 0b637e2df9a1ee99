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

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const root = container.current;
    if (!root) return;
    const heading = root.querySelector<HTMLElement>('[data-route-heading]');
    (heading ?? root).focus();
  }, [pathname, container]);
}
