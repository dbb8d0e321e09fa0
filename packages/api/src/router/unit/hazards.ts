import { z } from 'zod';
import { publicHazardView, transitionHazard, type HazardState } from '@firebreak/domain';
import { attachUploads, findHazardVenue, listVenueHazards } from '@firebreak/db';
import { runTransition } from '../../kernel/run-transition';
import { intakeDeps } from '../../services/intake-context';
import { assertUploadsFree } from '../../services/fresh-uploads';
import { assertOwnVenue, unitScope } from '../../services/unit-venue';
import { router, unitProcedure } from '../../trpc';
import { pageInput } from '../public/exposure';
import { DomainFailure } from '../../application/failure';

export const submitRemediationInput = z.object({
  hazardId: z.uuid(),
  /** What was done, in the unit's words. */
  evidence: z.string().trim().max(2_000),
  attachmentIds: z.array(z.uuid()).max(20),
});

export const unitHazards = router({
  /** The venue's hazard ledger, open ones first, as the kernel's hazard projection. */
  list: unitProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const rows = await listVenueHazards(ctx.db, ctx.venueId, input);
    return rows.map((r) => ({ ...publicHazardView(r.state as unknown as HazardState), version: r.version }));
  }),

  /** The unit hands in its remediation evidence (kernel transition submit_remediation). */
  submitRemediation: unitProcedure.input(submitRemediationInput).mutation(async ({ ctx, input }) => {
    const found = await findHazardVenue(ctx.db, input.hazardId);
    if (!found) throw new DomainFailure({ code: 'HAZARD.NOT_FOUND', message: 'No such hazard', messageZh: '隐患不存在' });
    assertOwnVenue(found.venueId, ctx.venueId);
    const scope = await unitScope(ctx.db, ctx.actor, ctx.venueId);
    const ids = [...new Set(input.attachmentIds)];
    const saved = await ctx.db.transaction(async (tx) => {
      await assertUploadsFree(tx, ids, { entity: 'hazard', entityId: input.hazardId });
      const result = await runTransition<HazardState, 'hazard'>({ ...intakeDeps(ctx), db: tx }, scope.actor, 'hazard', input.hazardId, (s, k) =>
        transitionHazard(s, { type: 'submit_remediation', evidenceRefs: ids, note: input.evidence }, k),
      );
      await attachUploads(tx, ids, 'hazard', input.hazardId);
      return result;
    });
    return { ...publicHazardView(saved.state), version: saved.version };
  }),
});
