import {
  decideDeadline,
  raiseDecision,
  stamp,
  systemActor,
  transitionHazard,
  transitionReward,
  type DeadlineDecision,
  type HazardState,
  type PendingDeadline,
  type RewardState,
} from '@firebreak/domain';
import { isDbError, listLapsedDeadlines, markDeadlineEscalated, raiseLapsedDeadline } from '@firebreak/db';
import { runTransition } from '../../kernel/run-transition';
import { treeRootOf } from '../access';
import { DomainFailure } from '../failure';
import type { JobDeps } from './job-deps';

export interface DeadlineJobResult {
  readonly escalated: number;
  readonly expired: number;
  readonly raised: number;
  /** Lapsed clocks another runner (or a person) acted on first. */
  readonly skipped: number;
}

/**
 * The deadline job: every lapsed clock is decided by the kernel (decideDeadline) and applied as
 * the named system actor `system:deadlines`, through the same transition path and audit log as a
 * person's command. Each application is conditional (the entity's version and the clock still
 * unescalated), so running it again, or on two servers at once, changes nothing twice.
 */
export async function runDeadlineJob(deps: JobDeps, options: { readonly limit?: number } = {}): Promise<DeadlineJobResult> {
  const now = deps.clock();
  const lapsed = await listLapsedDeadlines(deps.db, now, options.limit ?? 200);
  let escalated = 0;
  let expired = 0;
  let raised = 0;
  let skipped = 0;
  for (const d of lapsed) {
    const decision = decideDeadline(d, now);
    if (decision.action === 'wait') continue;
    const outcome = await applyDecision(deps, d, decision, now);
    if (outcome === 'escalated') escalated++;
    else if (outcome === 'expired') expired++;
    else if (outcome === 'raised') raised++;
    else skipped++;
  }
  if (lapsed.length > 0) deps.log?.('deadline job', { lapsed: lapsed.length, escalated, expired, raised, skipped });
  return { escalated, expired, raised, skipped };
}

type Outcome = 'escalated' | 'expired' | 'raised' | 'skipped';

async function actorFor(deps: JobDeps, d: PendingDeadline) {
  const ref = await deps.services.reference.get(deps.db);
  const root = d.jurisdictionId === null ? 'none' : treeRootOf(ref, d.jurisdictionId);
  return { ref, actor: systemActor('deadlines', root) };
}

async function applyDecision(deps: JobDeps, d: PendingDeadline, decision: Exclude<DeadlineDecision, { action: 'wait' }>, now: Date): Promise<Outcome> {
  const { ref, actor } = await actorFor(deps, d);
  if (decision.action === 'transition' && d.jurisdictionId !== null) {
    try {
      // The transition and the clock's mark commit together: a run killed between them left neither.
      return await deps.db.transaction(async (tx) => {
        const k = { db: tx, services: deps.services, clock: () => now };
        if (decision.entity === 'hazard') {
          await runTransition<HazardState, 'hazard'>(k, actor, 'hazard', d.entityId, (s, ctx) => transitionHazard(s, decision.command, ctx, ref.timeLimits));
        } else {
          await runTransition<RewardState, 'reward'>(k, actor, 'reward', d.entityId, (s, ctx) => transitionReward(s, decision.command, ctx));
        }
        await markDeadlineEscalated(tx, d.id, now);
        return decision.entity === 'hazard' ? 'escalated' : 'expired';
      });
    } catch (e) {
      // Another writer moved the entity since it was read: the next run decides again from its new state.
      if (isDbError(e) && e.code === 'CONCURRENCY.STALE') return 'skipped';
      if (!(e instanceof DomainFailure)) throw e;
      deps.log?.('deadline transition refused; raising the clock instead', { kind: d.kind, entity: d.entity, code: e.domain.code });
      return raise(deps, d, raiseDecision(d), actor, now);
    }
  }
  return raise(deps, d, decision.action === 'raise' ? decision : raiseDecision(d), actor, now);
}

async function raise(
  deps: JobDeps,
  d: PendingDeadline,
  decision: Extract<DeadlineDecision, { action: 'raise' }>,
  actor: ReturnType<typeof systemActor>,
  now: Date,
): Promise<Outcome> {
  const done = await raiseLapsedDeadline(deps.db, {
    deadlineId: d.id,
    now,
    audit: {
      entity: d.entity,
      entityId: d.entityId,
      action: decision.auditAction,
      from: null,
      to: null,
      by: stamp(actor, now),
      data: { kind: d.kind, due: d.dueAt, basis: d.basis, flag: decision.flag },
    },
    notify: decision.notify,
  });
  return done ? 'raised' : 'skipped';
}
