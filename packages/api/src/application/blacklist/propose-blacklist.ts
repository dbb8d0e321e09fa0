import {
  blacklistStanding,
  checkBlacklistProposal,
  createEnforcementAction,
  type Actor,
  type BlacklistEventKind,
  type EnforcementActionState,
  type FireLawCitation,
} from '@firebreak/domain';
import { findVenueRef, venueBlacklistRecord } from '@firebreak/db';
import { runCreate } from '../../kernel/run-transition';
import { actorDepartment, notFound, referenceOf, requireAccess, type StaffContext } from '../access';
import { unwrap } from '../failure';

export type BlacklistDeps = Omit<StaffContext, 'actor'>;

export interface ProposeEntryInput {
  readonly venueId: string;
  readonly facts: string;
  readonly basis?: FireLawCitation | undefined;
  /** Facts not yet in the system's own record (a false commitment found on site, an obstructed inspection), each with its case reference. */
  readonly events: readonly { readonly kind: BlacklistEventKind; readonly at: string; readonly refId: string }[];
}

export interface ProposeExitInput {
  readonly venueId: string;
  readonly facts: string;
  /** When the unit applied for credit repair (信用修复申请). */
  readonly appliedAt: string | null;
}

/** A unit's blacklist standing and the record its next proposal would be decided on. */
export async function blacklistStandingOf(deps: BlacklistDeps, actor: Actor, venueId: string) {
  const venue = await findVenueRef(deps.db, venueId);
  if (!venue) notFound('VENUE', { en: 'Venue', zh: '当事单位' }, venueId);
  await requireAccess({ ...deps, actor }, 'dashboard.read', { jurisdictionId: venue.jurisdictionId });
  const record = await venueBlacklistRecord(deps.db, venue.id);
  const standing = blacklistStanding(record.blacklist);
  return { venue: { id: venue.id, name: venue.name }, standing: { ...standing, enteredAt: standing.enteredAt?.toISOString() ?? null }, openHazards: record.openHazards, penalties: record.penalties.length };
}

/**
 * 列入/移出失信黑名单 as an enforcement measure whose grounds come from the record: the unit's
 * standing and entry date, its decided penalties (as 'violation' events) and its open hazards are
 * read here, never taken from the caller; the kernel then applies the entry conditions, the exit
 * window and the correction (checkBlacklistEntry, checkBlacklistRemoval).
 */
async function propose(deps: BlacklistDeps, actor: Actor, kind: 'blacklist_entry' | 'blacklist_exit', venueId: string, facts: string, basis: FireLawCitation | undefined, grounds: (record: Awaited<ReturnType<typeof venueBlacklistRecord>>, enteredAt: Date | null) => NonNullable<Parameters<typeof createEnforcementAction>[0]['blacklist']>) {
  const ctx: StaffContext = { ...deps, actor };
  const venue = await findVenueRef(deps.db, venueId);
  if (!venue) notFound('VENUE', { en: 'Venue', zh: '当事单位' }, venueId);
  await requireAccess(ctx, 'enforcement.propose', { jurisdictionId: venue.jurisdictionId });
  const record = await venueBlacklistRecord(deps.db, venue.id);
  const { enteredAt } = unwrap(checkBlacklistProposal(kind, blacklistStanding(record.blacklist), basis));
  const department = actorDepartment(actor);
  const ref = await referenceOf(ctx);
  const created = await runCreate<EnforcementActionState, 'enforcement'>(
    ctx,
    actor,
    'enforcement',
    (k) =>
      createEnforcementAction(
        { jurisdictionId: venue.jurisdictionId, kind, target: 'unit', subjectName: venue.name, venueId: venue.id, facts, ...(basis ? { basis } : {}), blacklist: grounds(record, enteredAt) },
        k,
        { limits: ref.timeLimits },
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: venue.id, hazardId: null, kind: 'blacklist' as const, departmentId: department, legalBasis: basis ? `《中华人民共和国消防法》第${basis.article}条` : null }),
  );
  return { id: created.id, version: 1, action: created.state };
}

const penaltiesAsEvents = (record: Awaited<ReturnType<typeof venueBlacklistRecord>>) => record.penalties.map((p) => ({ kind: 'violation' as const, at: p.decidedAt.toISOString(), refId: p.id }));

export function proposeBlacklistEntry(deps: BlacklistDeps, actor: Actor, input: ProposeEntryInput) {
  return propose(deps, actor, 'blacklist_entry', input.venueId, input.facts, input.basis, (record) => ({ events: [...input.events, ...penaltiesAsEvents(record)] }));
}

export function proposeBlacklistExit(deps: BlacklistDeps, actor: Actor, input: ProposeExitInput) {
  return propose(deps, actor, 'blacklist_exit', input.venueId, input.facts, undefined, (record, enteredAt) => ({
    events: penaltiesAsEvents(record),
    enteredAt: enteredAt!.toISOString(),
    openHazards: record.openHazards,
    appliedAt: input.appliedAt,
  }));
}
