import { checkDrawStep, drawInspectionPlans, drawStageOf, type DrawOutput } from '@firebreak/domain';
import { countDrawInspections, getDrawRow } from '@firebreak/db';
import { planInspection } from '../inspections/plan-inspection';
import { inTransaction, requireAccess, type StaffContext } from '../access';
import { unwrap } from '../failure';

/**
 * Creates the draw's inspections: one per drawn unit, with the unit's drawn pair as the team,
 * through the same planning use case as inspections.plan (checklist in force, the kernel's
 * createInspection), all in one transaction and only once per draw.
 */
export async function planDrawInspections(ctx: StaffContext, input: { drawId: string; plannedFor: string }): Promise<{ inspectionIds: string[] }> {
  const row = await getDrawRow(ctx.db, input.drawId);
  await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
  await requireAccess(ctx, 'inspection.plan', { jurisdictionId: row.jurisdictionId });
  const planned = await countDrawInspections(ctx.db, row.id);
  unwrap(checkDrawStep(drawStageOf({ hasOutput: row.output !== null, publishedAt: row.publishedAt }), 'plan_inspections', { inspectionsPlanned: planned }));
  const plans = drawInspectionPlans(row.output as unknown as DrawOutput);
  return inTransaction(ctx, async (tx) => {
    const inspectionIds: string[] = [];
    for (const p of plans) {
      const created = await planInspection(tx, { venueId: p.venueId, source: 'double_random', sourceRef: row.id, plannedFor: input.plannedFor, team: p.team });
      inspectionIds.push(created.id);
    }
    return { inspectionIds };
  });
}
