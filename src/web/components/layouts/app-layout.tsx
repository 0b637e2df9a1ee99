import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Button } from '@web/components/ui/button';
import { ROLE_ABILITIES, type ConsoleRole } from '@contract/index';
import { paths } from '@web/config/paths';
import { useRouteFocus } from './use-route-focus';

export interface AppLayoutUser {
  name: string | null;
  email: string;
  /** With the grants, decides which navigation items are shown; the BFF refuses the rest anyway (issue #5). */
  role?: ConsoleRole;
  mailboxGrants?: readonly string[];
}

export interface AppLayoutProps {
  user: AppLayoutUser | undefined;
  demoMode: boolean;
  onSignOut: () => void;
  signingOut: boolean;
  children: ReactNode;
}

type NavItem = { label: string; href: string; shownTo?: (user: AppLayoutUser) => boolean };
const hasGrants = (u: AppLayoutUser) => (u.mailboxGrants?.length ?? 0) > 0;
const abilities = (u: AppLayoutUser) => (u.role ? ROLE_ABILITIES[u.role] : undefined);

const navItems: NavItem[] = [
  { label: 'Domains', href: paths.domains.getHref() },
  { label: 'Templates', href: paths.templates.getHref() },
  { label: 'Compose', href: paths.compose.getHref(), shownTo: (u) => !!abilities(u)?.sendAnyMailbox || hasGrants(u) },
  { label: 'Sent', href: paths.sent.getHref() },
  { label: 'Inbox', href: paths.inbox.getHref(), shownTo: (u) => !!abilities(u)?.inboxAnyMailbox || hasGrants(u) },
  { label: 'Users', href: paths.users.getHref(), shownTo: (u) => !!abilities(u)?.manageUsers },
  { label: 'Audit', href: paths.audit.getHref(), shownTo: (u) => !!abilities(u)?.readAudit },
  { label: 'Account', href: paths.account.getHref() },
];

const MAIN_ID = 'main-content';
const MENU_ID = 'main-menu';

/**
 * The signed-in frame: skip link, demo banner, header with navigation and the user, and the page in <main>.
 * It receives the user and the sign-out action as props: layouts are shared UI and never fetch.
 */
export function AppLayout({ user, demoMode, onSignOut, signingOut, children }: AppLayoutProps) {
  const mainRef = useRef<HTMLElement>(null);
  useRouteFocus(mainRef);
  const { pathname } = useLocation();
  const fetching = useIsFetching() > 0;
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  // Following a link closes the phone menu: the page it opened is what the user wants to see.
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  // Escape closes the open phone menu and puts focus back on its button, as for any disclosure.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only z-50 rounded-md bg-indigo-600 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>

      {/* Purely visual: each page announces its own loading state in words. */}
      <div
        aria-hidden="true"
        className={`h-0.5 bg-indigo-500 transition-opacity ${fetching ? 'animate-pulse opacity-100' : 'opacity-0'}`}
      />

      {demoMode && (
        <div
          role="note"
          className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        >
          Demo mode — data comes from the built-in Sentroy emulator
        </div>
      )}

      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 md:py-3">
          <span className="font-semibold text-slate-900 dark:text-slate-50">Sentroy Console</span>
          {/* On a phone the navigation and the user folds behind one button, so the page starts near the top. */}
          <button
            ref={menuButtonRef}
            type="button"
            aria-expanded={menuOpen}
            aria-controls={MENU_ID}
            onClick={() => setMenuOpen((open) => !open)}
            className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 md:hidden dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            <svg
              viewBox="0 0 24 24"
              aria-hidden="true"
              className="h-4 w-4"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            >
              <path d={menuOpen ? 'M6 6l12 12M18 6 6 18' : 'M3 6h18M3 12h18M3 18h18'} strokeLinecap="round" />
            </svg>
            Menu
          </button>
          <div
            id={MENU_ID}
            className={`${menuOpen ? 'flex' : 'hidden'} w-full flex-col gap-3 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:gap-6 md:pb-0`}
          >
            <nav aria-label="Main" className="md:flex-1">
              <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
                {navItems
                  .filter((item) => !item.shownTo || (user !== undefined && item.shownTo(user)))
                  .map((item) => (
                    <li key={item.href}>
                      <NavLink
                        to={item.href}
                        className={({ isActive }) =>
                          `block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                            isActive
                              ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                          }`
                        }
                      >
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 md:border-0 md:pt-0 dark:border-slate-800">
              {user && (
                <p className="min-w-0 text-sm [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">
                  <span className="sr-only">Signed in as </span>
                  <span className="font-medium">{user.name ?? user.email}</span>
                  {user.name && (
                    <span className="hidden text-slate-500 lg:inline dark:text-slate-400"> ({user.email})</span>
                  )}
                </p>
              )}
              <Button variant="secondary" onClick={onSignOut} disabled={signingOut}>
                Sign out
              </Button>
            </div>
          </div>
        </div>
      </header>

      <main
        id={MAIN_ID}
        ref={mainRef}
        tabIndex={-1}
        // The webmail's three panes use the full width.
        className={`mx-auto w-full min-w-0 flex-1 outline-none ${pathname.startsWith('/inbox') ? 'px-2 py-2' : 'max-w-6xl px-4 py-6 md:py-8'}`}
      >
        {children}
      </main>
    </div>
  );
}
