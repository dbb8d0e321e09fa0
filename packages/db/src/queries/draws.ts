import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@firebreak/domain';
import type { Db } from '../database';
import { DbError } from '../errors';
import { draws } from '../schema/draws';
import { inspections } from '../schema/inspections';
import { users } from '../schema/users';
import { venues } from '../schema/venues';
import { scopedTo } from './audit-read';

/** Measures that count as "penalised" for the draw's priority weight (行政处罚 and sealing). */
const PENALTY_KINDS = ['fine', 'stop_business', 'temporary_sealing'];
const PENALTY_DONE = ['decided', 'served', 'executed', 'closed'];

export interface DrawUnitRecord {
  readonly id: string;
  readonly categories: string[];
  readonly jurisdictionId: string;
  readonly penalisedSince: boolean;
  readonly reportedSince: boolean;
  readonly previousInspectorIds: string[];
}

/**
 * The unit library for a draw: active venues of the given categories in the
 * subtree, by id, with what the data says about them since `since` (penalties,
 * reports, who inspected them).
 */
export async function listDrawUnitRecords(db: Db, f: { rootId: string; categories: readonly string[]; since: Date }): Promise<DrawUnitRecord[]> {
  if (f.categories.length === 0) return [];
  const since = f.since.toISOString();
  const cats = sql`array[${sql.join(
    f.categories.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const inList = (values: readonly string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  // Spelled out: drizzle leaves columns unqualified in a one-table select, and a bare
  // "id" inside the subqueries would bind to the subquery's own table.
  const venueId = sql.raw('"venues"."id"');
  return db
    .select({
      id: venues.id,
      categories: venues.categories,
      jurisdictionId: venues.jurisdictionId,
      penalisedSince: sql<boolean>`exists(select 1 from enforcement_actions de where de.venue_id = ${venueId} and de.kind in (${inList(PENALTY_KINDS)}) and de.status in (${inList(PENALTY_DONE)}) and coalesce(de.decided_at, de.updated_at) >= ${since}::timestamptz)`,
      reportedSince: sql<boolean>`exists(select 1 from reports dr where dr.venue_id = ${venueId} and dr.status <> 'rejected' and dr.submitted_at >= ${since}::timestamptz)`,
      previousInspectorIds: sql<string[]>`array(select distinct dii.user_id::text from inspection_inspectors dii join inspections di on di.id = dii.inspection_id where di.venue_id = ${venueId} and di.created_at >= ${since}::timestamptz and di.status <> 'cancelled' order by 1)`,
    })
    .from(venues)
    .where(and(eq(venues.status, 'active'), sql`${venues.categories} && ${cats}`, scopedTo(venues.jurisdictionId, f.rootId)))
    .orderBy(asc(venues.id));
}

/** Staff of the given roles in the subtree who can be sent to inspect, by id. */
export async function listDrawInspectorRecords(
  db: Db,
  f: { rootId: string; roles: readonly Role[] },
): Promise<{ id: string; jurisdictionId: string; departmentId: string }[]> {
  const rows = await db
    .select({ id: users.id, jurisdictionId: users.jurisdictionId, departmentId: users.departmentId })
    .from(users)
    .where(and(inArray(users.role, [...f.roles]), eq(users.disabled, false), scopedTo(users.jurisdictionId, f.rootId)))
    .orderBy(asc(users.id));
  return rows.flatMap((r) => (r.jurisdictionId && r.departmentId ? [{ id: r.id, jurisdictionId: r.jurisdictionId, departmentId: r.departmentId }] : []));
}

export type DrawRow = typeof draws.$inferSelect;

/** Step 1 of a committed draw: the frozen lists and parameters, the public commitment, the secret seed. */
export async function insertDrawCommitment(
  db: Db,
  input: {
    id: string;
    jurisdictionId: string;
    campaignId: string | null;
    inputs: Record<string, unknown>;
    commitment: Record<string, unknown>;
    serverSeed: string;
    createdByUserId: string;
    committedAt: Date;
  },
): Promise<DrawRow> {
  const [row] = await db
    .insert(draws)
    .values({ ...input, kind: 'units', createdAt: input.committedAt, output: null })
    .returning();
  return row!;
}

/** Step 2: the run's inputs (now with the random values) and output, once: only a committed, undrawn row is touched. */
export async function recordDrawRun(db: Db, id: string, run: { inputs: Record<string, unknown>; output: Record<string, unknown>; drawnAt: Date }): Promise<boolean> {
  const rows = await db
    .update(draws)
    .set({ inputs: run.inputs, output: run.output, drawnAt: run.drawnAt })
    .where(and(eq(draws.id, id), isNull(draws.output), sql`${draws.commitment} is not null`))
    .returning({ id: draws.id });
  return rows.length === 1;
}

/** How many inspections were planned from a draw. */
export async function countDrawInspections(db: Db, drawId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inspections).where(eq(inspections.drawId, drawId));
  return row?.n ?? 0;
}

/** The inspections planned from a draw, by venue. */
export async function listDrawInspections(db: Db, drawId: string): Promise<{ id: string; venueId: string; status: string }[]> {
  return db.select({ id: inspections.id, venueId: inspections.venueId, status: inspections.status }).from(inspections).where(eq(inspections.drawId, drawId)).orderBy(asc(inspections.createdAt));
}

/** Names of drawn venues, for the console's result table. */
export async function listDrawVenueNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string; address: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: venues.id, name: venues.name, address: venues.address }).from(venues).where(inArray(venues.id, [...ids]));
}

/** Names of staff in a draw's pool. */
export async function listDrawStaffNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids]));
}

export async function insertDraw(
  db: Db,
  input: { id: string; jurisdictionId: string; campaignId: string | null; inputs: Record<string, unknown>; output: Record<string, unknown>; createdByUserId: string; createdAt: Date },
): Promise<DrawRow> {
  const [row] = await db
    .insert(draws)
    .values({ ...input, kind: 'units' })
    .returning();
  return row!;
}

export async function getDrawRow(db: Db, id: string): Promise<DrawRow> {
  const [row] = await db.select().from(draws).where(eq(draws.id, id)).limit(1);
  if (!row) throw new DbError('DRAW.NOT_FOUND', 'No such draw', '抽查记录不存在', { id });
  return row;
}

/** Draws in the subtree, newest first, without the (large) frozen lists. */
export async function listDraws(db: Db, f: { rootId: string; published?: boolean; limit: number; offset: number }) {
  const conditions: SQL[] = [scopedTo(draws.jurisdictionId, f.rootId)];
  if (f.published === true) conditions.push(sql`${draws.publishedAt} is not null`);
  if (f.published === false) conditions.push(isNull(draws.publishedAt));
  return db
    .select({
      id: draws.id,
      jurisdictionId: draws.jurisdictionId,
      kind: draws.kind,
      campaignId: draws.campaignId,
      createdByUserId: draws.createdByUserId,
      createdAt: draws.createdAt,
      committedAt: draws.committedAt,
      drawnAt: draws.drawnAt,
      publishedAt: draws.publishedAt,
      hasOutput: sql<boolean>`${draws.output} is not null`,
      randomSource: sql<string | null>`${draws.commitment} ->> 'randomSource'`,
      unitCount: sql<number | null>`(${draws.commitment} ->> 'unitCount')::int`,
      seed: sql<string | null>`${draws.output} ->> 'seed'`,
      selections: sql<number>`coalesce(jsonb_array_length(${draws.output} -> 'selections'), 0)::int`,
    })
    .from(draws)
    .where(and(...conditions))
    .orderBy(desc(draws.createdAt), desc(draws.id))
    .limit(f.limit)
    .offset(f.offset);
}

/**
 * Sets published_at once. The update only touches an unpublished row, so a
 * second publish finds nothing (and never reaches the frozen-row trigger).
 */
export async function publishDrawRow(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(draws)
    .set({ publishedAt: at })
    .where(and(eq(draws.id, id), isNull(draws.publishedAt)))
    .returning({ id: draws.id });
  return rows.length === 1;
}
