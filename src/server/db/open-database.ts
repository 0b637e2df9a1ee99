import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { consoleMigrationProvider } from './migrations';
import type { ConsoleDatabase } from './schema';

export const DATABASE_FILE_NAME = 'console.sqlite';

/**
 * Open (creating if needed) `<dataDir>/console.sqlite` and bring its schema up to date.
 * This is the only place that knows the engine is SQLite; everything else sees `Kysely<ConsoleDatabase>`.
 */
export async function openConsoleDatabase(dataDir: string): Promise<Kysely<ConsoleDatabase>> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(path.join(dataDir, DATABASE_FILE_NAME));
  // WAL lets readers continue while a write commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<ConsoleDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });

  const { error, results } = await new Migrator({ db, provider: consoleMigrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Console database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return db;
}
