export { authKeys } from './keys';
export { getMe, meQueryOptions, useMe } from './get-me';
export { login, useLogin, type UseLoginOptions } from './login';
export { logout, useLogout, type UseLogoutOptions } from './logout';
