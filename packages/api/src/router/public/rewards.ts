import { z } from 'zod';
import { chinaYear } from '@firebreak/domain';
import { claimIdentitySchema, claimPaymentSchema, claimReward } from '../../services/claim-reward';
import { clientKeyOf, intakeDeps } from '../../services/intake-context';
import { receiptSchema } from '../../services/receipt-access';
import { publishedRewardListsOf } from '../../services/reward-list';
import { rewardStatus } from '../../services/reward-status';
import { dbProcedure, router } from '../../trpc';

/** A year; the current China-time year when absent. */
export const rewardListInput = z.object({ year: z.int().min(2000).max(2999).optional() }).default({});

export const rewardStatusInput = z.object({ receipt: receiptSchema });

export const claimRewardInput = z.object({
  receipt: receiptSchema,
  identity: claimIdentitySchema.optional(),
  payment: claimPaymentSchema,
});

/** Reward procedures for the holder of a receipt; mutations, so receipts never sit in URLs. */
export const publicRewards = router({
  status: dbProcedure.input(rewardStatusInput).mutation(({ ctx, input }) => rewardStatus(intakeDeps(ctx), clientKeyOf(ctx), input.receipt)),

  /** 年度奖励公示: the published, masked lists of a year and the years that have one. */
  list: dbProcedure.input(rewardListInput).query(({ ctx, input }) => publishedRewardListsOf(ctx, input.year ?? chinaYear(ctx.clock()))),

  claim: dbProcedure.input(claimRewardInput).mutation(({ ctx, input }) => claimReward(intakeDeps(ctx), clientKeyOf(ctx), input)),
});
