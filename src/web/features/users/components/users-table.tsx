import type { ManagedUser } from '@contract/index';
import { BidiText } from '@web/components/ui/bidi-text';
import { Badge } from '@web/components/ui/badge';
import { Button } from '@web/components/ui/button';
import { DataTable, type DataTableColumn } from '@web/components/ui/data-table';

export interface UsersTableProps {
  users: readonly ManagedUser[];
  onEdit: (user: ManagedUser) => void;
  onResetPassword: (user: ManagedUser) => void;
  onToggleDisabled: (user: ManagedUser) => void;
  onDelete: (user: ManagedUser) => void;
}

/** Console users with role, mailbox grants and state; disabling and deleting look destructive, enabling does not. */
export function UsersTable({ users, onEdit, onResetPassword, onToggleDisabled, onDelete }: UsersTableProps) {
  const columns: DataTableColumn<ManagedUser>[] = [
    {
      id: 'user',
      header: 'User',
      rowHeader: true,
      cell: (u) => (
        <>
          {u.email}
          {u.name && (
            <span className="block font-normal text-slate-500 dark:text-slate-400">
              <BidiText text={u.name} />
            </span>
          )}
        </>
      ),
    },
    { id: 'role', header: 'Role', cell: (u) => u.role },
    { id: 'mailboxes', header: 'Mailboxes', cell: (u) => (u.mailboxes.length > 0 ? u.mailboxes.join(', ') : '—') },
    {
      id: 'state',
      header: 'State',
      cell: (u) => (u.disabled ? <Badge tone="warning">Disabled</Badge> : <Badge tone="success">Active</Badge>),
    },
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      cell: (u) => (
        <div className="flex flex-wrap gap-1">
          <Button variant="ghost" aria-label={`Edit ${u.email}`} onClick={() => onEdit(u)}>
            Edit
          </Button>
          <Button variant="ghost" aria-label={`Reset password of ${u.email}`} onClick={() => onResetPassword(u)}>
            Reset password
          </Button>
          <Button
            variant={u.disabled ? 'secondary' : 'danger'}
            aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}
            onClick={() => onToggleDisabled(u)}
          >
            {u.disabled ? 'Enable' : 'Disable'}
          </Button>
          <Button variant="danger" aria-label={`Delete ${u.email}`} onClick={() => onDelete(u)}>
            Delete
          </Button>
        </div>
      ),
    },
  ];
  return <DataTable caption="Console users" columns={columns} rows={users} rowKey={(u) => u.id} />;
}
