export { openConsoleDatabase, DATABASE_FILE_NAME } from './open-database';
export { createConsoleStore, type ConsoleStore, type AuditEntry } from './store';
export type { ConsoleDatabase, UserRow, SessionRow } from './schema';
