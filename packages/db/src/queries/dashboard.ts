import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { scopedTo, subjectJurisdiction } from './audit-read';

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

export const BREAKDOWNS = ['venueCategory', 'riskCategory', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface BreakdownQuery {
  /** The subtree counted (one prefix probe on jurisdictions.path, then the tables' jurisdiction indexes). */
  readonly rootId: string;
  readonly by: Breakdown;
  readonly from: Date | null;
  readonly to: Date | null;
}

/** The event-dated figures per key. Risk categories apply to hazards only; the other figures are 0 there. */
export interface BreakdownRow {
  /** A venue-category code ('none' for hazards without a venue), a risk-category code, or a China-time month YYYY-MM. */
  readonly key: string;
  readonly unitsInspected: number;
  readonly hazardsFound: number;
  readonly hazardsRemediated: number;
  readonly majorHazardUnitsListed: number;
  readonly highRiskUnitsExpertChecked: number;
}

/**
 * The same figures as dashboardFigures, grouped by venue category (a venue of several
 * categories counts in each: 多合一), by risk category (hazards), or by the China-time
 * month of the event (inspection finished, hazard registered or closed, listing).
 * One grouped scan per figure over the subtree's rows, no per-row subqueries.
 */
export async function dashboardBreakdown(db: Db, q: BreakdownQuery): Promise<BreakdownRow[]> {
  const period = (column: SQL): SQL => {
    const parts: SQL[] = [sql`true`];
    if (q.from) parts.push(sql`${column} >= ${q.from.toISOString()}::timestamptz`);
    if (q.to) parts.push(sql`${column} < ${q.to.toISOString()}::timestamptz`);
    return sql.join(parts, sql` and `);
  };
  const scoped = (column: SQL) => scopedTo(column, q.rootId);
  const venueCats = (venue: SQL) => sql`left join venues v on v.id = ${venue} cross join lateral unnest(case when v.id is null then array['none']::text[] else v.categories end) vc(cat)`;
  const keyOf = (date: SQL, risk?: SQL): SQL =>
    q.by === 'month' ? sql`to_char(${date} at time zone 'Asia/Shanghai', 'YYYY-MM')` : q.by === 'riskCategory' ? (risk ?? sql`null::text`) : sql`vc.cat`;
  const join = (venue: SQL) => (q.by === 'venueCategory' ? venueCats(venue) : sql`left join venues v on v.id = ${venue}`);
  const byRisk = q.by === 'riskCategory';

  type K = { key: string | null; n: number };
  const inspectedAt = sql`coalesce(x.finished_at, x.updated_at)`;
  const inspected = byRisk
    ? []
    : await queryRows<K>(
        db,
        sql`select ${keyOf(inspectedAt)} as key, count(distinct x.venue_id)::int as n
            from inspections x ${join(sql`x.venue_id`)}
            where ${scoped(sql`x.jurisdiction_id`)} and x.status = 'completed' and ${period(inspectedAt)}
            group by 1`,
      );
  const expert = byRisk
    ? []
    : await queryRows<K>(
        db,
        sql`select ${keyOf(inspectedAt)} as key, count(distinct x.venue_id)::int as n
            from inspections x ${join(sql`x.venue_id`)}
            where ${scoped(sql`x.jurisdiction_id`)} and x.status = 'completed' and x.source = 'expert_check'
              and 'high_risk' = any(v.flags) and ${period(inspectedAt)}
            group by 1`,
      );
  const found = await queryRows<K>(
    db,
    sql`select ${keyOf(sql`x.created_at`, sql`x.risk_category`)} as key, count(distinct x.id)::int as n
        from hazards x ${join(sql`x.venue_id`)}
        where ${scoped(sql`x.jurisdiction_id`)} and x.status <> 'dismissed' and ${period(sql`x.created_at`)}
        group by 1`,
  );
  const closedAt = sql`coalesce(x.closed_at, x.updated_at)`;
  const remediated = await queryRows<K>(
    db,
    sql`select ${keyOf(closedAt, sql`x.risk_category`)} as key, count(distinct x.id)::int as n
        from hazards x ${join(sql`x.venue_id`)}
        where ${scoped(sql`x.jurisdiction_id`)} and x.status = 'closed' and ${period(closedAt)}
        group by 1`,
  );
  const listed = byRisk
    ? []
    : await queryRows<K>(
        db,
        sql`select ${keyOf(sql`x.listed_at`)} as key, count(distinct x.venue_id)::int as n
            from listings x ${join(sql`x.venue_id`)}
            where ${scoped(sql`x.jurisdiction_id`)} and x.listed_at is not null and ${period(sql`x.listed_at`)}
            group by 1`,
      );

  const keys = new Map<string, { -readonly [K in keyof BreakdownRow]: BreakdownRow[K] }>();
  const add = (rows: K[], field: Exclude<keyof BreakdownRow, 'key'>) => {
    for (const r of rows) {
      const key = r.key ?? 'none';
      const row = keys.get(key) ?? { key, unitsInspected: 0, hazardsFound: 0, hazardsRemediated: 0, majorHazardUnitsListed: 0, highRiskUnitsExpertChecked: 0 };
      row[field] += r.n;
      keys.set(key, row);
    }
  };
  add(inspected, 'unitsInspected');
  add(found, 'hazardsFound');
  add(remediated, 'hazardsRemediated');
  add(listed, 'majorHazardUnitsListed');
  add(expert, 'highRiskUnitsExpertChecked');
  return [...keys.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The figures lead departments reported on campaign tasks in the subtree, cumulative as of the
 * end of each given month (China time): each task's last report up to then, summed over tasks
 * (a task's reports restate its running totals: "累计打通消防车通道1000余条"). Campaign tasks
 * number in the hundreds, not millions, so the reports are read once and folded here.
 */
export async function campaignFiguresByMonth(db: Db, q: { rootId: string; months: readonly string[] }): Promise<Record<string, Record<string, number>>> {
  const rows = await queryRows<{ task: string; ord: number; at: string; key: string; value: string }>(
    db,
    sql`select x.id::text as task, e.ord::int as ord, e.value -> 'by' ->> 'at' as at, f.key, f.value
        from campaign_tasks x
        cross join lateral jsonb_array_elements(coalesce(x.state -> 'reports', '[]'::jsonb)) with ordinality e(value, ord)
        cross join lateral jsonb_each_text(coalesce(e.value -> 'figures', '{}'::jsonb)) f(key, value)
        where ${scopedTo(sql`x.jurisdiction_id`, q.rootId)} and f.value ~ '^[0-9]+$'
        order by x.id, e.ord`,
  );
  const out: Record<string, Record<string, number>> = {};
  for (const month of q.months) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    // The first instant of the next month in China (UTC+8, no daylight saving).
    const end = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000;
    const last = new Map<string, number>();
    for (const r of rows) if (Date.parse(r.at) < end) last.set(`${r.task}\u0000${r.key}`, Number(r.value));
    const sums: Record<string, number> = {};
    for (const [k, v] of last) {
      const key = k.split('\u0000')[1]!;
      sums[key] = (sums[key] ?? 0) + v;
    }
    out[month] = sums;
  }
  return out;
}

/** One listed major hazard (挂牌督办) in the subtree: the bulletin's list ("挂牌一批、公布一批"). */
export type ListedHazardRow = {
  readonly id: string;
  readonly venueName: string;
  readonly address: string | null;
  readonly jurisdictionName: string | null;
  readonly status: string;
  readonly listedAt: Date | string | null;
  readonly delistedAt: Date | string | null;
  readonly riskCategory: string | null;
  readonly hazardStatus: string | null;
};

/** Listings still under supervision at `to`, or listed or de-listed in [from, to). */
export async function listedHazards(db: Db, q: { rootId: string; from: Date; to: Date; limit: number }): Promise<ListedHazardRow[]> {
  return queryRows<ListedHazardRow>(
    db,
    sql`select x.id::text as id, v.name as "venueName", v.address, j.name as "jurisdictionName", x.status,
          x.listed_at as "listedAt", x.delisted_at as "delistedAt", h.risk_category as "riskCategory", h.status as "hazardStatus"
        from listings x join venues v on v.id = x.venue_id
        left join jurisdictions j on j.id = x.jurisdiction_id
        left join hazards h on h.id = x.hazard_id
        where ${scopedTo(sql`x.jurisdiction_id`, q.rootId)} and x.listed_at is not null and x.listed_at < ${q.to.toISOString()}::timestamptz
          and (x.delisted_at is null or x.delisted_at >= ${q.from.toISOString()}::timestamptz)
        order by x.listed_at desc, x.id
        limit ${q.limit}`,
  );
}
