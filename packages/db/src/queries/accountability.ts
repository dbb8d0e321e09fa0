import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { scopedTo } from './audit-read';

/** A named person at one accountable step, with the department they acted for. */
export interface AccountableStep {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly departmentName: string | null;
  readonly at: string;
}

/**
 * One closed hazard as a discipline inspector reviews it ("一案双查": 谁检查谁负责、谁验收谁负责、
 * 谁销号谁负责): who found it, who ordered the correction, who signed the passing re-inspection
 * (验收) and who closed it (销号), read from the kernel's stamps in the hazard's state.
 */
export type AccountabilityRow = {
  readonly hazardId: string;
  readonly venueName: string | null;
  readonly jurisdictionName: string | null;
  readonly riskCategory: string;
  readonly severity: string;
  readonly closedAt: Date | string | null;
  readonly foundBy: AccountableStep | null;
  readonly orderedBy: AccountableStep | null;
  readonly acceptedBy: AccountableStep | null;
  readonly closedBy: AccountableStep | null;
};

export interface AccountabilityQuery {
  readonly rootId: string;
  readonly from: Date | null;
  readonly to: Date | null;
  /** Only hazards where this user took one of the steps. */
  readonly userId?: string;
  readonly limit: number;
  readonly offset: number;
}

const step = (path: SQL) =>
  sql`case when ${path} is null then null else jsonb_build_object(
        'userId', ${path} ->> 'userId', 'name', ${path} ->> 'name', 'role', ${path} ->> 'role', 'at', ${path} ->> 'at',
        'departmentName', (select d.name from departments d where d.id::text = ${path} ->> 'departmentId')) end`;

/** Closed hazards of the subtree, most recently closed first, with the total for paging. */
export async function listAccountability(db: Db, q: AccountabilityQuery): Promise<{ rows: AccountabilityRow[]; total: number }> {
  const where: SQL[] = [scopedTo(sql`x.jurisdiction_id`, q.rootId), sql`x.status = 'closed'`];
  if (q.from) where.push(sql`x.closed_at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) where.push(sql`x.closed_at < ${q.to.toISOString()}::timestamptz`);
  if (q.userId) {
    where.push(sql`${q.userId} in (x.state -> 'foundBy' ->> 'userId', x.state -> 'orderedBy' ->> 'userId', x.state -> 'acceptedBy' ->> 'userId', x.state -> 'closedBy' ->> 'userId')`);
  }
  const cond = sql.join(where, sql` and `);
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from hazards x where ${cond}`);
  const rows = await queryRows<AccountabilityRow>(
    db,
    sql`select x.id::text as "hazardId", v.name as "venueName", j.name as "jurisdictionName", x.risk_category as "riskCategory",
          x.severity, x.closed_at as "closedAt",
          ${step(sql`(x.state -> 'foundBy')`)} as "foundBy",
          ${step(sql`(x.state -> 'orderedBy')`)} as "orderedBy",
          ${step(sql`(x.state -> 'acceptedBy')`)} as "acceptedBy",
          ${step(sql`(x.state -> 'closedBy')`)} as "closedBy"
        from hazards x left join venues v on v.id = x.venue_id left join jurisdictions j on j.id = x.jurisdiction_id
        where ${cond}
        order by x.closed_at desc nulls last, x.id
        limit ${q.limit} offset ${q.offset}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** Staff who appear as actors in the audit log, by part of their name, within a jurisdiction subtree. */
export async function findAuditActors(db: Db, q: { rootId: string; name: string; limit: number }): Promise<{ userId: string; name: string; role: string }[]> {
  return queryRows(
    db,
    sql`select u.id::text as "userId", u.display_name as name, u.role from users u
        where ${scopedTo(sql`u.jurisdiction_id`, q.rootId)} and u.display_name ilike ${`%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
          and u.role not in ('public', 'whistleblower', 'unit')
        order by u.display_name limit ${q.limit}`,
  );
}
