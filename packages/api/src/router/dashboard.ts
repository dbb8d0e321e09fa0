import { z } from 'zod';
import { BREAKDOWNS, campaignFiguresByMonth, dashboardBreakdown, dashboardFigures, listedHazards, type DashboardFigures } from '@firebreak/db';
import { rankRegions } from '@firebreak/domain/oversight/rank-regions';
import { requireAccess, type StaffContext } from '../application/access';
import { capabilityProcedure, router } from '../trpc';

const period = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
const orderedPeriod = (f: { from?: string | undefined; to?: string | undefined }) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to);
const reversed = { message: 'from must be before to', path: ['to'] };

const figuresInput = z
  .object({
    /** Defaults to the caller's whole jurisdiction. */
    jurisdictionId: z.uuid().optional(),
    /** Also break the figures down by district (区/县) within it. */
    byDistrict: z.boolean().default(false),
    ...period,
  })
  .refine(orderedPeriod, reversed);

const breakdownInput = z
  .object({ jurisdictionId: z.uuid().optional(), by: z.enum(BREAKDOWNS), ...period })
  .refine(orderedPeriod, reversed);

const rankingInput = z.object({ jurisdictionId: z.uuid().optional(), ...period }).refine(orderedPeriod, reversed);

/** A calendar month in China time, as the bulletin is dated (2026-03). */
const monthInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }),
  jurisdictionId: z.uuid().optional(),
});

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** [first instant, first instant of the next month) of a China-time month; months before it by `back`. */
function monthBounds(month: string, back = 0): { month: string; from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - back, 1));
  const label = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    month: label,
    from: new Date(start.getTime() - CHINA_OFFSET_MS),
    to: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1) - CHINA_OFFSET_MS),
  };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The figures of the root and of each of its child regions (districts of a city, streets of a district), named and ranked. */
async function regionFigures(ctx: StaffContext, rootId: string, from: Date | null, to: Date | null) {
  const ref = await requireAccess(ctx, 'dashboard.read', { jurisdictionId: rootId });
  const regions = [...ref.tree.childrenOf(rootId)];
  const rows = await dashboardFigures(ctx.db, { bucketIds: [rootId, ...regions], from, to, now: ctx.clock() });
  const named = rows.map((r) => ({ ...r, name: ref.tree.node(r.jurisdictionId)?.name ?? null, path: ref.tree.path(r.jurisdictionId) }));
  const children = named.slice(1);
  const ranked = rankRegions(children.map((r) => ({ regionId: r.jurisdictionId, ...r })));
  const byId = new Map(children.map((r) => [r.jurisdictionId, r]));
  const ranking = ranked.map((r) => {
    const f: DashboardFigures & { name: string | null } = byId.get(r.regionId)!;
    return {
      ...r,
      name: f.name,
      unitsInspected: f.unitsInspected,
      hazardsFound: f.hazardsFound,
      hazardsRemediated: f.hazardsRemediated,
      hazardsOpen: f.hazardsOpen,
      hazardsOverdue: f.hazardsOverdue,
      highRiskUnits: f.highRiskUnits,
      highRiskUnitsExpertChecked: f.highRiskUnitsExpertChecked,
    };
  });
  return { ref, total: named[0]!, regions: children, ranking };
}

/**
 * The oversight figures of DOMAIN.md §7 (the seeds' figures), aggregated in SQL over a
 * jurisdiction subtree. How each is counted (packages/db/src/queries/dashboard.ts, docs/dashboard.md):
 * - units inspected: distinct venues with a completed inspection finished in the period;
 * - hazards found: hazards registered in the period and not dismissed; remediated: closed (销号) in it;
 * - major-hazard units listed: distinct venues listed for supervision (挂牌督办) in the period;
 * - high-risk units checked by experts: high-risk venues with a completed expert check in the period;
 * - joint inspections by department: joint inspections created in the period, per department taking part;
 * - fire lanes cleared, training sessions, people trained: the campaign-task figures lead departments
 *   report (fireLanesCleared, trainingSessions, peopleTrained), each task's latest report summed.
 * Every scan starts from one prefix probe of jurisdictions.path (text_pattern_ops index) and then reads
 * each table through its (jurisdiction_id, status) index: the cost grows with the subtree's rows, not the
 * whole table's.
 */
export const dashboard = router({
  figures: capabilityProcedure('dashboard.read')
    .input(figuresInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const ref = await requireAccess(ctx, 'dashboard.read', { jurisdictionId: root });
      const districts = input.byDistrict
        ? [root, ...ref.tree.descendants(root)].filter((id) => ref.tree.levelOf(id) === 'district' && id !== root)
        : [];
      const rows = await dashboardFigures(ctx.db, {
        bucketIds: [root, ...districts],
        from: input.from ? new Date(input.from) : null,
        to: input.to ? new Date(input.to) : null,
        now: ctx.clock(),
      });
      const named = rows.map((r) => ({ ...r, name: ref.tree.node(r.jurisdictionId)?.name ?? null, path: ref.tree.path(r.jurisdictionId) }));
      return { asOf: ctx.clock().toISOString(), total: named[0]!, districts: named.slice(1) };
    }),

  /** The event figures by venue category, risk category (hazards) or China-time month. */
  breakdown: capabilityProcedure('dashboard.read')
    .input(breakdownInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: root });
      const rows = await dashboardBreakdown(ctx.db, {
        rootId: root,
        by: input.by,
        from: input.from ? new Date(input.from) : null,
        to: input.to ? new Date(input.to) : null,
      });
      return { by: input.by, rows };
    }),

  /**
   * The region ranking a committee office assesses its districts by (the kernel's rankRegions over
   * each child region's figures for the period): rank, score and the indicator rates behind it.
   */
  ranking: capabilityProcedure('dashboard.read')
    .input(rankingInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const { ranking } = await regionFigures(ctx, root, input.from ? new Date(input.from) : null, input.to ? new Date(input.to) : null);
      return { asOf: ctx.clock().toISOString(), ranking };
    }),

  /**
   * Everything the month's bulletin (每月工作情况通报) prints: the month's figures for the subtree
   * and each child region, the ranking, figures by venue and risk category, the six-month trend
   * with the campaign figures cumulative at each month's end, and the listed major hazards.
   */
  bulletin: capabilityProcedure('dashboard.read')
    .input(monthInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const { from, to } = monthBounds(input.month);
      const { ref, total, regions, ranking } = await regionFigures(ctx, root, from, to);
      const byVenueCategory = await dashboardBreakdown(ctx.db, { rootId: root, by: 'venueCategory', from, to });
      const byRiskCategory = await dashboardBreakdown(ctx.db, { rootId: root, by: 'riskCategory', from, to });
      const months = [5, 4, 3, 2, 1, 0].map((back) => monthBounds(input.month, back));
      const monthly = await dashboardBreakdown(ctx.db, { rootId: root, by: 'month', from: months[0]!.from, to });
      const campaign = await campaignFiguresByMonth(ctx.db, { rootId: root, months: months.map((m) => m.month) });
      const trend = months.map(({ month }) => ({
        month,
        ...(monthly.find((r) => r.key === month) ?? { unitsInspected: 0, hazardsFound: 0, hazardsRemediated: 0, majorHazardUnitsListed: 0, highRiskUnitsExpertChecked: 0 }),
        key: month,
        campaignFigures: campaign[month] ?? {},
      }));
      const listed = await listedHazards(ctx.db, { rootId: root, from, to, limit: 200 });
      return {
        month: input.month,
        from: from.toISOString(),
        to: to.toISOString(),
        issuedAt: ctx.clock().toISOString(),
        jurisdiction: { id: root, name: ref.tree.node(root)?.name ?? null, path: ref.tree.path(root) },
        total,
        /** Campaign figures cumulative to the month's end (the period figures in `total` count reports made in the month). */
        campaignCumulative: campaign[input.month] ?? {},
        regions,
        ranking,
        byVenueCategory,
        byRiskCategory,
        trend,
        listed: listed.map((l) => ({ ...l, listedAt: iso(l.listedAt), delistedAt: iso(l.delistedAt) })),
      };
    }),
});
