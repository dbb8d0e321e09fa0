import { z } from 'zod';
import { exposureBoard } from '../../services/exposure-board';
import { dbProcedure, router } from '../../trpc';

export const pageInput = z.object({
  limit: z.number().int().min(1).max(50).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});

export const exposure = router({
  /** 曝光台: what staff made public, through the kernel's projections. */
  list: dbProcedure.input(pageInput).query(({ ctx, input }) => exposureBoard(ctx.db, input)),
});
