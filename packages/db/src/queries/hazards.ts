import { and, asc, desc, eq, getTableName, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { deadlines } from '../schema/calendar';
import { hazardEvents, hazards } from '../schema/hazards';
import { departments, jurisdictions } from '../schema/jurisdictions';
import { venues } from '../schema/venues';

/**
 * `column` (a jurisdiction id) lies in the subtree rooted at `rootId`: a prefix
 * match on the materialised path, so one indexed scan instead of a recursive query.
 * An unknown root has no path, the pattern is null, and nothing matches.
 */
export function inJurisdictionSubtree(column: AnyColumn, rootId: string): SQL {
  return sql`${column} in (select j.id from ${jurisdictions} j where j.path like (select r.path from ${jurisdictions} r where r.id = ${rootId}::uuid) || '%')`;
}

/**
 * `"table"."column"`, always: in a one-table select drizzle renders a column bare, and a bare
 * `"id"` inside a correlated subquery on deadlines would name deadlines' own id.
 */
function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** The earliest legal time limit still pending for one row of `entity` (null when none is). */
export function nextPendingDeadline(entity: string, idColumn: AnyColumn): SQL<Date | null> {
  return sql<Date | null>`(select min(d.due_at) from ${deadlines} d where d.entity = ${entity} and d.entity_id = ${qualified(idColumn)}::text and d.done_at is null)`.mapWith(
    deadlines.dueAt,
  );
}

/** Whether that earliest pending limit has passed at `now`. */
export function pendingDeadlinePassed(entity: string, idColumn: AnyColumn, now: Date): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${deadlines} d where d.entity = ${entity} and d.entity_id = ${qualified(idColumn)}::text and d.done_at is null and d.due_at < ${now.toISOString()}::timestamptz)`.mapWith(
    Boolean,
  );
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface HazardListFilter extends Page {
  /** Root of the caller's jurisdiction subtree. */
  readonly jurisdictionRoot: string;
  readonly statuses?: readonly string[];
  readonly venueId?: string;
  readonly riskCategory?: string;
  readonly severity?: 'general' | 'major';
  /** Only hazards with a passed pending time limit or in the overdue status. */
  readonly overdueOnly?: boolean;
  readonly now: Date;
}

/** The hazard ledger as a table: one line per hazard, newest first, with its nearest pending time limit. */
/** The ledger's filter as one condition: the list and the XLSX export select the same rows. */
export function hazardListWhere(f: Omit<HazardListFilter, 'limit' | 'offset'>): SQL | undefined {
  const passed = pendingDeadlinePassed('hazard', hazards.id, f.now);
  return and(
    inJurisdictionSubtree(hazards.jurisdictionId, f.jurisdictionRoot),
    f.statuses && f.statuses.length > 0 ? inArray(hazards.status, [...f.statuses]) : undefined,
    f.venueId ? eq(hazards.venueId, f.venueId) : undefined,
    f.riskCategory ? eq(hazards.riskCategory, f.riskCategory) : undefined,
    f.severity ? eq(hazards.severity, f.severity) : undefined,
    f.overdueOnly ? sql`(${hazards.status} = 'overdue' or ${passed})` : undefined,
  );
}

export async function listHazards(db: Db, f: HazardListFilter) {
  const passed = pendingDeadlinePassed('hazard', hazards.id, f.now);
  const where = hazardListWhere(f);
  const items = await db
    .select({
      id: hazards.id,
      status: hazards.status,
      version: hazards.version,
      jurisdictionId: hazards.jurisdictionId,
      venueId: hazards.venueId,
      venueName: venues.name,
      riskCategory: hazards.riskCategory,
      severity: hazards.severity,
      source: hazards.source,
      description: sql<string>`${hazards.state}->>'description'`,
      dueAt: hazards.dueAt,
      closedAt: hazards.closedAt,
      nextDeadline: nextPendingDeadline('hazard', hazards.id),
      deadlinePassed: passed,
      createdAt: hazards.createdAt,
    })
    .from(hazards)
    .leftJoin(venues, eq(venues.id, hazards.venueId))
    .where(where)
    .orderBy(desc(hazards.createdAt), desc(hazards.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(hazards).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/**
 * The accountability ledger of one hazard (谁检查谁负责、谁验收谁负责、谁销号谁负责):
 * every transition with the person, role and department (by name) that made it.
 */
export function listHazardEvents(db: Db, hazardId: string) {
  return db
    .select({
      seq: hazardEvents.auditSeq,
      action: hazardEvents.action,
      fromStatus: hazardEvents.fromStatus,
      toStatus: hazardEvents.toStatus,
      actorUserId: hazardEvents.actorUserId,
      actorName: hazardEvents.actorName,
      actorRole: hazardEvents.actorRole,
      actorDepartmentId: hazardEvents.actorDepartmentId,
      actorDepartmentName: departments.name,
      at: hazardEvents.at,
      data: hazardEvents.data,
    })
    .from(hazardEvents)
    .leftJoin(departments, sql`${departments.id}::text = ${hazardEvents.actorDepartmentId}`)
    .where(eq(hazardEvents.hazardId, hazardId))
    .orderBy(asc(hazardEvents.auditSeq));
}

/** Which of `ids` name existing hazards (a report may only link hazards that exist). */
export async function findExistingHazardIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: hazards.id }).from(hazards).where(inArray(hazards.id, [...ids]));
  return rows.map((r) => r.id);
}
