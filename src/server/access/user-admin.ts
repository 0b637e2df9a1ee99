import { randomBytes } from 'node:crypto';
import {
  type createUserRequestSchema,
  type updateUserRequestSchema,
  type ConsoleRole,
  type ManagedUser,
  type UserWithPassword,
} from '@contract/index';
import type { z } from 'zod';
import { hashPassword } from '../auth/password';
import { LastAdminError } from '../db/access-store';
import type { ConsoleStore, UserRow } from '../db/index';
import { ApiError } from '../http-errors';
import { COMPANY_MESSAGES, type CompanyMailboxDirectory } from './company-mailboxes';

/**
 * User administration, shared by the admin routes (routes/users.ts) and the command line (cli/users.ts) so both
 * apply the same rules and write the same audit rows:
 * - an email is unique; grants are lower-case addresses;
 * - disabling ends the user's sessions at once; a password reset ends them too;
 * - at least one enabled admin always remains, and an admin cannot disable or delete their own account;
 * - a mailbox can only be granted when it is one of the company's mailboxes (company-mailboxes.ts): the platform
 *   would open any mailbox the console names. Only grants being added are checked, so revoking, or editing a user
 *   who still holds a grant from before this rule, never needs Sentroy (such a grant is refused at use anyway).
 */
export interface UserAdminDeps {
  store: ConsoleStore;
  now: () => Date;
  companyMailboxes: CompanyMailboxDirectory;
}

/** Who is acting: a signed-in admin, or the command line (userId null). */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
  via: 'web' | 'cli';
}

export const USER_ADMIN_MESSAGES = {
  notFound: 'No such user',
  duplicate: (email: string) => `A user with the email ${email} already exists`,
  lastAdmin: 'At least one enabled admin must remain: make another user admin first',
  selfDisable: 'You cannot disable your own account',
  selfDelete: 'You cannot delete your own account',
} as const;

/** 144 random bits, typed or pasted once: 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export function toManagedUser(row: UserRow, mailboxes: readonly string[]): ManagedUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled === 1,
    mailboxes: [...mailboxes],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function audit(
  deps: UserAdminDeps,
  actor: Actor,
  action: string,
  target: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps.store.audit.write({
    action,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    target,
    detail: { ...detail, via: actor.via },
    ip: actor.ip,
    now: deps.now(),
  });
}

async function withLastAdminGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LastAdminError) throw new ApiError(409, USER_ADMIN_MESSAGES.lastAdmin);
    throw error;
  }
}

async function findOrThrow(deps: UserAdminDeps, id: string): Promise<UserRow> {
  const row = await deps.store.users.findById(id);
  if (!row) throw new ApiError(404, USER_ADMIN_MESSAGES.notFound);
  return row;
}

export async function listUsers(deps: UserAdminDeps): Promise<ManagedUser[]> {
  const [rows, grants] = await Promise.all([deps.store.userAdmin.list(), deps.store.grants.all()]);
  return rows.map((row) => toManagedUser(row, grants.get(row.id) ?? []));
}

export async function findUserByEmail(deps: UserAdminDeps, email: string): Promise<ManagedUser> {
  const row = await deps.store.users.findByEmail(email.trim());
  if (!row) throw new ApiError(404, `No user with the email ${email.trim().toLowerCase()}`);
  return toManagedUser(row, await deps.store.grants.forUser(row.id));
}

/**
 * Refuse (403, audited with result `refused`) grants of mailboxes that are not the company's; a 503 when the list
 * cannot be fetched (fail closed). `mailboxes` are canonical (mailboxGrantsSchema / mailboxAddressSchema).
 */
async function checkNewGrants(
  deps: UserAdminDeps,
  actor: Actor,
  action: 'user.create' | 'user.update',
  target: string,
  mailboxes: readonly string[],
): Promise<void> {
  if (mailboxes.length === 0) return;
  let refusal: ApiError | undefined;
  try {
    const foreign = await deps.companyMailboxes.foreign(mailboxes);
    if (foreign.length > 0) refusal = new ApiError(403, COMPANY_MESSAGES.foreign(foreign));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    refusal = error;
  }
  if (!refusal) return;
  await audit(deps, actor, action, target, {
    mailboxes,
    result: 'refused',
    error: refusal.message,
    status: refusal.status,
  });
  throw refusal;
}

export async function createUser(
  deps: UserAdminDeps,
  actor: Actor,
  request: z.output<typeof createUserRequestSchema>,
): Promise<UserWithPassword> {
  if (await deps.store.users.findByEmail(request.email)) {
    throw new ApiError(409, USER_ADMIN_MESSAGES.duplicate(request.email));
  }
  await checkNewGrants(deps, actor, 'user.create', request.email, request.mailboxes ?? []);
  const password = request.password ?? generatePassword();
  const created = await deps.store.users.create({
    email: request.email,
    name: request.name ?? null,
    role: request.role,
    passwordHash: await hashPassword(password),
    now: deps.now(),
  });
  const mailboxes = request.mailboxes ?? [];
  if (mailboxes.length > 0) await deps.store.userAdmin.update(created.id, { mailboxes }, deps.now());
  await audit(deps, actor, 'user.create', created.email, { role: request.role, mailboxes });
  return { user: toManagedUser(created, mailboxes), password };
}

export async function updateUser(
  deps: UserAdminDeps,
  actor: Actor,
  id: string,
  patch: z.output<typeof updateUserRequestSchema>,
): Promise<ManagedUser> {
  const before = await findOrThrow(deps, id);
  if (actor.userId === id && patch.disabled === true) throw new ApiError(409, USER_ADMIN_MESSAGES.selfDisable);
  const grantsBefore = await deps.store.grants.forUser(id);
  if (patch.mailboxes !== undefined) {
    const added = patch.mailboxes.map((m) => m.toLowerCase()).filter((m) => !grantsBefore.includes(m));
    await checkNewGrants(deps, actor, 'user.update', before.email, added);
  }

  const updated = await withLastAdminGuard(() => deps.store.userAdmin.update(id, patch, deps.now()));
  if (!updated) throw new ApiError(404, USER_ADMIN_MESSAGES.notFound);
  const grantsAfter = await deps.store.grants.forUser(id);

  const changes: Record<string, unknown> = {};
  if (patch.role !== undefined && patch.role !== before.role) changes.role = { from: before.role, to: patch.role };
  if (patch.name !== undefined && patch.name !== before.name) changes.name = { from: before.name, to: patch.name };
  if (patch.disabled !== undefined && patch.disabled !== (before.disabled === 1)) changes.disabled = patch.disabled;
  const added = grantsAfter.filter((m) => !grantsBefore.includes(m));
  const removed = grantsBefore.filter((m) => !grantsAfter.includes(m));
  if (added.length > 0) changes.grantsAdded = added;
  if (removed.length > 0) changes.grantsRemoved = removed;
  if (Object.keys(changes).length > 0) await audit(deps, actor, 'user.update', updated.email, changes);
  return toManagedUser(updated, grantsAfter);
}

/** A new random password, returned once; every session of the user ends. */
export async function resetPassword(deps: UserAdminDeps, actor: Actor, id: string): Promise<UserWithPassword> {
  await findOrThrow(deps, id);
  const password = generatePassword();
  const updated = await deps.store.userAdmin.update(id, { passwordHash: await hashPassword(password) }, deps.now());
  if (!updated) throw new ApiError(404, USER_ADMIN_MESSAGES.notFound);
  const ended = await deps.store.accountSessions.endForUser(id, undefined);
  await audit(deps, actor, 'user.password-reset', updated.email, { sessionsEnded: ended });
  return { user: toManagedUser(updated, await deps.store.grants.forUser(id)), password };
}

export async function deleteUser(deps: UserAdminDeps, actor: Actor, id: string): Promise<void> {
  const row = await findOrThrow(deps, id);
  if (actor.userId === id) throw new ApiError(409, USER_ADMIN_MESSAGES.selfDelete);
  const grants = await deps.store.grants.forUser(id);
  await withLastAdminGuard(() => deps.store.userAdmin.delete(id));
  await audit(deps, actor, 'user.delete', row.email, { role: row.role, mailboxes: grants });
}

/** Grant or revoke some mailboxes, keeping the others (the CLI's grant/revoke). */
export async function changeGrants(
  deps: UserAdminDeps,
  actor: Actor,
  id: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<ManagedUser> {
  const current = await deps.store.grants.forUser(id);
  const remove = new Set((change.remove ?? []).map((m) => m.toLowerCase()));
  const next = [...new Set([...current, ...(change.add ?? []).map((m) => m.toLowerCase())])].filter(
    (m) => !remove.has(m),
  );
  return updateUser(deps, actor, id, { mailboxes: next.sort() });
}

export const isRole = (value: string): value is ConsoleRole => ['admin', 'operator', 'member'].includes(value);
