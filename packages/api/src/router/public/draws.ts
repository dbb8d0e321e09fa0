import { z } from 'zod';
import { cataloguedError, verifyPublishedDraw } from '@firebreak/domain';
import { findPublicDraw, listPublicDraws, type PublicDrawSummary } from '@firebreak/db';
import { dbProcedure, router } from '../../trpc';
import { pageInput } from './exposure';
import { DomainFailure } from '../../application/failure';

export const drawIdInput = z.object({ id: z.uuid() });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const summary = (d: PublicDrawSummary) => ({
  id: d.id,
  kind: d.kind,
  jurisdiction: { id: d.jurisdictionId, name: d.jurisdictionName },
  campaignId: d.campaignId,
  createdAt: d.createdAt.toISOString(),
  committedAt: iso(d.committedAt),
  drawnAt: iso(d.drawnAt),
  publishedAt: iso(d.publishedAt),
  stage: d.publishedAt ? ('published' as const) : d.drawnAt ? ('drawn' as const) : ('committed' as const),
});

export const publicDraws = router({
  /** Public 双随机 draws, newest first: commitments (published before their random value) and results. */
  list: dbProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const rows = await listPublicDraws(ctx.db, { limit: input.limit + 1, offset: input.offset });
    return { items: rows.slice(0, input.limit).map(summary), nextOffset: rows.length > input.limit ? input.offset + input.limit : null };
  }),

  /**
   * One draw: its commitment from the moment it was made; once published, its inputs and
   * output and the server's own re-run through the kernel's verifyPublishedDraw (the result
   * recomputed and checked against the commitment): the same check anyone can do.
   */
  get: dbProcedure.input(drawIdInput).query(async ({ ctx, input }) => {
    const draw = await findPublicDraw(ctx.db, input.id);
    if (!draw) throw new DomainFailure(cataloguedError('DRAW.NOT_FOUND'));
    return {
      ...summary(draw),
      commitment: draw.commitment,
      inputs: draw.inputs,
      output: draw.output,
      verification: draw.inputs && draw.output ? verifyPublishedDraw({ inputs: draw.inputs, output: draw.output, commitment: draw.commitment, drawnAt: iso(draw.drawnAt) }) : null,
    };
  }),
});
