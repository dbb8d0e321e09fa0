import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { enforcementActions } from '../schema/enforcement';
import { venues } from '../schema/venues';
import { inJurisdictionSubtree, nextPendingDeadline, type Page } from './hazards';

export interface EnforcementListFilter extends Page {
  readonly jurisdictionRoot: string;
  readonly statuses?: readonly string[];
  readonly venueId?: string;
  readonly hazardId?: string;
  readonly kinds?: readonly string[];
}

/** Enforcement measures in the caller's subtree, newest first. */
export async function listEnforcementActions(db: Db, f: EnforcementListFilter) {
  const where = and(
    inJurisdictionSubtree(enforcementActions.jurisdictionId, f.jurisdictionRoot),
    f.statuses && f.statuses.length > 0 ? inArray(enforcementActions.status, [...f.statuses]) : undefined,
    f.venueId ? eq(enforcementActions.venueId, f.venueId) : undefined,
    f.hazardId ? sql`${enforcementActions.state}->'hazardIds' ? ${f.hazardId}` : undefined,
    f.kinds && f.kinds.length > 0 ? sql`${enforcementActions.state}->>'kind' in (${sql.join(f.kinds.map((k) => sql`${k}`), sql`, `)})` : undefined,
  );
  const items = await db
    .select({
      id: enforcementActions.id,
      status: enforcementActions.status,
      version: enforcementActions.version,
      jurisdictionId: enforcementActions.jurisdictionId,
      kind: sql<string>`${enforcementActions.state}->>'kind'`,
      subjectName: sql<string>`${enforcementActions.state}->>'subjectName'`,
      venueId: enforcementActions.venueId,
      venueName: venues.name,
      amountFen: enforcementActions.amountFen,
      legalBasis: enforcementActions.legalBasis,
      departmentId: enforcementActions.departmentId,
      decidedAt: enforcementActions.decidedAt,
      nextDeadline: nextPendingDeadline('enforcement', enforcementActions.id),
      createdAt: enforcementActions.createdAt,
    })
    .from(enforcementActions)
    .innerJoin(venues, eq(venues.id, enforcementActions.venueId))
    .where(where)
    .orderBy(desc(enforcementActions.createdAt), desc(enforcementActions.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(enforcementActions).where(where);
  return { items, total: Number(total?.n ?? 0) };
}
