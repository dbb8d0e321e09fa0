import { checkDeterminer, decideMajorHazard, type Actor, type CollectiveDecision, type DeterminationInput, type HazardState } from '@firebreak/domain';
import { insertDetermination, loadLifecycle } from '@firebreak/db';
// The hazard's one lifecycle path still lives beside its router (router/hazards.ts).
import { hazardCommand } from '../../router/hazards';
import { inTransaction, requireAccess, type StaffContext } from '../access';
import { unwrap } from '../failure';

/** The hazard command runs in the caller's staff context, so the deps are that context less the actor. */
export type DetermineDeps = Omit<StaffContext, 'actor'>;

export interface DetermineInput extends DeterminationInput {
  readonly hazardId: string;
  readonly hazardVersion?: number | undefined;
  readonly ruleVersion: string;
  readonly decision: CollectiveDecision;
  readonly override?: { readonly major: boolean; readonly reason: string } | undefined;
}

/**
 * 重大火灾隐患判定: the kernel's decideMajorHazard (edition, counting, quorum, expert override,
 * with experts or not) on a hazard the actor may determine, stored as evidence and recorded on
 * the hazard (mark_major) in one transaction.
 */
export async function determineMajorHazardCase(deps: DetermineDeps, actor: Actor, input: DetermineInput) {
  const ctx: StaffContext = { ...deps, actor };
  const hazard = await loadLifecycle<HazardState>(deps.db, 'hazard', input.hazardId);
  await requireAccess(ctx, 'major.determine', { jurisdictionId: hazard.jurisdictionId });
  // An expert records only an expert group's conclusion; the agency's leaders either kind.
  unwrap(checkDeterminer(actor.role, input.decision.kind));
  const determinationInput = { venueClasses: input.venueClasses, elements: input.elements, exclusions: input.exclusions };
  const id = deps.services.newId();
  const decided = unwrap(decideMajorHazard({ ruleVersion: input.ruleVersion, input: determinationInput, decision: input.decision, override: input.override, determinationId: id }));
  const { table, computed, result, quorum, withExperts } = decided;
  const now = deps.clock();
  return inTransaction(ctx, async (tx) => {
    await insertDetermination(tx.db, {
      id,
      hazardId: hazard.id,
      jurisdictionId: hazard.jurisdictionId,
      venueId: hazard.state.venueId,
      ruleVersion: table.version,
      major: result.major,
      computedMajor: computed.major,
      decidedByRule: result.decidedBy.rule,
      input: determinationInput,
      result: JSON.parse(JSON.stringify(result)) as Record<string, unknown>,
      decision: { ...input.decision, check: quorum },
      withExperts,
      determinedByUserId: actor.userId,
      determinedByName: actor.name,
      determinedByRole: actor.role,
      determinedByDepartmentId: actor.departmentId,
      determinedAt: now,
    });
    const marked = await hazardCommand(tx, hazard.id, input.hazardVersion, { type: 'mark_major', determinationId: id, decided: result.major, withExperts });
    return { determinationId: id, determination: result, collective: quorum, hazard: marked };
  });
}
