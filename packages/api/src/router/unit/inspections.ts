import { z } from 'zod';
import type { InspectionState } from '@firebreak/domain';
import { listVenueInspections } from '@firebreak/db';
import { intakeDeps } from '../../services/intake-context';
import { confirmInspection, refuseInspection, unitInspectionView } from '../../services/unit-inspection';
import { unitScope } from '../../services/unit-venue';
import { router, unitProcedure } from '../../trpc';

export const confirmInspectionInput = z.object({
  inspectionId: z.uuid(),
  /** The responsible person or manager signing for the unit. */
  signerName: z.string().trim().max(50),
  capacity: z.enum(['responsible_person', 'manager']),
  signatureRef: z.string().trim().max(200),
});

export const refuseInspectionInput = z.object({
  inspectionId: z.uuid(),
  reason: z.string().trim().min(1).max(1_000),
});

export const unitInspections = router({
  /** Records the inspectors have signed and the unit has yet to confirm. */
  pending: unitProcedure.query(async ({ ctx }) => {
    const rows = await listVenueInspections(ctx.db, ctx.venueId, 'recorded');
    return rows.map((r) => unitInspectionView(r.state as unknown as InspectionState));
  }),

  confirm: unitProcedure.input(confirmInspectionInput).mutation(async ({ ctx, input }) => {
    const scope = await unitScope(ctx.db, ctx.actor, ctx.venueId);
    return confirmInspection(intakeDeps(ctx), scope, input);
  }),

  refuse: unitProcedure.input(refuseInspectionInput).mutation(async ({ ctx, input }) => {
    const scope = await unitScope(ctx.db, ctx.actor, ctx.venueId);
    return refuseInspection(intakeDeps(ctx), scope, input);
  }),
});
