import { z } from 'zod';
import { claimIdentitySchema, claimPaymentSchema, claimReward } from '../../services/claim-reward';
import { clientKeyOf, intakeDeps } from '../../services/intake-context';
import { receiptSchema } from '../../services/receipt-access';
import { rewardStatus } from '../../services/reward-status';
import { dbProcedure, router } from '../../trpc';

export const rewardStatusInput = z.object({ receipt: receiptSchema });

export const claimRewardInput = z.object({
  receipt: receiptSchema,
  identity: claimIdentitySchema.optional(),
  payment: claimPaymentSchema,
});

/** Reward procedures for the holder of a receipt; mutations, so receipts never sit in URLs. */
export const publicRewards = router({
  status: dbProcedure.input(rewardStatusInput).mutation(({ ctx, input }) => rewardStatus(intakeDeps(ctx), clientKeyOf(ctx), input.receipt)),

  claim: dbProcedure.input(claimRewardInput).mutation(({ ctx, input }) => claimReward(intakeDeps(ctx), clientKeyOf(ctx), input)),
});
