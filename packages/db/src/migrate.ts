import { fileURLToPath } from 'node:url';
import { is } from 'drizzle-orm';
import { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Db } from './database';

/**
 * The committed migrations (drizzle-kit generate, never push). Resolved from this
 * file so it works from any working directory; a bundled server passes its own
 * copy through `migrationsFolder`.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

export interface MigrateOptions {
  readonly migrationsFolder?: string;
  /** Where drizzle's bookkeeping table lives (default `drizzle`; tests use their own schema). */
  readonly migrationsSchema?: string;
}

/** Applies the committed migrations not yet recorded, on either driver. */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<void> {
  const config = {
    migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER,
    ...(options.migrationsSchema ? { migrationsSchema: options.migrationsSchema } : {}),
  };
  if (is(db, PgliteDatabase)) return migratePglite(db, config);
  if (is(db, PostgresJsDatabase)) return migratePostgres(db, config);
  throw new Error('migrate(db) needs the root database from createDb, not a transaction');
}
