import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { hazards } from '../schema/hazards';
import { jurisdictions } from '../schema/jurisdictions';
import { responsiblePersons, venues } from '../schema/venues';
import { hazardListWhere, type HazardListFilter } from './hazards';

/** One line of the brigade's hazard ledger (台账) as it is kept on paper. */
export interface HazardLedgerRow {
  readonly id: string;
  /** createdAt at full precision, as text: the keyset cursor (a JS Date would drop the microseconds). */
  readonly cursorAt: string;
  readonly venueName: string | null;
  readonly address: string | null;
  readonly jurisdictionName: string | null;
  readonly riskCategory: string;
  readonly severity: string;
  readonly description: string | null;
  readonly foundAt: string | null;
  readonly dueAt: Date | null;
  readonly status: string;
  /** The venue's current 消防安全责任人. */
  readonly responsiblePerson: string | null;
  /** The signer of the latest re-inspection. */
  readonly reinspectorName: string | null;
  readonly closedByName: string | null;
  readonly closedAt: Date | null;
}

/**
 * The ledger rows of a filter, newest first, in pages keyed on (createdAt, id) so an export of
 * any size streams with bounded memory: pass the last row's cursorAt and id as `after` for the next.
 */
export function listHazardLedgerPage(
  db: Db,
  f: Omit<HazardListFilter, 'limit' | 'offset'>,
  page: { readonly limit: number; readonly after?: { readonly cursorAt: string; readonly id: string } },
): Promise<HazardLedgerRow[]> {
  const after = page.after
    ? sql`(${hazards.createdAt}, ${hazards.id}) < (${page.after.cursorAt}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  return db
    .select({
      id: hazards.id,
      cursorAt: sql<string>`${hazards.createdAt}::text`,
      venueName: venues.name,
      address: venues.address,
      jurisdictionName: jurisdictions.name,
      riskCategory: hazards.riskCategory,
      severity: hazards.severity,
      description: sql<string | null>`${hazards.state}->>'description'`,
      foundAt: sql<string | null>`${hazards.state}->>'foundAt'`,
      dueAt: hazards.dueAt,
      status: hazards.status,
      responsiblePerson: sql<string | null>`(select rp.name from ${responsiblePersons} rp where rp.venue_id = ${hazards.venueId} and rp.role = 'responsible' and rp.ended_at is null limit 1)`,
      reinspectorName: sql<string | null>`${hazards.state}->'reinspections'->-1->'signer'->>'name'`,
      closedByName: sql<string | null>`${hazards.state}->'closedBy'->>'name'`,
      closedAt: hazards.closedAt,
    })
    .from(hazards)
    .leftJoin(venues, eq(venues.id, hazards.venueId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, hazards.jurisdictionId))
    .where(and(hazardListWhere(f), after))
    .orderBy(desc(hazards.createdAt), desc(hazards.id))
    .limit(page.limit);
}
