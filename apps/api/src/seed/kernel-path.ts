import type { Services } from '@firebreak/api';
import type { Actor, DomainError, TransitionContext, TransitionResult } from '@firebreak/domain';
import { insertEntity, loadLifecycle, saveTransition, LIFECYCLE_TABLES, type Db, type ExtraColumns, type LifecycleEntity } from '@firebreak/db';

/**
 * The lifecycle write path for steps whose router procedure does not exist yet:
 * the same sequence as packages/api's runCreate/runTransition (load the row, call
 * the kernel's pure function with the clock, calendar and jurisdiction tree,
 * compare-and-set save with the transition's effects in one transaction), so
 * the audit log, deadlines and outbox are exactly what the router would write.
 * (runCreate/runTransition are not exported from @firebreak/api.)
 */
export interface KernelDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
}

type Table<E extends LifecycleEntity> = (typeof LIFECYCLE_TABLES)[E];

/** A kernel refusal, carrying its code: the seed stops on it, since a seed step the rules refuse is a seed bug. */
export class KernelRefusal extends Error {
  constructor(readonly domain: DomainError) {
    super(`${domain.code}: ${domain.message}`);
    this.name = 'KernelRefusal';
  }
}

async function kernelContext(deps: KernelDeps, actor: Actor, now: Date): Promise<TransitionContext> {
  const ref = await deps.services.reference.get(deps.db);
  return { actor, now, calendar: ref.calendar, scope: ref.tree, newId: deps.services.newId };
}

export async function createThroughKernel<S extends { status: string; id: string; jurisdictionId: string }, E extends LifecycleEntity>(
  deps: KernelDeps,
  actor: Actor,
  entity: E,
  create: (k: TransitionContext) => TransitionResult<S>,
  values: (state: S) => Omit<Table<E>['$inferInsert'], 'status' | 'state' | 'version'>,
): Promise<{ id: string; state: S }> {
  const now = deps.clock();
  const result = create(await kernelContext(deps, actor, now));
  if (!result.ok) throw new KernelRefusal(result.error);
  const inserted = await insertEntity(deps.db, LIFECYCLE_TABLES[entity], { values: values(result.next), state: result.next, effects: result.effects, now });
  return { id: inserted.id, state: result.next };
}

export async function transitionThroughKernel<S extends { status: string }, E extends LifecycleEntity>(
  deps: KernelDeps,
  actor: Actor,
  entity: E,
  id: string,
  apply: (state: S, k: TransitionContext) => TransitionResult<S>,
  set?: (next: S) => ExtraColumns<Table<E>>,
): Promise<{ id: string; state: S }> {
  const row = await loadLifecycle<S>(deps.db, entity, id);
  const now = deps.clock();
  const result = apply(row.state, await kernelContext(deps, actor, now));
  if (!result.ok) throw new KernelRefusal(result.error);
  await saveTransition(deps.db, LIFECYCLE_TABLES[entity], {
    id,
    expectedVersion: row.version,
    next: result.next,
    effects: result.effects,
    now,
    ...(set ? { set: set(result.next) } : {}),
  });
  return { id, state: result.next };
}
