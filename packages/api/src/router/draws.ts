import { z } from 'zod';
import { cataloguedError, stamp, verifyDraw, type DrawOutput, type StoredDrawInputs } from '@firebreak/domain';
import { getDrawRow, listDraws, publishDrawRow, runAudited, type DrawRow } from '@firebreak/db';
import { requireAccess } from '../application/access';
import { runAndStoreDraw } from '../application/draws/run-draw';
import { DomainFailure } from '../application/failure';
import { capabilityProcedure, router } from '../trpc';

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

const ALREADY_PUBLISHED = cataloguedError('DRAW.ALREADY_PUBLISHED');

/** 双随机一公开: draws from the unit library and the inspector list, replayable by anyone. */
export const draws = router({
  /**
   * Freezes the unit library and the inspector list by the kernel's population rules and
   * runs the kernel's draw with the operator's public random value (application/draws/run-draw.ts).
   */
  run: capabilityProcedure('draw.run')
    .input(runDrawInput)
    .mutation(async ({ ctx, input }) => drawView(await runAndStoreDraw(ctx, ctx.actor, input))),

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

