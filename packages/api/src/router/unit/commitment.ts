import { z } from 'zod';
import { RISK_CATEGORY_CODES, stamp } from '@firebreak/domain';
import { applyEffects, COMMITMENT_KINDS, recordCommitment } from '@firebreak/db';
import { unitScope } from '../../services/unit-venue';
import { commitmentRecord } from '../../services/venue-page';
import { router, unitProcedure } from '../../trpc';

export const signCommitmentInput = z.object({
  kind: z.enum(COMMITMENT_KINDS),
  content: z.object({
    /** The commitment as posted at the door. */
    text: z.string().trim().min(1).max(2_000),
    riskCategories: z.array(z.enum(RISK_CATEGORY_CODES)).max(RISK_CATEGORY_CODES.length).optional(),
    measures: z
      .array(z.object({ riskCategory: z.enum(RISK_CATEGORY_CODES), measure: z.string().trim().min(1).max(500) }))
      .max(50)
      .optional(),
  }),
  signedByName: z.string().trim().min(1).max(50),
  /** The stored signature image or e-signature, when one was made. */
  signatureRef: z.string().trim().min(1).max(200).optional(),
});

export const unitCommitment = router({
  /** 一承诺: the latest signed commitment is the one the venue page shows. */
  sign: unitProcedure.input(signCommitmentInput).mutation(async ({ ctx, input }) => {
    const { venue, actor } = await unitScope(ctx.db, ctx.actor, ctx.venueId);
    const now = ctx.clock();
    const id = ctx.services.newId();
    const content = { ...input.content, signatureRef: input.signatureRef ?? `commitments:${id}` };
    const row = await ctx.db.transaction(async (tx) => {
      const inserted = await recordCommitment(tx, {
        id,
        venueId: venue.id,
        kind: input.kind,
        content,
        signedByName: input.signedByName,
        signedByUserId: actor.userId,
        signedAt: now,
      });
      await applyEffects(
        tx,
        [{ type: 'audit', entity: 'venue', entityId: venue.id, action: 'sign_commitment', from: null, to: input.kind, by: stamp(actor, now), data: { commitmentId: id } }],
        { now },
      );
      return inserted;
    });
    return { id: row.id, ...commitmentRecord(row) };
  }),
});
