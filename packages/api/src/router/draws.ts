import { z } from 'zod';
import { drawStageOf, verifyCommitment, verifyDraw, type DrawCommitment, type DrawInputs, type DrawInspector, type DrawOutput, type DrawUnit } from '@firebreak/domain';
import { getDrawRow, listDrawInspections, listDrawStaffNames, listDraws, listDrawVenueNames, type Db, type DrawRow } from '@firebreak/db';
import { requireAccess } from '../application/access';
import { commitAndStoreDraw } from '../application/draws/commit-draw';
import { gatherDrawPopulation } from '../application/draws/gather-population';
import { planDrawInspections } from '../application/draws/plan-draw-inspections';
import { publishDraw } from '../application/draws/publish-draw';
import { runAndStoreDraw } from '../application/draws/run-draw';
import { capabilityProcedure, router } from '../trpc';
import { wire, ymd } from './staff/wire';

const ratiosInput = z
  .array(z.object({ category: z.string().trim().min(1).max(60), ratio: z.number(), jurisdictionId: z.uuid().optional() }))
  .min(1)
  .max(100);
const commitDrawInput = z.object({
  jurisdictionId: z.uuid(),
  /** The public random value the run will use, named before it exists (e.g. a later lottery result). */
  randomSource: z.string().trim().min(1).max(200),
  ratios: ratiosInput,
  priorityWeights: z.object({ penalisedLastYear: z.int(), reported: z.int() }).default({ penalisedLastYear: 1, reported: 1 }),
  crossRegion: z.boolean().default(false),
  campaignId: z.uuid().optional(),
});
const runDrawInput = z.object({
  drawId: z.uuid(),
  /** The named source's value, known only after the commitment was published. */
  publicRandom: z.string().trim().min(1).max(200),
});
const previewInput = z.object({ jurisdictionId: z.uuid(), categories: z.array(z.string().trim().min(1).max(60)).min(1).max(100) });
const drawIdInput = z.object({ drawId: z.uuid() });
const planInput = z.object({ drawId: z.uuid(), plannedFor: ymd });
const listInput = z.object({
  published: z.boolean().optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});

interface StoredLists {
  readonly draw?: DrawInputs;
  readonly units: DrawUnit[];
  readonly inspectors: DrawInspector[];
  readonly flagsSince: string;
}

const stageOf = (row: DrawRow) => drawStageOf({ hasOutput: row.output !== null, publishedAt: row.publishedAt });

function drawView(row: DrawRow) {
  const stored = row.inputs as unknown as StoredLists;
  return wire({
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    campaignId: row.campaignId,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt,
    committedAt: row.committedAt,
    drawnAt: row.drawnAt,
    publishedAt: row.publishedAt,
    stage: stageOf(row),
    commitment: row.commitment as unknown as DrawCommitment | null,
    /** The kernel's inputs with the random values: null until the draw has run. */
    inputs: stored.draw ?? null,
    flagsSince: stored.flagsSince,
    units: stored.units,
    inspectors: stored.inspectors,
    output: row.output as unknown as DrawOutput | null,
  });
}

/** Names for the console: the drawn venues and every inspector of the pool. */
async function namesOf(db: Db, row: DrawRow) {
  const output = row.output as unknown as DrawOutput | null;
  const stored = row.inputs as unknown as StoredLists;
  const venues = await listDrawVenueNames(db, output ? output.selections.map((s) => s.unitId) : []);
  const staff = await listDrawStaffNames(db, stored.inspectors.map((i) => i.id));
  return {
    venues: Object.fromEntries(venues.map((v) => [v.id, { name: v.name, address: v.address }])),
    inspectors: Object.fromEntries(staff.map((s) => [s.id, s.name])),
  };
}

/** 双随机一公开: commit (lists' digests published) → run (random value after it) → plan inspections → publish. */
export const draws = router({
  /** The unit library and inspector pool a commitment would freeze, by category, before committing. */
  preview: capabilityProcedure('draw.run')
    .input(previewInput)
    .query(async ({ ctx, input }) => {
      const { units, inspectors, since } = await gatherDrawPopulation(ctx, ctx.actor, { jurisdictionId: input.jurisdictionId, ratios: input.categories.map((category) => ({ category })) });
      const byCategory = input.categories.map((category) => {
        const of = units.filter((u) => u.category === category);
        return { category, units: of.length, penalised: of.filter((u) => u.penalisedLastYear).length, reported: of.filter((u) => u.reported).length };
      });
      const names = await listDrawStaffNames(ctx.db, inspectors.map((i) => i.id));
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      return { flagsSince: since.toISOString(), byCategory, inspectors: inspectors.map((i) => ({ id: i.id, name: nameOf.get(i.id) ?? i.id, regionId: i.regionId })) };
    }),

  /** Step 1: freezes the lists and publishes the commitment (application/draws/commit-draw.ts). */
  commit: capabilityProcedure('draw.run')
    .input(commitDrawInput)
    .mutation(async ({ ctx, input }) => drawView(await commitAndStoreDraw(ctx, ctx.actor, input))),

  /** Step 2: after the commitment, the public random value and the revealed server seed run the draw (application/draws/run-draw.ts). */
  run: capabilityProcedure('draw.run')
    .input(runDrawInput)
    .mutation(async ({ ctx, input }) => drawView(await runAndStoreDraw(ctx, ctx.actor, input))),

  /** One inspection per drawn unit with its drawn pair, once (application/draws/plan-draw-inspections.ts). */
  planInspections: capabilityProcedure('draw.run')
    .input(planInput)
    .mutation(({ ctx, input }) => planDrawInspections(ctx, input)),

  /** Makes the drawn result public; the row is frozen from then on (database trigger). */
  publish: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .mutation(async ({ ctx, input }) => drawView(await publishDraw(ctx, ctx.actor, input.drawId))),

  get: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getDrawRow(ctx.db, input.drawId);
      await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
      return { ...drawView(row), names: await namesOf(ctx.db, row), inspections: await listDrawInspections(ctx.db, row.id) };
    }),

  list: capabilityProcedure('draw.run')
    .input(listInput)
    .query(async ({ ctx, input }) => {
      const rows = await listDraws(ctx.db, { rootId: ctx.jurisdictionRoot, limit: input.limit, offset: input.offset, ...(input.published === undefined ? {} : { published: input.published }) });
      return rows.map((r) => wire({ ...r, stage: drawStageOf({ hasOutput: r.hasOutput, publishedAt: r.publishedAt }) }));
    }),

  /** Recomputes a drawn draw from its stored inputs and lists (verifyDraw) and checks it honours its commitment. */
  verify: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getDrawRow(ctx.db, input.drawId);
      await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
      const stored = row.inputs as unknown as StoredLists;
      const output = row.output as unknown as DrawOutput | null;
      if (!output || !stored.draw) return { ok: false as const, error: { code: 'DRAW.NOT_DRAWN', message: 'Run the draw before verifying it', messageZh: '请先完成抽取再复核' } };
      const verdict = verifyDraw(stored.draw, stored.units, stored.inspectors, output);
      if (!verdict.ok) return { ok: false as const, error: verdict.error };
      if (row.commitment) {
        const honoured = verifyCommitment(row.commitment as unknown as DrawCommitment, stored.draw, output, row.drawnAt?.toISOString() ?? null);
        if (!honoured.ok) return { ok: false as const, error: honoured.error };
      }
      return { ok: true as const, ...verdict.value };
    }),
});
