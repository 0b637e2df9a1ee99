import { ROLE_ABILITIES, type ConsoleRole, type Me, type RoleAbilities } from '@contract/index';
import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { meQueryOptions } from '@web/features/auth/api';
import { isUnauthorized } from '@web/lib/api-client';

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
  let me: Me;
  try {
    me = await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
  if (!ROLE_ABILITIES[me.user.role][ability]) {
    throw data(`You are signed in as ${ROLE_NAMES[me.user.role]}, and this page needs ${NEEDS[ability] ?? ability}.`, {
      status: 403,
      statusText: 'Forbidden',
    });
  }
  return me;
}
