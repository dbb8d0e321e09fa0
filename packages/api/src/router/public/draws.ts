import { z } from 'zod';
import { findPublishedDraw, listPublishedDraws, type PublishedDrawSummary } from '@firebreak/db';
import { verifyPublishedDraw } from '@firebreak/domain';
import { dbProcedure, router } from '../../trpc';
import { pageInput } from './exposure';
import { DomainFailure } from '../../application/failure';

export const drawIdInput = z.object({ id: z.uuid() });

const summary = (d: PublishedDrawSummary) => ({
  id: d.id,
  kind: d.kind,
  jurisdiction: { id: d.jurisdictionId, name: d.jurisdictionName },
  campaignId: d.campaignId,
  createdAt: d.createdAt.toISOString(),
  publishedAt: d.publishedAt.toISOString(),
});

export const publicDraws = router({
  /** Published 双随机 draws, newest first. */
  list: dbProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const rows = await listPublishedDraws(ctx.db, { limit: input.limit + 1, offset: input.offset });
    return { items: rows.slice(0, input.limit).map(summary), nextOffset: rows.length > input.limit ? input.offset + input.limit : null };
  }),

  /**
   * One draw with its inputs and output, and the server's own re-run through
   * the kernel's verifyDraw: the same check anyone can do with the published data.
   */
  get: dbProcedure.input(drawIdInput).query(async ({ ctx, input }) => {
    const draw = await findPublishedDraw(ctx.db, input.id);
    if (!draw) throw new DomainFailure({ code: 'DRAW.NOT_FOUND', message: 'No published draw has this id', messageZh: '未找到该已公布的抽查结果' });
    return { ...summary(draw), inputs: draw.inputs, output: draw.output, verification: verifyPublishedDraw(draw) };
  }),
});
