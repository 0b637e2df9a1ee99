import { canReadMailbox, ROLE_ABILITIES, type ConsoleRole, type Me, type RoleAbilities } from '@contract/index';
import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { meQueryOptions } from '@web/features/auth/api';
import { isUnauthorized } from '@web/lib/api-client';
import { visibleText } from '@web/lib/visible-text';

const NEEDS: Partial<Record<keyof RoleAbilities, string>> = {
  manageUsers: 'user administration',
  readAudit: 'the audit log',
};
const ROLE_NAMES: Record<ConsoleRole, string> = { admin: 'an admin', operator: 'an operator', member: 'a member' };

/**
 * The role-aware guard of a page, for its loader: the same ROLE_ABILITIES table the BFF enforces. A role without the
 * ability gets a 403 route response, which the route error element shows as the "no access" page (the BFF would
 * refuse the page's data anyway; this spares the user a broken page). Returns the user when allowed, and null when
 * the session is gone: the protected parent's loader sends that visitor to sign in.
 */
export async function requireAbility(queryClient: QueryClient, ability: keyof RoleAbilities): Promise<Me | null> {
  const me = await signedInUser(queryClient);
  if (me && !ROLE_ABILITIES[me.user.role][ability]) forbidden(me, NEEDS[ability] ?? ability);
  return me;
}

/**
 * The inbox's guard: a role that reads every mailbox (admin), or a user with at least one granted mailbox, and for
 * a link that names a mailbox, that very mailbox (the same `canReadMailbox` the BFF applies). An operator without
 * grants who follows an /inbox link gets the "no access" page instead of an inbox whose every pane fails.
 */
export async function requireInbox(queryClient: QueryClient, mailbox?: string): Promise<Me | null> {
  const me = await signedInUser(queryClient);
  if (!me) return null;
  const { role } = me.user;
  if (!ROLE_ABILITIES[role].inboxAnyMailbox && me.mailboxGrants.length === 0) {
    forbidden(me, 'a company mailbox granted to you (an admin grants them on the Users page)');
  }
  // The mailbox comes from the address bar: shown with its invisible characters made visible.
  if (mailbox && !canReadMailbox(role, me.mailboxGrants, mailbox)) forbidden(me, `the mailbox ${visibleText(mailbox)}`);
  return me;
}

/** The signed-in user, or null when the session is gone (the protected parent's loader then asks to sign in). */
async function signedInUser(queryClient: QueryClient): Promise<Me | null> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

function forbidden(me: Me, needs: string): never {
  throw data(`You are signed in as ${ROLE_NAMES[me.user.role]}, and this page needs ${needs}.`, {
    status: 403,
    statusText: 'Forbidden',
  });
}
