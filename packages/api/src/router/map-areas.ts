import { z } from 'zod';
import { requireAccess } from '../application/access';
import { subtreeBoundaries } from '../services/jurisdiction-boundaries';
import { capabilityProcedure, router } from '../trpc';

export const mapAreasInput = z.object({
  /** Defaults to the caller's whole jurisdiction. */
  jurisdictionId: z.uuid().optional(),
  toleranceDeg: z.number().min(0).max(0.01).default(0.0001),
});

/** The outlines a staff dashboard draws: the caller's own subtree only (the same data the portal's map gets for the city). */
export const mapAreas = router({
  boundaries: capabilityProcedure('dashboard.read')
    .input(mapAreasInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const ref = await requireAccess(ctx, 'dashboard.read', { jurisdictionId: root });
      return subtreeBoundaries(ctx.db, ref.tree, { rootId: root, toleranceDeg: input.toleranceDeg });
    }),
});
