import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDb } from './create-db';
import { LOCK_FILE_NAME } from './data-dir-lock';
import { queryRows } from './database';
import { DbError } from './errors';
import { jurisdictions } from './schema/index';
import { createTestDb, insertTestJurisdiction } from './testing';
import { MIGRATIONS_FOLDER } from './migrate';

// Every committed migration is applied exactly once, however many there are.
const JOURNAL_ENTRIES = (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

// These exercise the embedded database on disk, whatever DATABASE_URL says.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-pglite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createDb with PGlite on disk', () => {
  test('data survives close and reopen, and migrations are not re-applied', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await createDb({ dataDir });
    expect(first.driver).toBe('pglite');
    const j = await insertTestJurisdiction(first.db, { name: '测试市' });
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const second = await createDb({ dataDir });
    try {
      const [row] = await second.db.select().from(jurisdictions).where(eq(jurisdictions.id, j.id));
      expect(row?.name).toBe('测试市');
      const applied = await queryRows<{ n: number }>(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied[0]?.n).toBe(JOURNAL_ENTRIES);
    } finally {
      await second.close();
    }
  });

  test('a second open of the same data directory is refused until the first closes', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await createDb({ dataDir });
    let refusal: unknown;
    try {
      await createDb({ dataDir });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DbError);
    expect((refusal as DbError).code).toBe('DB.DATA_DIR_LOCKED');
    expect((refusal as DbError).messageZh).toContain('PGlite');
    // the refused open must not have released the holder's lock
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);

    await first.close();
    const again = await createDb({ dataDir });
    await again.close();
  });

  test('searchPath puts the tables in the named schema', async () => {
    const handle = await createDb({ searchPath: 'tenant_a', migrationsSchema: 'tenant_a' });
    try {
      const rows = await queryRows<{ table_schema: string }>(
        handle.db,
        sql`select table_schema from information_schema.tables where table_name = 'audit_log'`,
      );
      expect(rows.map((r) => r.table_schema)).toEqual(['tenant_a']);
    } finally {
      await handle.close();
    }
  });
});

describe('createDb on the test database server', () => {
  // Four WASM PostgreSQL instances migrating at once take minutes on a loaded 2-core machine, not seconds.
  test('several handles opening one database at once all come up migrated', async () => {
    // Uses whatever createTestDb uses: PostgreSQL when configured (where the
    // migration lock matters), otherwise independent in-memory PGlite instances.
    const probe = await createTestDb();
    const url = probe.url;
    await probe.close();
    const schemaName = `fbtest_race_${randomBytes(4).toString('hex')}`;
    const open = () => (url ? createDb({ url, searchPath: schemaName, migrationsSchema: schemaName, maxConnections: 2 }) : createDb());
    const settled = await Promise.allSettled([open(), open(), open(), open()]);
    const handles = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
      for (const h of handles) {
        const migrations = url
          ? await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from ${sql.identifier(schemaName)}.__drizzle_migrations`)
          : await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(migrations[0]?.n).toBe(JOURNAL_ENTRIES);
        await h.db.select().from(jurisdictions).limit(1);
      }
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      if (url) {
        const admin = await createDb({ url, migrate: false, maxConnections: 1 });
        await admin.db.execute(sql`drop schema if exists ${sql.identifier(schemaName)} cascade`);
        await admin.close();
      }
    }
  }, 300_000);
});
