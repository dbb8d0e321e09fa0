import { createInspection, type InspectionSource, type InspectionState, type Participant } from '@firebreak/domain';
import { findStaffUsers, findVenueRef, getDrawRow, insertInspectionTeam, loadLifecycle } from '@firebreak/db';
import { runCreate } from '../../kernel/run-transition';
import { venueChecklist } from '../../services/venue-checklist';
import { inspectionSourceColumn } from '../../router/staff/columns';
import { actorDepartment, inTransaction, notFound, requireAll, type StaffContext } from '../access';

export interface PlanInspectionInput {
  readonly venueId: string;
  readonly source: InspectionSource;
  /** The report verified, campaign, draw ... the inspection answers. */
  readonly sourceRef?: string | undefined;
  readonly plannedFor: string;
  readonly team: readonly string[];
  readonly experts?: readonly string[] | undefined;
}

/** Active staff accounts as the kernel names the people of an inspection. */
export async function inspectionParticipants(ctx: Pick<StaffContext, 'db'>, ids: readonly string[]): Promise<Participant[]> {
  const rows = await findStaffUsers(ctx.db, ids);
  const byId = new Map(rows.filter((r) => !r.disabled).map((r) => [r.id, r]));
  requireAll('USER', { en: 'Inspection participants', zh: '检查人员' }, ids, [...byId.keys()]);
  return ids.map((i) => {
    const u = byId.get(i)!;
    return { userId: u.id, name: u.displayName, role: u.role, departmentId: u.departmentId };
  });
}

/**
 * 制定检查计划 (inspections.plan, and draws.planInspections for each drawn unit): the venue's
 * checklist from the standards in force, a team the kernel's createInspection counts and scopes,
 * the team rows, in one transaction.
 */
export async function planInspection(ctx: StaffContext, input: PlanInspectionInput) {
  const venue = await findVenueRef(ctx.db, input.venueId);
  if (!venue) notFound('VENUE', { en: 'Venue', zh: '被检查单位' }, input.venueId);
  if (input.source === 'report_verification' && input.sourceRef !== undefined) await loadLifecycle(ctx.db, 'report', input.sourceRef);
  const fromDraw = input.source === 'double_random' && input.sourceRef !== undefined;
  if (input.source === 'double_random' && input.sourceRef !== undefined) await getDrawRow(ctx.db, input.sourceRef);
  const team = await inspectionParticipants(ctx, input.team);
  const experts = await inspectionParticipants(ctx, input.experts ?? []);
  const now = ctx.clock();
  const checklist = await venueChecklist(ctx.db, venue.categories, now);
  const department = actorDepartment(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const created = await runCreate<InspectionState, 'inspection'>(
      tx,
      ctx.actor,
      'inspection',
      (k) =>
        createInspection(
          {
            jurisdictionId: venue.jurisdictionId,
            venueId: venue.id,
            source: input.source,
            sourceRef: input.sourceRef ?? null,
            plannedFor: input.plannedFor,
            checkItemIds: checklist.items.map((i) => i.id),
            team,
            experts,
          },
          k,
        ),
      (s) => ({
        id: s.id,
        jurisdictionId: s.jurisdictionId,
        venueId: s.venueId,
        source: inspectionSourceColumn(s.source),
        departmentId: department,
        reportId: s.source === 'report_verification' ? s.sourceRef : null,
        drawId: fromDraw ? s.sourceRef : null,
        scheduledFor: new Date(`${s.plannedFor}T00:00:00+08:00`),
      }),
    );
    await insertInspectionTeam(tx.db, created.id, [
      ...team.map((p, i) => ({ userId: p.userId, role: i === 0 ? ('lead' as const) : ('member' as const) })),
      ...experts.map((p) => ({ userId: p.userId, role: 'expert' as const })),
    ]);
    return { id: created.id, version: 1, inspection: created.state, checklist: { standards: checklist.standards, missing: checklist.missing } };
  });
}
