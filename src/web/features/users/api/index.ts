export { userKeys } from './keys';
export { getUsers, usersQueryOptions, useUsers } from './get-users';
export { getMailboxOptions, mailboxOptionsQueryOptions, useMailboxOptions } from './get-mailbox-options';
export { useCreateUser, useDeleteUser, useResetUserPassword, useUpdateUser } from './mutations';
