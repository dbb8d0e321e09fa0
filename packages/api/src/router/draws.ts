import { z } from 'zod';
import type { StoredDrawInputs } from '@firebreak/domain';
import {
  CURRENT_DRAW_ALGORITHM,
  runDraw,
  stamp,
  verifyDraw,
  type DrawInputs,
  type DrawInspector,
  type DrawOutput,
  type DrawUnit,
  type JurisdictionTree,
} from '@firebreak/domain';
import {
  getCampaignRow,
  getDrawRow,
  insertDraw,
  listDrawInspectorRecords,
  listDrawUnitRecords,
  listDraws,
  publishDrawRow,
  runAudited,
  type DrawRow,
} from '@firebreak/db';
import { requireAccess } from '../application/access';
import { domainError } from '../application/failure';
import { capabilityProcedure, router } from '../trpc';
import { DomainFailure, unwrap } from '../application/failure';

const runDrawInput = z.object({
  jurisdictionId: z.uuid(),
  /** Published before the draw and outside the agency's control (e.g. a lottery result). */
  publicRandom: z.string().trim().min(1).max(200),
  ratios: z
    .array(z.object({ category: z.string().trim().min(1).max(60), ratio: z.number(), jurisdictionId: z.uuid().optional() }))
    .min(1)
    .max(100),
  priorityWeights: z.object({ penalisedLastYear: z.int(), reported: z.int() }).default({ penalisedLastYear: 1, reported: 1 }),
  crossRegion: z.boolean().default(false),
  campaignId: z.uuid().optional(),
});
const drawIdInput = z.object({ drawId: z.uuid() });
const listInput = z.object({
  published: z.boolean().optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});

const YEAR_MS = 365 * 24 * 3600_000;

/**
 * Strata and regions are districts (区/县): the level sampling ratios are set at
 * and cross-region inspection is organised by. Anything above a district stands
 * for itself.
 */
function districtOf(tree: JurisdictionTree, id: string): string {
  if (tree.levelOf(id) === 'district') return id;
  return tree.ancestors(id).find((a) => tree.levelOf(a) === 'district') ?? id;
}

function drawView(row: DrawRow) {
  const stored = row.inputs as unknown as StoredDrawInputs;
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    campaignId: row.campaignId,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    inputs: stored.draw,
    flagsSince: stored.flagsSince,
    units: stored.units,
    inspectors: stored.inspectors,
    output: row.output as unknown as DrawOutput,
  };
}

const ALREADY_PUBLISHED = domainError('DRAW.ALREADY_PUBLISHED', 'This draw has already been published', '该抽查结果已公开');

/** 双随机一公开: draws from the unit library and the inspector list, replayable by anyone. */
export const draws = router({
  /**
   * Freezes the unit library (venues in scope of the ratio categories, flagged
   * penalised or reported in the past year) and the inspector list, then runs the
   * kernel's draw with the operator's public random value. Inputs and output are
   * stored together so `verify` (and the public) can replay it.
   */
  run: capabilityProcedure('draw.run')
    .input(runDrawInput)
    .mutation(async ({ ctx, input }) => {
      const ref = await requireAccess(ctx, 'draw.run', { jurisdictionId: input.jurisdictionId });
      if (input.campaignId) await getCampaignRow(ctx.db, input.campaignId);
      const now = ctx.clock();
      const since = new Date(now.getTime() - YEAR_MS);
      const order = [...new Set(input.ratios.map((r) => r.category))];
      const unitRecords = await listDrawUnitRecords(ctx.db, { rootId: input.jurisdictionId, categories: order, since });
      const units: DrawUnit[] = unitRecords.map((u) => {
        const district = districtOf(ref.tree, u.jurisdictionId);
        return {
          id: u.id,
          // A venue of several categories is drawn once, under the first category the ratios name.
          category: order.find((c) => u.categories.includes(c))!,
          jurisdictionId: district,
          regionId: district,
          penalisedLastYear: u.penalisedSince,
          reported: u.reportedSince,
          previousInspectorIds: u.previousInspectorIds,
        };
      });
      // A police station draws its own officers (九小场所); everyone else draws fire inspectors.
      const roles = ctx.actor.role === 'police_officer' ? (['police_officer'] as const) : (['inspector'] as const);
      const inspectors: DrawInspector[] = (await listDrawInspectorRecords(ctx.db, { rootId: input.jurisdictionId, roles })).map((i) => ({
        id: i.id,
        regionId: districtOf(ref.tree, i.jurisdictionId),
        departmentId: i.departmentId,
      }));
      const drawId = ctx.services.newId();
      const drawInputs: DrawInputs = {
        algorithmVersion: CURRENT_DRAW_ALGORITHM,
        drawId,
        publicRandom: input.publicRandom,
        parameters: {
          ratios: input.ratios.map((r) => (r.jurisdictionId ? { category: r.category, ratio: r.ratio, jurisdictionId: r.jurisdictionId } : { category: r.category, ratio: r.ratio })),
          priorityWeights: input.priorityWeights,
          inspectorConflicts: { excludePreviousInspector: true, crossRegion: input.crossRegion },
        },
      };
      const output = unwrap(runDraw(drawInputs, units, inspectors));
      const stored: StoredDrawInputs = { draw: drawInputs, units, inspectors, flagsSince: since.toISOString() };
      const { result } = await runAudited(
        ctx.db,
        (tx) =>
          insertDraw(tx, {
            id: drawId,
            jurisdictionId: input.jurisdictionId,
            campaignId: input.campaignId ?? null,
            inputs: stored as unknown as Record<string, unknown>,
            output: output as unknown as Record<string, unknown>,
            createdByUserId: ctx.actor.userId,
            createdAt: now,
          }),
        () => ({
          entity: 'draw',
          entityId: drawId,
          action: 'run',
          from: null,
          to: 'drawn',
          by: stamp(ctx.actor, now),
          data: { jurisdictionId: input.jurisdictionId, seed: output.seed, unitsDigest: output.unitsDigest, inspectorsDigest: output.inspectorsDigest, selections: output.selections.length },
        }),
      );
      return drawView(result);
    }),

  /** Makes the draw public; the row is frozen from then on (database trigger). */
  publish: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await getDrawRow(ctx.db, input.drawId);
      await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
      if (row.publishedAt) throw new DomainFailure(ALREADY_PUBLISHED);
      const now = ctx.clock();
      await runAudited(
        ctx.db,
        async (tx) => {
          if (!(await publishDrawRow(tx, row.id, now))) throw new DomainFailure(ALREADY_PUBLISHED);
        },
        () => ({ entity: 'draw', entityId: row.id, action: 'publish', from: 'drawn', to: 'published', by: stamp(ctx.actor, now), data: { jurisdictionId: row.jurisdictionId } }),
      );
      return drawView(await getDrawRow(ctx.db, row.id));
    }),

  get: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getDrawRow(ctx.db, input.drawId);
      await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
      return drawView(row);
    }),

  list: capabilityProcedure('draw.run')
    .input(listInput)
    .query(async ({ ctx, input }) =>
      listDraws(ctx.db, { rootId: ctx.jurisdictionRoot, limit: input.limit, offset: input.offset, ...(input.published === undefined ? {} : { published: input.published }) }),
    ),

  /** Recomputes the draw from its stored inputs and lists with the kernel's verifyDraw. */
  verify: capabilityProcedure('draw.run')
    .input(drawIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getDrawRow(ctx.db, input.drawId);
      await requireAccess(ctx, 'draw.run', { jurisdictionId: row.jurisdictionId });
      const stored = row.inputs as unknown as StoredDrawInputs;
      const verdict = verifyDraw(stored.draw, stored.units, stored.inspectors, row.output as unknown as DrawOutput);
      return verdict.ok ? { ok: true as const, ...verdict.value } : { ok: false as const, error: verdict.error };
    }),
});

