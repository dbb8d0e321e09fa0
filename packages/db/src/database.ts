import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index';

export { schema };
export type Schema = typeof schema;

/**
 * What every query takes first. A postgres.js database, a PGlite database and a
 * transaction of either all satisfy it, so `listHazards(db, ...)` runs the same
 * against the server pool, the embedded database and inside `db.transaction`.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Rows of a raw `db.execute(sql)`: postgres.js answers with an array, PGlite with
 * `{ rows }`. Raw rows skip drizzle's column mapping (names are SQL names).
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
