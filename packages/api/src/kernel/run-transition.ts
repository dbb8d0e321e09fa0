import type { Actor, TransitionContext, TransitionResult } from '@firebreak/domain';
import { insertEntity, loadLifecycle, saveTransition, type Db, type ExtraColumns, type LifecycleEntity, LIFECYCLE_TABLES } from '@firebreak/db';
import type { Services } from '../context/services';
import { DomainFailure } from '../application/failure';

/** The pure kernel's view of the world for one call: actor, clock, calendar, scope, ids. */
export async function transitionContext(db: Db, services: Services, actor: Actor, now: Date): Promise<TransitionContext> {
  const ref = await services.reference.get(db);
  return { actor, now, calendar: ref.calendar, scope: ref.tree, newId: services.newId };
}

interface Deps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
}

type Table<E extends LifecycleEntity> = (typeof LIFECYCLE_TABLES)[E];

/**
 * Load → kernel transition → compare-and-set save with effects, one path for
 * every lifecycle command. Kernel refusals become coded tRPC errors; a concurrent
 * writer makes the save fail with CONCURRENCY.STALE (CONFLICT) rather than win twice.
 */
export async function runTransition<S extends { status: string }, E extends LifecycleEntity>(
  deps: Deps,
  actor: Actor,
  entity: E,
  id: string,
  apply: (state: S, k: TransitionContext) => TransitionResult<S>,
  options: { expectedVersion?: number; set?: (next: S) => ExtraColumns<Table<E>> } = {},
): Promise<{ id: string; version: number; state: S }> {
  const row = await loadLifecycle<S>(deps.db, entity, id);
  const now = deps.clock();
  const k = await transitionContext(deps.db, deps.services, actor, now);
  const result = apply(row.state, k);
  if (!result.ok) throw new DomainFailure(result.error);
  const saved = await saveTransition(deps.db, LIFECYCLE_TABLES[entity], {
    id,
    expectedVersion: options.expectedVersion ?? row.version,
    next: result.next,
    effects: result.effects,
    now,
    ...(options.set ? { set: options.set(result.next) } : {}),
  });
  return { id, version: saved.version, state: result.next };
}

/** The creating transition: the kernel's create function, then insert with its effects. */
export async function runCreate<S extends { status: string; id: string; jurisdictionId: string }, E extends LifecycleEntity>(
  deps: Deps,
  actor: Actor,
  entity: E,
  create: (k: TransitionContext) => TransitionResult<S>,
  values: (state: S) => Omit<Table<E>['$inferInsert'], 'status' | 'state' | 'version'>,
): Promise<{ id: string; state: S }> {
  const now = deps.clock();
  const k = await transitionContext(deps.db, deps.services, actor, now);
  const result = create(k);
  if (!result.ok) throw new DomainFailure(result.error);
  const inserted = await insertEntity(deps.db, LIFECYCLE_TABLES[entity], {
    values: values(result.next),
    state: result.next,
    effects: result.effects,
    now,
  });
  return { id: inserted.id, state: result.next };
}
