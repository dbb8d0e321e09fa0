import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { createDb, type DbHandle } from './create-db';
import { schema, type Db } from './database';
import { migrate, MIGRATIONS_FOLDER } from './migrate';
import { jurisdictionPath, jurisdictions, type JurisdictionLevel } from './schema/jurisdictions';

export interface TestDb extends DbHandle {
  /** The per-run schema on real PostgreSQL; null on PGlite. */
  readonly schemaName: string | null;
  /** The connection string used (null on PGlite), for tests that open extra clients. */
  readonly url: string | null;
  /** Empties every table (the append-only triggers are suspended for the purpose). */
  reset(): Promise<void>;
}

export interface CreateTestDbOptions {
  /** Overrides DATABASE_URL (null forces PGlite). */
  readonly url?: string | null;
  /** postgres.js pool size on real PostgreSQL (default 20, enough for concurrency tests). */
  readonly maxConnections?: number;
}

/**
 * A migrated database for integration tests, from the committed migrations
 * (never push), so tests exercise exactly what deployments run.
 *
 * Without DATABASE_URL: in-memory PGlite. With it: a fresh uniquely named schema
 * on that server, first on search_path, with the migrations (and drizzle's
 * bookkeeping) applied inside it, dropped again by close(). Many test files can
 * therefore share one PostgreSQL database in parallel.
 *
 * This is the one module of the package allowed to read the environment.
 */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  if (!url) {
    const handle = await openMigratedPglite();
    return { ...handle, schemaName: null, url: null, reset: () => resetTables(handle.db) };
  }
  const schemaName = `fbtest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const handle = await createDb({
    url,
    searchPath: schemaName,
    migrationsSchema: schemaName,
    maxConnections: options.maxConnections ?? 20,
  });
  let closed = false;
  return {
    db: handle.db,
    driver: handle.driver,
    schemaName,
    url,
    reset: () => resetTables(handle.db),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await handle.db.execute(sql`drop schema if exists ${sql.identifier(schemaName)} cascade`);
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * Booting PGlite runs initdb (seconds); starting from a data-directory dump
 * of an already migrated instance takes a fraction of that. The dump is made
 * by running the committed migrations, cached per process and in the temp
 * directory under a key of the migration files and the PGlite build, and
 * migrate() still runs on every copy, so a stale template can only cost time.
 */
async function openMigratedPglite(): Promise<DbHandle> {
  const template = await migratedTemplate();
  let client: PGlite;
  try {
    client = await PGlite.create({ loadDataDir: template.blob });
  } catch {
    rmSync(template.file, { force: true });
    templatePromise = null;
    client = await PGlite.create({ loadDataDir: (await migratedTemplate()).blob });
  }
  const db = drizzle({ client, schema });
  await migrate(db);
  // Idempotent: a test may close early to see how callers cope with a vanished database.
  return { db, driver: 'pglite', close: async () => (client.closed ? undefined : client.close()) };
}

let templatePromise: Promise<{ blob: Blob; file: string }> | null = null;

function migratedTemplate(): Promise<{ blob: Blob; file: string }> {
  templatePromise ??= (async () => {
    const file = join(tmpdir(), `firebreak-pglite-template-${templateKey()}.tar`);
    if (existsSync(file)) return { blob: new Blob([readFileSync(file)]), file };
    const client = await PGlite.create();
    try {
      await migrate(drizzle({ client, schema }));
      const blob = await client.dumpDataDir('none');
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      renameSync(tmp, file); // atomic: parallel workers never read a half-written template
      return { blob, file };
    } finally {
      await client.close();
    }
  })();
  return templatePromise;
}

function templateKey(): string {
  const h = createHash('sha256');
  // The resolved path names the installed PGlite version (pnpm store layout).
  h.update(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const f of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  }
  h.update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
  return h.digest('hex').slice(0, 16);
}

const APPEND_ONLY_TABLES = ['audit_log', 'audit_batches', 'hazard_events'];

async function resetTables(db: Db): Promise<void> {
  const names: string[] = [];
  for (const value of Object.values(schema) as unknown[]) {
    if (is(value, PgTable)) names.push(`"${getTableName(value)}"`);
  }
  await db.transaction(async (tx) => {
    for (const t of APPEND_ONLY_TABLES) await tx.execute(sql.raw(`alter table "${t}" disable trigger user`));
    await tx.execute(sql.raw(`truncate ${names.join(', ')} restart identity cascade`));
    for (const t of APPEND_ONLY_TABLES) await tx.execute(sql.raw(`alter table "${t}" enable trigger user`));
  });
}

/** Inserts a jurisdiction node (tests need one for every lifecycle row). */
export async function insertTestJurisdiction(
  db: Db,
  input: { readonly name?: string; readonly level?: JurisdictionLevel; readonly parent?: { readonly id: string; readonly path: string } } = {},
): Promise<{ id: string; path: string }> {
  const id = randomUUID();
  const path = jurisdictionPath(input.parent?.path ?? null, id);
  await db.insert(jurisdictions).values({
    id,
    parentId: input.parent?.id ?? null,
    level: input.level ?? (input.parent ? 'district' : 'city'),
    name: input.name ?? `测试辖区 ${id.slice(0, 8)}`,
    path,
  });
  return { id, path };
}

/**
 * The same connection as `handle`, with every statement drizzle sends written
 * down: for tests that count round trips (a transaction's BEGIN and COMMIT
 * are driver calls and do not appear).
 */
export function statementLog(handle: DbHandle): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client: unknown = (handle.db as unknown as { $client: unknown }).$client;
  const db = (handle.driver === 'pglite' ? drizzle({ client: client as PGlite, schema, logger }) : drizzlePostgres({ client: client as never, schema, logger })) as unknown as Db;
  return { db, statements };
}
