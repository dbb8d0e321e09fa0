import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { schema, type Db } from './database';
import { migrate } from './migrate';

export interface CreateDbOptions {
  /** postgres:// URL: use the PostgreSQL server through postgres.js. */
  readonly url?: string;
  /** Without url: PGlite persisted here (the server passes `<repo>/.data/pglite`); omitted, PGlite lives in memory. */
  readonly dataDir?: string;
  /** Schema for drizzle's migration bookkeeping (default `drizzle`). */
  readonly migrationsSchema?: string;
  /** One schema name to put first on search_path; created if missing. Default: the server's own default (public). */
  readonly searchPath?: string;
  /** Override where the committed migrations are read from (bundled servers). */
  readonly migrationsFolder?: string;
  /** postgres.js pool size (default 10). */
  readonly maxConnections?: number;
  /** Run migrations on open (default true). */
  readonly migrate?: boolean;
}

export interface DbHandle {
  readonly db: Db;
  readonly driver: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Opens the database the deployment chose: PostgreSQL when a URL is given,
 * otherwise embedded PGlite (one process per data directory, enforced by a lock
 * file). Migrations run on open, so a handle is always at the committed schema.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  for (const [name, value] of [
    ['searchPath', options.searchPath],
    ['migrationsSchema', options.migrationsSchema],
  ] as const) {
    if (value !== undefined && !IDENTIFIER.test(value)) {
      throw new Error(`createDb: ${name} must be a plain SQL identifier, got ${JSON.stringify(value)}`);
    }
  }
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: CreateDbOptions): Promise<DbHandle> {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // A startup parameter applies to every pooled connection, unlike a SET on one of them.
    ...(options.searchPath ? { connection: { search_path: options.searchPath } } : {}),
  });
  const db = drizzlePostgres({ client, schema });
  const close = () => client.end({ timeout: 5 });
  // Several server instances (or test workers) may start at once. drizzle's
  // migrator is one transaction but does not lock, so two of them would both
  // try to create the same tables. A session advisory lock, held on a
  // connection of its own for the duration, lets one migrate and the others
  // then find nothing to do. Ending that connection releases the lock.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(hashtext(${`firebreak.migrate.${options.searchPath ?? ''}`}))`;
    await prepare(db, options);
  } catch (e) {
    await close();
    throw e;
  } finally {
    await lockClient.end({ timeout: 5 });
  }
  return { db, driver: 'postgres', close };
}

async function openPglite(options: CreateDbOptions): Promise<DbHandle> {
  const lock: DataDirLock | null = options.dataDir ? acquireDataDirLock(options.dataDir) : null;
  let client: PGlite | null = null;
  try {
    client = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const db = drizzlePglite({ client, schema });
    if (options.searchPath) {
      // PGlite is a single session, so one SET holds for the handle's lifetime
      // (the schema itself is created by prepare, before migrating into it).
      await db.execute(sql.raw(`set search_path to "${options.searchPath}"`));
    }
    await prepare(db, options);
    const opened = client;
    let closed = false;
    return {
      db,
      driver: 'pglite',
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          // Flush WAL into the data files so the next open starts clean and fast.
          if (options.dataDir) await opened.exec('CHECKPOINT');
          await opened.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (e) {
    if (client && !client.closed) await client.close();
    lock?.release();
    throw e;
  }
}

async function prepare(db: Db, options: CreateDbOptions): Promise<void> {
  if (options.searchPath) {
    await db.execute(sql`create schema if not exists ${sql.identifier(options.searchPath)}`);
  }
  if (options.migrate !== false) {
    await migrate(db, {
      ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
      ...(options.migrationsSchema ? { migrationsSchema: options.migrationsSchema } : {}),
    });
  }
}
