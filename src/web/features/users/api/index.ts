export { userKeys } from './keys';
export { getUsers, usersQueryOptions, useUsers } from './get-users';
export { useCreateUser, useDeleteUser, useResetUserPassword, useUpdateUser } from './mutations';
