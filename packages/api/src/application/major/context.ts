import {
  DEFAULT_GB35181_VERSION,
  GB35181_RULE_TABLES,
  majorHazardNoticeDue,
  majorHazardOpinionDue,
  suggestVenueClasses,
  type Actor,
  type HazardState,
} from '@firebreak/domain';
import { findVenueRef, listDeterminationsForHazard, loadLifecycle } from '@firebreak/db';
import { requireAccess, type StaffContext } from '../access';

export type MajorContextDeps = Omit<StaffContext, 'actor'>;

/**
 * What the determination screen opens on: the hazard and its venue, the GB 35181 classes the
 * venue's categories suggest (the kernel's suggestVenueClasses), the rule tables in force, the
 * determinations already made, and the two legal clocks on the working calendar:
 * the handling opinion (7 working days from when it was found, +10 with experts) and the
 * rectification notice (3 working days from the determination, +10 with experts).
 */
export async function majorHazardContext(deps: MajorContextDeps, actor: Actor, input: { readonly hazardId: string }) {
  const ctx: StaffContext = { ...deps, actor };
  const hazard = await loadLifecycle<HazardState>(deps.db, 'hazard', input.hazardId);
  const ref = await requireAccess(ctx, 'hazard.read', { jurisdictionId: hazard.jurisdictionId });
  const venue = hazard.state.venueId ? await findVenueRef(deps.db, hazard.state.venueId) : null;
  const determinations = await listDeterminationsForHazard(deps.db, hazard.id);
  const latest = determinations[0] ?? null;
  const withExperts = latest?.withExperts ?? false;
  const opinion = majorHazardOpinionDue(ref.calendar, new Date(hazard.state.foundAt), withExperts, ref.timeLimits);
  const notice = latest?.major ? majorHazardNoticeDue(ref.calendar, latest.determinedAt, latest.withExperts, ref.timeLimits) : null;
  return {
    hazard: { id: hazard.id, version: hazard.version, status: hazard.state.status, riskCategory: hazard.state.riskCategory, description: hazard.state.description, foundAt: hazard.state.foundAt, major: hazard.state.major },
    venue: venue ? { id: venue.id, name: venue.name, categories: venue.categories } : null,
    suggestedVenueClasses: suggestVenueClasses(venue?.categories ?? []),
    ruleVersions: Object.keys(GB35181_RULE_TABLES),
    defaultRuleVersion: DEFAULT_GB35181_VERSION,
    clocks: {
      opinion: { due: opinion.due.toISOString(), basis: opinion.basis, withExperts },
      notice: notice ? { due: notice.due.toISOString(), basis: notice.basis, withExperts: latest!.withExperts } : null,
    },
    determinations: determinations.map((d) => ({
      id: d.id,
      ruleVersion: d.ruleVersion,
      major: d.major,
      computedMajor: d.computedMajor,
      decidedByRule: d.decidedByRule,
      input: d.input,
      result: d.result,
      decision: d.decision,
      withExperts: d.withExperts,
      determinedByName: d.determinedByName,
      determinedByRole: d.determinedByRole,
      determinedAt: d.determinedAt.toISOString(),
    })),
  };
}
