import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { subjectJurisdiction } from './audit-read';

export interface DashboardQuery {
  /** Each figure is counted once per bucket, over the bucket's whole subtree. */
  readonly bucketIds: readonly string[];
  /** Optional period [from, to) for event-dated figures; state-of-now figures ignore it. */
  readonly from: Date | null;
  readonly to: Date | null;
  readonly now: Date;
}

export interface DashboardFigures {
  readonly jurisdictionId: string;
  readonly unitsInspected: number;
  readonly hazardsFound: number;
  readonly hazardsRemediated: number;
  readonly hazardsOpen: number;
  readonly hazardsOverdue: number;
  readonly majorHazardUnitsListed: number;
  readonly majorHazardUnitsUnderSupervision: number;
  readonly highRiskUnits: number;
  readonly highRiskUnitsExpertChecked: number;
  readonly jointInspectionsByDepartment: readonly { departmentId: string; departmentName: string; inspections: number }[];
  readonly reportsByStatus: Readonly<Record<string, number>>;
  readonly overdueDeadlines: readonly { entity: string; kind: string; count: number }[];
  /** Figures lead departments reported on campaign tasks (fire lanes cleared, training sessions, people trained ...). */
  readonly campaignFigures: Readonly<Record<string, number>>;
}

type Row = Record<string, unknown> & { bucket: string };

/**
 * The figures DOMAIN.md §7 asks of a dashboard, aggregated in SQL per bucket
 * (a jurisdiction and everything below it). Queries run one after another: PGlite
 * has a single connection.
 */
export async function dashboardFigures(db: Db, q: DashboardQuery): Promise<DashboardFigures[]> {
  if (q.bucketIds.length === 0) return [];
  const ids = sql.join(
    q.bucketIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const inBucket = (jurisdictionColumn: SQL) =>
    sql`jurisdictions j on j.id = ${jurisdictionColumn} join jurisdictions b on j.path like b.path || '%'`;
  const bucketFilter = sql`b.id in (${ids})`;
  const period = (column: SQL): SQL => {
    const parts: SQL[] = [sql`true`];
    if (q.from) parts.push(sql`${column} >= ${q.from.toISOString()}::timestamptz`);
    if (q.to) parts.push(sql`${column} < ${q.to.toISOString()}::timestamptz`);
    return sql.join(parts, sql` and `);
  };
  const now = sql`${q.now.toISOString()}::timestamptz`;

  const inspected = await queryRows<Row & { n: number }>(
    db,
    sql`select b.id::text as bucket, count(distinct x.venue_id)::int as n
        from inspections x join ${inBucket(sql`x.jurisdiction_id`)}
        where ${bucketFilter} and x.status = 'completed' and ${period(sql`coalesce(x.finished_at, x.updated_at)`)}
        group by b.id`,
  );
  const hazardCounts = await queryRows<Row & { found: number; remediated: number; open: number; overdue: number }>(
    db,
    sql`select b.id::text as bucket,
          (count(*) filter (where x.status <> 'dismissed' and ${period(sql`x.created_at`)}))::int as found,
          (count(*) filter (where x.status = 'closed' and ${period(sql`coalesce(x.closed_at, x.updated_at)`)}))::int as remediated,
          (count(*) filter (where x.status not in ('closed', 'dismissed')))::int as open,
          (count(*) filter (where x.status = 'overdue' or (x.status = 'ordered' and x.due_at < ${now})))::int as overdue
        from hazards x join ${inBucket(sql`x.jurisdiction_id`)}
        where ${bucketFilter}
        group by b.id`,
  );
  const listed = await queryRows<Row & { listed: number; supervised: number }>(
    db,
    sql`select b.id::text as bucket,
          (count(distinct x.venue_id) filter (where x.listed_at is not null and ${period(sql`x.listed_at`)}))::int as listed,
          (count(distinct x.venue_id) filter (where x.status in ('listed', 'rectifying', 'acceptance_requested')))::int as supervised
        from listings x join ${inBucket(sql`x.jurisdiction_id`)}
        where ${bucketFilter}
        group by b.id`,
  );
  const highRisk = await queryRows<Row & { units: number; checked: number }>(
    db,
    sql`select b.id::text as bucket,
          count(distinct v.id)::int as units,
          count(distinct v.id) filter (where exists (
            select 1 from inspections x where x.venue_id = v.id and x.source = 'expert_check' and x.status = 'completed'
              and ${period(sql`coalesce(x.finished_at, x.updated_at)`)}))::int as checked
        from venues v join ${inBucket(sql`v.jurisdiction_id`)}
        where ${bucketFilter} and 'high_risk' = any(v.flags)
        group by b.id`,
  );
  const joint = await queryRows<Row & { department_id: string; department_name: string; n: number }>(
    db,
    sql`select b.id::text as bucket, d.id::text as department_id, d.name as department_name, count(distinct x.id)::int as n
        from inspections x join ${inBucket(sql`x.jurisdiction_id`)}
        join (
          select pi.id as inspection_id, pi.department_id from inspections pi
          union
          select ii.inspection_id, u.department_id from inspection_inspectors ii join users u on u.id = ii.user_id
        ) p on p.inspection_id = x.id
        join departments d on d.id = p.department_id
        where ${bucketFilter} and x.source = 'joint' and x.status <> 'cancelled' and ${period(sql`x.created_at`)}
        group by b.id, d.id, d.name
        order by n desc, d.name`,
  );
  const byStatus = await queryRows<Row & { status: string; n: number }>(
    db,
    sql`select b.id::text as bucket, x.status, count(*)::int as n
        from reports x join ${inBucket(sql`x.jurisdiction_id`)}
        where ${bucketFilter} and ${period(sql`x.submitted_at`)}
        group by b.id, x.status`,
  );
  const overdue = await queryRows<Row & { entity: string; kind: string; n: number }>(
    db,
    sql`select b.id::text as bucket, dl.entity, dl.kind, count(*)::int as n
        from (select d.entity, d.kind, ${subjectJurisdiction(sql`d.entity`, sql`d.entity_id`)} as jid
              from deadlines d where d.done_at is null and d.due_at < ${now}) dl
        join ${inBucket(sql`dl.jid`)}
        where ${bucketFilter}
        group by b.id, dl.entity, dl.kind
        order by dl.entity, dl.kind`,
  );
  const figures = await queryRows<Row & { key: string; total: string }>(
    db,
    sql`select b.id::text as bucket, f.key, sum(f.value::numeric)::text as total
        from campaign_tasks x join ${inBucket(sql`x.jurisdiction_id`)}
        cross join lateral jsonb_each_text(coalesce(x.state -> 'reports' -> -1 -> 'figures', '{}'::jsonb)) f(key, value)
        where ${bucketFilter} and f.value ~ '^[0-9]+$'
          and ${period(sql`(x.state -> 'reports' -> -1 -> 'by' ->> 'at')::timestamptz`)}
        group by b.id, f.key
        order by f.key`,
  );

  const one = <T extends Row>(rows: T[], bucket: string) => rows.find((r) => r.bucket === bucket);
  return q.bucketIds.map((bucket): DashboardFigures => {
    const h = one(hazardCounts, bucket);
    const l = one(listed, bucket);
    const r = one(highRisk, bucket);
    return {
      jurisdictionId: bucket,
      unitsInspected: one(inspected, bucket)?.n ?? 0,
      hazardsFound: h?.found ?? 0,
      hazardsRemediated: h?.remediated ?? 0,
      hazardsOpen: h?.open ?? 0,
      hazardsOverdue: h?.overdue ?? 0,
      majorHazardUnitsListed: l?.listed ?? 0,
      majorHazardUnitsUnderSupervision: l?.supervised ?? 0,
      highRiskUnits: r?.units ?? 0,
      highRiskUnitsExpertChecked: r?.checked ?? 0,
      jointInspectionsByDepartment: joint
        .filter((x) => x.bucket === bucket)
        .map((x) => ({ departmentId: x.department_id, departmentName: x.department_name, inspections: x.n })),
      reportsByStatus: Object.fromEntries(byStatus.filter((x) => x.bucket === bucket).map((x) => [x.status, x.n])),
      overdueDeadlines: overdue.filter((x) => x.bucket === bucket).map((x) => ({ entity: x.entity, kind: x.kind, count: x.n })),
      campaignFigures: Object.fromEntries(figures.filter((x) => x.bucket === bucket).map((x) => [x.key, Number(x.total)])),
    };
  });
}
