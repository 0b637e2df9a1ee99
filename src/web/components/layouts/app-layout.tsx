import { useIsFetching } from '@tanstack/react-query';
import { useRef, type ReactNode } from 'react';
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

/**
 * The signed-in frame: skip link, demo banner, header with navigation and the user, and the page in <main>.
 * It receives the user and the sign-out action as props: layouts are shared UI and never fetch.
 */
export function AppLayout({ user, demoMode, onSignOut, signingOut, children }: AppLayoutProps) {
  const mainRef = useRef<HTMLElement>(null);
  useRouteFocus(mainRef);
  const { pathname } = useLocation();
  const fetching = useIsFetching() > 0;

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
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="font-semibold text-slate-900 dark:text-slate-50">Sentroy Console</span>
          <nav aria-label="Main" className="flex-1">
            <ul className="flex flex-wrap gap-1">
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
          <div className="flex items-center gap-3">
            {user && (
              <p className="text-sm text-slate-700 dark:text-slate-300">
                <span className="sr-only">Signed in as </span>
                <span className="font-medium">{user.name ?? user.email}</span>
                {user.name && (
                  <span className="hidden text-slate-500 sm:inline dark:text-slate-400"> ({user.email})</span>
                )}
              </p>
            )}
            <Button variant="secondary" onClick={onSignOut} disabled={signingOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>

      <main
        id={MAIN_ID}
        ref={mainRef}
        tabIndex={-1}
        // The webmail's three panes use the full width.
        className={`mx-auto w-full flex-1 outline-none ${pathname.startsWith('/inbox') ? 'px-2 py-2' : 'max-w-6xl px-4 py-8'}`}
      >
        {children}
      </main>
    </div>
  );
}
