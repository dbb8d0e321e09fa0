import { z } from 'zod';
import { claimHoldsReward, transitionReward, transitionRewardClaim, type RewardClaimState, type RewardState } from '@firebreak/domain';
import { findHoldingClaimId, getClaimRow, getRewardRow, listClaimsForReward, loadLifecycle } from '@firebreak/db';
import { runTransition } from '../../kernel/run-transition';
import { requireAccess, kernelDeps, uniqueAsConflict } from '../../application/access';
import { domainError } from '../../application/failure';
import { capabilityProcedure, router } from '../../trpc';
import { claimStateView, claimView } from './views';

const claimsListInput = z.object({ rewardId: z.uuid() });
const verifyIdentityInput = z.object({ claimId: z.uuid(), method: z.string().max(200) });
const acceptClaimInput = z.object({ claimId: z.uuid() });
const rejectClaimInput = z.object({ claimId: z.uuid(), reason: z.string().max(1000) });

const ALREADY_ACCEPTED = domainError(
  'REWARD_CLAIM.ALREADY_ACCEPTED',
  'Another claim has already been accepted for this reward',
  '该奖励已有其他领奖申请被受理',
);

const claimTransition = (saved: { id: string; version: number; state: RewardClaimState }) => ({
  id: saved.id,
  status: saved.state.status,
  version: saved.version,
  state: claimStateView(saved.state),
});

/** Claims filed through the receipt, handled by the reward officer; identity and payment details stay sealed. */
export const rewardClaims = router({
  list: capabilityProcedure('reward.read')
    .input(claimsListInput)
    .query(async ({ ctx, input }) => {
      const reward = await getRewardRow(ctx.db, input.rewardId);
      await requireAccess(ctx, 'reward.read', { jurisdictionId: reward.jurisdictionId });
      return (await listClaimsForReward(ctx.db, input.rewardId)).map(claimView);
    }),

  verifyIdentity: capabilityProcedure('reward.pay')
    .input(verifyIdentityInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await runTransition<RewardClaimState, 'claim'>(kernelDeps(ctx), ctx.actor, 'claim', input.claimId, (s, k) =>
        transitionRewardClaim(s, { type: 'verify_identity', method: input.method }, k),
      );
      return claimTransition(saved);
    }),

  /**
   * Accepts one claim and records it on the reward, in one transaction. The
   * kernel refuses when another claim holds the reward; two accepts racing past
   * that check meet the partial unique index, reported as the same conflict.
   */
  accept: capabilityProcedure('reward.pay')
    .input(acceptClaimInput)
    .mutation(async ({ ctx, input }) =>
      uniqueAsConflict(
        () =>
          ctx.db.transaction(async (tx) => {
            const claim = await getClaimRow(tx, input.claimId);
            const holding = await findHoldingClaimId(tx, claim.rewardId);
            const accepted = await runTransition<RewardClaimState, 'claim'>(kernelDeps(ctx, tx), ctx.actor, 'claim', claim.id, (s, k) =>
              transitionRewardClaim(s, { type: 'accept', holdingClaimId: holding }, k),
            );
            await runTransition<RewardState, 'reward'>(kernelDeps(ctx, tx), ctx.actor, 'reward', claim.rewardId, (s, k) =>
              transitionReward(s, { type: 'record_claim', claimId: claim.id, claimSubmittedAt: claim.submittedAt.toISOString() }, k),
            );
            return claimTransition(accepted);
          }),
        ALREADY_ACCEPTED,
      ),
    ),

  /**
   * Rejects a claim. When it was the accepted claim the reward recorded, the
   * reward reopens for claims (kernel `reopen_claim`) in the same transaction, so
   * neither moves without the other; after the claim window the kernel refuses
   * that, and with it the rejection (withhold the reward instead).
   */
  reject: capabilityProcedure('reward.pay')
    .input(rejectClaimInput)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const deps = kernelDeps(ctx, tx);
        const saved = await runTransition<RewardClaimState, 'claim'>(deps, ctx.actor, 'claim', input.claimId, (s, k) =>
          transitionRewardClaim(s, { type: 'reject', reason: input.reason }, k),
        );
        if (saved.state.rejection?.from === 'accepted') {
          const reward = await loadLifecycle<RewardState>(tx, 'reward', saved.state.rewardId);
          if (claimHoldsReward(reward.state, saved.id)) {
            await runTransition<RewardState, 'reward'>(deps, ctx.actor, 'reward', reward.id, (s, k) =>
              transitionReward(s, { type: 'reopen_claim', claimId: saved.id, reason: input.reason }, k),
            );
          }
        }
        return claimTransition(saved);
      }),
    ),
});

