import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { referrals } from '../schema/enforcement';
import { departments } from '../schema/jurisdictions';
import { inJurisdictionSubtree, nextPendingDeadline, type Page } from './hazards';

/** A department as the referral procedures need it: that it exists, its kind and where it sits. */
export async function findDepartmentRef(db: Db, departmentId: string) {
  const [row] = await db
    .select({ id: departments.id, name: departments.name, kind: departments.kind, sector: departments.sector, jurisdictionId: departments.jurisdictionId })
    .from(departments)
    .where(eq(departments.id, departmentId))
    .limit(1);
  return row ?? null;
}

export interface ReferralListFilter extends Page {
  /** The caller's department: referrals to or from it are always theirs to see. */
  readonly departmentId: string;
  /**
   * Also referrals in this jurisdiction subtree (fire agencies follow what their
   * district sends and receives); null binds the list to the department alone.
   */
  readonly jurisdictionRoot: string | null;
  readonly direction?: 'incoming' | 'outgoing';
  readonly statuses?: readonly string[];
}

export async function listReferrals(db: Db, f: ReferralListFilter) {
  const own =
    f.direction === 'incoming'
      ? eq(referrals.toDepartmentId, f.departmentId)
      : f.direction === 'outgoing'
        ? eq(referrals.fromDepartmentId, f.departmentId)
        : or(eq(referrals.toDepartmentId, f.departmentId), eq(referrals.fromDepartmentId, f.departmentId));
  const visible = f.jurisdictionRoot !== null && f.direction === undefined ? or(own, inJurisdictionSubtree(referrals.jurisdictionId, f.jurisdictionRoot)) : own;
  const where = and(visible, f.statuses && f.statuses.length > 0 ? inArray(referrals.status, [...f.statuses]) : undefined);
  const items = await db
    .select({
      id: referrals.id,
      status: referrals.status,
      version: referrals.version,
      jurisdictionId: referrals.jurisdictionId,
      kind: sql<string>`${referrals.state}->>'kind'`,
      fromDepartmentId: referrals.fromDepartmentId,
      toDepartmentId: referrals.toDepartmentId,
      toDepartmentName: departments.name,
      venueId: referrals.venueId,
      hazardId: referrals.hazardId,
      enforcementId: referrals.enforcementId,
      summary: sql<string>`${referrals.state}->>'summary'`,
      nextDeadline: nextPendingDeadline('referral', referrals.id),
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .innerJoin(departments, eq(departments.id, referrals.toDepartmentId))
    .where(where)
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(referrals).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The referral an enforcement action opened, if any. */
export async function findReferralForEnforcement(db: Db, enforcementId: string) {
  const [row] = await db.select({ id: referrals.id, status: referrals.status }).from(referrals).where(eq(referrals.enforcementId, enforcementId)).limit(1);
  return row ?? null;
}
