import { z } from 'zod';
import { intakeDeps } from '../../services/intake-context';
import { selfInspectionItemsSchema, submitSelfInspection } from '../../services/self-inspection';
import { unitScope } from '../../services/unit-venue';
import { venueChecklist } from '../../services/venue-checklist';
import { router, unitProcedure } from '../../trpc';

export const selfInspectionInput = z.object({ items: selfInspectionItemsSchema });

/** The checklist in force for the unit's venue categories (the kernel's checklistFor). */
export const unitStandard = unitProcedure.query(async ({ ctx }) => {
  const { venue } = await unitScope(ctx.db, ctx.actor, ctx.venueId);
  const checklist = await venueChecklist(ctx.db, venue.categories, ctx.clock());
  return { categories: venue.categories, items: checklist.items, standards: checklist.standards, missing: checklist.missing };
});

export const unitSelfInspection = router({
  /** 自查: failed items become hazards (source self_inspection) in one transaction with the record. */
  submit: unitProcedure.input(selfInspectionInput).mutation(async ({ ctx, input }) => {
    const scope = await unitScope(ctx.db, ctx.actor, ctx.venueId);
    return submitSelfInspection(intakeDeps(ctx), scope, input.items);
  }),
});
