import { z } from 'zod';
import { cataloguedError, chinaYear, maskRewardList, prepareRewardList, publishRewardList, type RewardListState } from '@firebreak/domain';
import { findRewardList, insertRewardList, saveRewardList } from '@firebreak/db';
import { transitionContext } from '../../kernel/run-transition';
import { referenceOf, requireAccess, uniqueAsConflict, type StaffContext } from '../../application/access';
import { DomainFailure } from '../../application/failure';
import { paidRewardRecords, rewardListView } from '../../services/reward-list';
import { capabilityProcedure, router } from '../../trpc';

const yearInput = z.object({ year: z.int().min(2000).max(2999) });
const publishInput = z.object({ year: z.int().min(2000).max(2999), version: z.int().min(1) });

const NOT_PREPARED = cataloguedError('REWARD_LIST.NOT_FOUND');
const CONCURRENT_PREPARE = cataloguedError('REWARD_LIST.CONFLICT');

/** The list belongs to the caller's own jurisdiction (a city's reward office publishes the city's list). */
function listJurisdiction(ctx: StaffContext): string {
  return ctx.actor.jurisdictionId ?? ctx.jurisdictionRoot;
}

/**
 * 年度奖励公示: the reward officer previews and prepares the masked list of a year;
 * a fire-agency head reads the stored draft and publishes that version, after which
 * it is frozen (kernel refusal, and the frozen-after-publish trigger underneath).
 */
export const rewardYearList = router({
  /** What preparing now would store (live), and the stored draft or published list, if any. */
  get: capabilityProcedure('reward.read')
    .input(yearInput)
    .query(async ({ ctx, input }) => {
      const jurisdictionId = listJurisdiction(ctx);
      const ref = await requireAccess(ctx, 'reward.read', { jurisdictionId });
      const [paid, stored] = await Promise.all([paidRewardRecords(ctx.db, ref.tree, jurisdictionId, input.year), findRewardList(ctx.db, { jurisdictionId, year: input.year })]);
      return {
        year: input.year,
        currentYear: chinaYear(ctx.clock()),
        jurisdictionName: ref.tree.node(jurisdictionId)?.name ?? '',
        live: maskRewardList(input.year, paid),
        stored: stored ? rewardListView(stored, ref.tree) : null,
      };
    }),

  prepare: capabilityProcedure('reward.publish')
    .input(yearInput)
    .mutation(async ({ ctx, input }) => {
      const jurisdictionId = listJurisdiction(ctx);
      const ref = await requireAccess(ctx, 'reward.publish', { jurisdictionId });
      const paid = await paidRewardRecords(ctx.db, ref.tree, jurisdictionId, input.year);
      const existing = await findRewardList(ctx.db, { jurisdictionId, year: input.year });
      const now = ctx.clock();
      const k = await transitionContext(ctx.db, ctx.services, ctx.actor, now);
      const result = prepareRewardList(existing ? (existing.state as unknown as RewardListState) : null, { year: input.year, jurisdictionId, paid }, k);
      if (!result.ok) throw new DomainFailure(result.error);
      if (existing) {
        await saveRewardList(ctx.db, { expectedVersion: existing.version, state: result.next, effects: result.effects, now });
      } else {
        await uniqueAsConflict(() => insertRewardList(ctx.db, { state: result.next, effects: result.effects, now }), CONCURRENT_PREPARE);
      }
      const saved = await findRewardList(ctx.db, { jurisdictionId, year: input.year });
      return rewardListView(saved!, ref.tree);
    }),

  /** Publishes the draft version the caller previewed (`version`); a second person, a fire-agency head. */
  publish: capabilityProcedure('reward.approve')
    .input(publishInput)
    .mutation(async ({ ctx, input }) => {
      const jurisdictionId = listJurisdiction(ctx);
      const ref = await referenceOf(ctx);
      const existing = await findRewardList(ctx.db, { jurisdictionId, year: input.year });
      if (!existing) throw new DomainFailure(NOT_PREPARED);
      await requireAccess(ctx, 'reward.approve', { jurisdictionId: existing.jurisdictionId });
      const now = ctx.clock();
      const k = await transitionContext(ctx.db, ctx.services, ctx.actor, now);
      const result = publishRewardList(existing.state as unknown as RewardListState, input.version, k);
      if (!result.ok) throw new DomainFailure(result.error);
      await saveRewardList(ctx.db, { expectedVersion: existing.version, state: result.next, effects: result.effects, now });
      const saved = await findRewardList(ctx.db, { jurisdictionId, year: input.year });
      return rewardListView(saved!, ref.tree);
    }),
});
