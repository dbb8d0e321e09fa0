import type { Effect } from '@firebreak/domain';
import { and, eq, getTableName, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import type { hazards } from '../schema/hazards';
import { applyEffectsInTransaction, type AppliedEffects } from './apply-effects';
import type { LifecycleTable } from './lifecycle-tables';

/** The one thing persistence needs to know about a kernel state: its status. */
export interface LifecycleState {
  readonly status: string;
}

type ManagedColumns = 'id' | 'status' | 'state' | 'version' | 'createdAt' | 'updatedAt';

/** Entity-specific indexed columns (venue_id, due_at, amount_fen ...) to keep in step with the state. */
export type ExtraColumns<T extends LifecycleTable> = Partial<Omit<T['$inferInsert'], ManagedColumns>>;

export interface SaveTransitionInput<T extends LifecycleTable> {
  readonly id: string;
  /** The version the caller read; the write succeeds only if nobody wrote since. */
  readonly expectedVersion: number;
  readonly next: LifecycleState;
  readonly effects: readonly Effect[];
  readonly set?: ExtraColumns<T>;
  /** updated_at and deadline bookkeeping time (default: the database's transaction time). */
  readonly now?: Date;
}

export interface SavedTransition {
  readonly version: number;
  readonly applied: AppliedEffects;
}

// Every lifecycle table is built from lifecycleColumns(), so the shared columns
// are addressed through one representative table type. At run time drizzle uses
// the real table object passed in.
type Shared = typeof hazards;

/**
 * Persists a kernel transition: compare-and-set on `version` (a concurrent
 * writer makes this fail with CONCURRENCY.STALE instead of being overwritten),
 * then the transition's effects, all in one transaction.
 */
export async function saveTransition<T extends LifecycleTable>(
  db: Db,
  table: T,
  input: SaveTransitionInput<T>,
): Promise<SavedTransition> {
  const t = table as unknown as Shared;
  return db.transaction(async (tx) => {
    const now = input.now ?? sql`now()`;
    const updated = await tx
      .update(t)
      .set({
        ...(input.set as Partial<Shared['$inferInsert']> | undefined),
        state: input.next as unknown as Record<string, unknown>,
        status: input.next.status,
        version: sql`${t.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(t.id, input.id), eq(t.version, input.expectedVersion)))
      .returning({ version: t.version });
    const row = updated[0];
    if (!row) {
      const [current] = await tx.select({ version: t.version }).from(t).where(eq(t.id, input.id));
      const entity = getTableName(table);
      if (!current) {
        throw new DbError('DB.NOT_FOUND', `No ${entity} row with id ${input.id}`, `记录不存在（${entity}：${input.id}）`, {
          entity,
          id: input.id,
        });
      }
      throw new DbError(
        'CONCURRENCY.STALE',
        `The ${entity} was changed by someone else (version ${current.version}, expected ${input.expectedVersion}); reload and try again`,
        `该记录已被他人修改（当前版本 ${current.version}，预期 ${input.expectedVersion}），请刷新后重试`,
        { entity, id: input.id, expectedVersion: input.expectedVersion, actualVersion: current.version },
      );
    }
    const applied = await applyEffectsInTransaction(tx, input.effects, input.now ? { now: input.now } : {});
    return { version: row.version, applied };
  });
}

export interface InsertEntityInput<T extends LifecycleTable> {
  readonly values: Omit<T['$inferInsert'], 'status' | 'state' | 'version'>;
  readonly state: LifecycleState;
  readonly effects: readonly Effect[];
  readonly now?: Date;
}

/** The creating transition (from no state): inserts at version 1 and applies its effects, in one transaction. */
export async function insertEntity<T extends LifecycleTable>(
  db: Db,
  table: T,
  input: InsertEntityInput<T>,
): Promise<{ readonly id: string; readonly version: number; readonly applied: AppliedEffects }> {
  const t = table as unknown as Shared;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t)
      .values({
        ...(input.values as unknown as Shared['$inferInsert']),
        ...(input.now ? { createdAt: input.now, updatedAt: input.now } : {}),
        state: input.state as unknown as Record<string, unknown>,
        status: input.state.status,
        version: 1,
      })
      .returning({ id: t.id, version: t.version });
    if (!row) throw new Error('insertEntity: insert returned no row');
    const applied = await applyEffectsInTransaction(tx, input.effects, input.now ? { now: input.now } : {});
    return { id: row.id, version: row.version, applied };
  });
}
