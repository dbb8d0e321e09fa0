import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database';
import { auditLog } from '../schema/audit';

/**
 * `column` lies in the jurisdiction subtree rooted at `rootId`: a prefix match on
 * the materialised path, one indexed probe instead of an id list that grows with
 * the tree. An unknown root matches nothing, so a stale id never widens a scope.
 */
export function scopedTo(column: AnyPgColumn | SQL, rootId: string): SQL {
  return sql`${column} in (select sj.id from jurisdictions sj where sj.path like (select rj.path from jurisdictions rj where rj.id = ${rootId}) || '%')`;
}

/**
 * The jurisdiction of the record an audit entry or deadline is about, looked up by
 * entity kind (each branch probes one primary key). Entries about records without
 * a jurisdiction (standards, rules, the calendar) fall back to a `jurisdictionId`
 * the writer put in the entry's data, else null.
 */
export function subjectJurisdiction(entity: AnyPgColumn | SQL, entityId: AnyPgColumn | SQL, data?: AnyPgColumn | SQL): SQL {
  const fallback = data
    ? sql`case when (${data} ->> 'jurisdictionId') ~ '^[0-9a-fA-F-]{36}$' then (${data} ->> 'jurisdictionId')::uuid end`
    : sql`null::uuid`;
  const by = (table: string) => sql.raw(`(select sx.jurisdiction_id from ${table} sx where sx.id = `);
  return sql`(case ${entity}
    when 'report' then ${by('reports')}${entityId}::uuid)
    when 'hazard' then ${by('hazards')}${entityId}::uuid)
    when 'inspection' then ${by('inspections')}${entityId}::uuid)
    when 'enforcement' then ${by('enforcement_actions')}${entityId}::uuid)
    when 'referral' then ${by('referrals')}${entityId}::uuid)
    when 'listing' then ${by('listings')}${entityId}::uuid)
    when 'reward' then ${by('rewards')}${entityId}::uuid)
    when 'claim' then ${by('claims')}${entityId}::uuid)
    when 'disclosure' then ${by('disclosure_requests')}${entityId}::uuid)
    when 'campaign_task' then ${by('campaign_tasks')}${entityId}::uuid)
    when 'campaign' then ${by('campaigns')}${entityId}::uuid)
    when 'draw' then ${by('draws')}${entityId}::uuid)
    when 'venue' then ${by('venues')}${entityId}::uuid)
    when 'user' then ${by('users')}${entityId}::uuid)
    else ${fallback} end)`;
}

export interface AuditListFilter {
  /** Root of the reader's jurisdiction subtree. */
  readonly rootId: string;
  /** Entries about records without a jurisdiction are shown only to readers at the top of the tree. */
  readonly includeUnscoped: boolean;
  readonly entity?: string;
  readonly entityId?: string;
  readonly actorUserId?: string;
  readonly action?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Newest first; pass the last seq seen to read further back. */
  readonly beforeSeq?: number;
  readonly limit: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function listAuditEntries(db: Db, f: AuditListFilter): Promise<AuditRow[]> {
  // Qualified by hand: drizzle leaves a one-table select's columns bare, and these end up inside subqueries.
  const jid = subjectJurisdiction(sql.raw('"audit_log"."entity"'), sql.raw('"audit_log"."entity_id"'), sql.raw('"audit_log"."data"'));
  const scope = f.includeUnscoped
    ? sql`(${jid} is null or ${scopedTo(jid, f.rootId)})`
    : scopedTo(jid, f.rootId);
  const conditions: SQL[] = [scope];
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.actorUserId) conditions.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  if (f.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
}

/** How many entries record `action` on one record (tests and the payout check). */
export async function countAuditEntries(db: Db, f: { entity: string; entityId: string; action?: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.entity, f.entity), eq(auditLog.entityId, f.entityId), f.action ? eq(auditLog.action, f.action) : undefined));
  return row?.n ?? 0;
}

/** Row count of a table: tests compare before and after a refused call. */
export async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}
