import { eq } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import type { hazards } from '../schema/hazards';
import { LIFECYCLE_TABLES, type LifecycleEntity } from '../transitions/lifecycle-tables';

export interface LifecycleRow<S> {
  readonly id: string;
  readonly version: number;
  readonly jurisdictionId: string;
  readonly state: S;
}

type Shared = typeof hazards;

/** One lifecycle row with the kernel state it carries; DB.NOT_FOUND when absent. */
export async function loadLifecycle<S>(db: Db, entity: LifecycleEntity, id: string): Promise<LifecycleRow<S>> {
  const t = LIFECYCLE_TABLES[entity] as unknown as Shared;
  const [row] = await db
    .select({ id: t.id, version: t.version, jurisdictionId: t.jurisdictionId, state: t.state })
    .from(t)
    .where(eq(t.id, id))
    .limit(1);
  if (!row) {
    throw new DbError('DB.NOT_FOUND', `No ${entity} with id ${id}`, `记录不存在（${entity}）`, { entity, id });
  }
  return { id: row.id, version: row.version, jurisdictionId: row.jurisdictionId, state: row.state as S };
}
