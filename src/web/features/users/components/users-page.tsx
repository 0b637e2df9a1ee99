import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConsoleRole, ManagedUser, UserWithPassword } from '@contract/index';
import { Button } from '@web/components/ui/button';
import { CopyButton } from '@web/components/ui/copy-button';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/status-message';
import { useMailboxes } from '@web/lib/company-queries';
import { useCreateUser, useDeleteUser, useResetUserPassword, useUpdateUser, useUsers } from '../api';
import { FormError, MailboxGrants, type MailboxGrantsProps } from './mailbox-grants';
import { UsersTable } from './users-table';

const ROLES: { value: ConsoleRole; label: string }[] = [
  { value: 'admin', label: 'Admin' },
  { value: 'operator', label: 'Operator' },
  { value: 'member', label: 'Member' },
];

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900';

/** The fields the create form and the edit panel share. */
function NameAndRoleFields({
  name,
  role,
  onName,
  onRole,
}: {
  name: string;
  role: ConsoleRole;
  onName: (name: string) => void;
  onRole: (role: ConsoleRole) => void;
}) {
  return (
    <>
      <label className="text-sm font-medium">
        Name
        <input className={inputClass} value={name} onChange={(e) => onName(e.target.value)} />
      </label>
      <label className="text-sm font-medium">
        Role
        <select className={inputClass} value={role} onChange={(e) => onRole(e.target.value as ConsoleRole)}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The new password, shown once with a copy button. */
function PasswordOnce({ result, onDone }: { result: UserWithPassword; onDone: () => void }) {
  return (
    <div
      role="status"
      className="my-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:bg-emerald-950"
    >
      <p className="font-semibold">Password for {result.user.email} — shown only this once, pass it on securely:</p>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <code className="rounded bg-white px-2 py-1 font-mono break-all dark:bg-slate-900">{result.password}</code>
        <CopyButton value={result.password} label={`Copy the password of ${result.user.email}`} />
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
      </p>
    </div>
  );
}

function CreateUserForm({
  mailboxes,
  onCreated,
}: {
  mailboxes: MailboxGrantsProps['mailboxes'];
  onCreated: (r: UserWithPassword) => void;
}) {
  const create = useCreateUser({ errorHandling: 'local' });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ConsoleRole>('member');
  const [grants, setGrants] = useState<string[]>([]);
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { email, name: name || null, role, mailboxes: grants },
      {
        onSuccess: (result) => {
          setEmail('');
          setName('');
          setGrants([]);
          onCreated(result);
        },
      },
    );
  };

  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      className="mb-8 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Add a user
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        <label className="text-sm font-medium">
          Email
          <input
            className={inputClass}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <NameAndRoleFields name={name} role={role} onName={setName} onRole={setRole} />
      </div>
      <MailboxGrants legend="Mailbox access" mailboxes={mailboxes} selected={grants} onChange={setGrants} />
      <FormError error={create.error} />
      <Button type="submit" className="mt-4" disabled={create.isPending}>
        Create user
      </Button>
    </form>
  );
}

function ConfirmDeleteDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const remove = useDeleteUser();
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-w-[calc(100vw-2rem)] rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Delete {user.email}?
      </h2>
      <p className="mt-2 text-sm">
        Their sessions end and they can no longer sign in. The audit log keeps their actions.
      </p>
      <div className="mt-4 flex gap-2">
        <Button
          variant="danger"
          onClick={() => remove.mutate(user.id, { onSuccess: onClose })}
          disabled={remove.isPending}
        >
          Delete user
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}

function EditUserPanel({
  user,
  mailboxes,
  onClose,
}: {
  user: ManagedUser;
  mailboxes: MailboxGrantsProps['mailboxes'];
  onClose: () => void;
}) {
  const update = useUpdateUser({ errorHandling: 'local' });
  const [role, setRole] = useState<ConsoleRole>(user.role);
  const [name, setName] = useState(user.name ?? '');
  const [grants, setGrants] = useState<string[]>(user.mailboxes);
  const titleId = useId();
  return (
    <form
      aria-labelledby={titleId}
      className="my-4 rounded-lg border border-indigo-200 p-4 dark:border-indigo-800"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: user.id, role, name: name || null, mailboxes: grants }, { onSuccess: onClose });
      }}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Edit {user.email}
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <NameAndRoleFields name={name} role={role} onName={setName} onRole={setRole} />
      </div>
      <MailboxGrants legend="Mailbox access" mailboxes={mailboxes} selected={grants} onChange={setGrants} />
      <FormError error={update.error} />
      <div className="mt-4 flex gap-2">
        <Button type="submit" disabled={update.isPending}>
          Save changes
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Users page (admins): create, edit role and grants, reset password, disable/enable, delete. */
export function UsersPage() {
  const users = useUsers();
  const mailboxQuery = useMailboxes();
  const mailboxes = {
    data: mailboxQuery.data,
    error: mailboxQuery.error,
    onRetry: () => void mailboxQuery.refetch(),
  };
  const update = useUpdateUser();
  const reset = useResetUserPassword();
  const [shownPassword, setShownPassword] = useState<UserWithPassword>();
  const [editing, setEditing] = useState<ManagedUser>();
  const [deleting, setDeleting] = useState<ManagedUser>();

  return (
    <>
      {shownPassword && <PasswordOnce result={shownPassword} onDone={() => setShownPassword(undefined)} />}
      <CreateUserForm mailboxes={mailboxes} onCreated={setShownPassword} />
      {editing && (
        <EditUserPanel key={editing.id} user={editing} mailboxes={mailboxes} onClose={() => setEditing(undefined)} />
      )}
      {deleting && <ConfirmDeleteDialog user={deleting} onClose={() => setDeleting(undefined)} />}

      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState
          title="The users could not be loaded."
          message={users.error.message}
          onRetry={() => void users.refetch()}
        />
      ) : users.data.length === 0 ? (
        <EmptyState title="No users yet" />
      ) : (
        <UsersTable
          users={users.data}
          onEdit={setEditing}
          onResetPassword={(u) => reset.mutate(u.id, { onSuccess: setShownPassword })}
          onToggleDisabled={(u) => update.mutate({ id: u.id, disabled: !u.disabled })}
          onDelete={setDeleting}
        />
      )}
    </>
  );
}
