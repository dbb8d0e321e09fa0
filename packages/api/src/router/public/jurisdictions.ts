import { boundariesInput, subtreeBoundaries } from '../../services/jurisdiction-boundaries';
import { dbProcedure, router } from '../../trpc';

export const publicJurisdictions = router({
  /** The city's drawn outlines (districts, streets), simplified for the report form's map; any subtree by rootId. */
  boundaries: dbProcedure.input(boundariesInput).query(async ({ ctx, input }) => {
    const ref = await ctx.services.reference.get(ctx.db);
    return subtreeBoundaries(ctx.db, ref.tree, input);
  }),
});
