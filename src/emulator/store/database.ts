import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

export const DATABASE_FILE = 'emulator.sqlite';

/** Open (or create) `<dataDir>/emulator.sqlite` and bring its schema up to date. */
export function openDatabase(dataDir: string): { db: Database; isNew: boolean } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file);
  // WAL: readers do not block the writer; NORMAL sync is safe with WAL and much faster for bulk seeding.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const before = db.pragma('user_version', { simple: true }) as number;
  migrate(db);
  return { db, isNew: before === 0 };
}
