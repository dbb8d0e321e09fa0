import { z } from 'zod';
import {
  REWARD_STATUSES,
  computeReward,
  createReward,
  transitionReward,
  transitionRewardClaim,
  withClaimWindow,
  type ReportState,
  type RewardClaimState,
  type RewardCommand,
  type RewardState,
} from '@firebreak/domain';
import {
  countRewards,
  disclosuresForReport,
  findRewardIdByReport,
  getReportForReward,
  getRewardRow,
  listClaimsForReward,
  listRewardsIn,
  rewardReportSummaries,
  type ExtraColumns,
  type rewards as rewardsTable,
} from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { requireAccess, kernelDeps, referenceOf, uniqueAsConflict, type StaffContext } from '../application/access';
import { domainError } from '../application/failure';
import { capabilityProcedure, router } from '../trpc';
import { rewardClaims } from './rewards/claims';
import { rewardYearList } from './rewards/year-list';
import { gatherRewardFacts, officerJudgementSchema } from './rewards/reward-facts';
import { rewardRulesById, rewardRulesFor } from '../services/reward-rules';
import { amountExplanation, claimView, rewardView } from './rewards/views';
import { DomainFailure } from '../application/failure';

const openRewardInput = z.object({ reportId: z.uuid() });
const rewardIdInput = z.object({ rewardId: z.uuid() });
const assessEligibleInput = z.object({ rewardId: z.uuid(), note: z.string().max(1000).optional() });
const assessIneligibleInput = z.object({ rewardId: z.uuid(), reasons: z.array(z.string().max(1000)).min(1).max(20) });
const determineInput = z.object({ rewardId: z.uuid(), judgement: officerJudgementSchema.optional() });
const reasonInput = z.object({ rewardId: z.uuid(), reason: z.string().max(1000) });
const payInput = z.object({ rewardId: z.uuid(), paymentReference: z.string().max(100) });
const listRewardsInput = z.object({
  status: z.enum(REWARD_STATUSES).optional(),
  /** Several statuses at once (a work queue: determined, awaiting approval ...); `status` narrows further. */
  statuses: z.array(z.enum(REWARD_STATUSES)).max(REWARD_STATUSES.length).optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});

const ALREADY_OPENED = domainError('REWARD.ALREADY_OPENED', 'A reward has already been opened for this report', '该举报已进入奖励程序');

type Saved = { id: string; version: number; state: RewardState };
const transitioned = (s: Saved) => ({ id: s.id, status: s.state.status, version: s.version, state: s.state });

/** One reward command through the kernel; `set` keeps the indexed columns in step. */
function rewardCommand(ctx: StaffContext, rewardId: string, command: RewardCommand, set?: (next: RewardState) => ExtraColumns<typeof rewardsTable>) {
  return runTransition<RewardState, 'reward'>(kernelDeps(ctx), ctx.actor, 'reward', rewardId, (s, k) => transitionReward(s, command, k), set ? { set } : {});
}

/** computeReward over the rule set in force when the report arrived, with the facts the records give. */
async function computeFor(ctx: StaffContext, rewardId: string, judgement: z.infer<typeof officerJudgementSchema>, seed: boolean) {
  const row = await getRewardRow(ctx.db, rewardId);
  await requireAccess(ctx, 'reward.determine', { jurisdictionId: row.jurisdictionId });
  const state = row.state as unknown as RewardState;
  const { facts, receivedAt } = await gatherRewardFacts(ctx.db, state, judgement);
  const ref = await referenceOf(ctx);
  const { row: ruleRow, rules } = await rewardRulesFor(ctx.db, ref.tree, row.jurisdictionId, receivedAt, { seed, now: ctx.clock() });
  return { row, facts, ruleSetId: ruleRow?.id ?? null, computation: computeReward(rules, facts) };
}

export const rewards = router({
  /** Opens a reward candidate for a substantiated report that led to hazards being acted on (kernel createReward). */
  open: capabilityProcedure('reward.determine')
    .input(openRewardInput)
    .mutation(async ({ ctx, input }) => {
      const report = await getReportForReward(ctx.db, input.reportId);
      await requireAccess(ctx, 'reward.determine', { jurisdictionId: report.jurisdictionId });
      if (await findRewardIdByReport(ctx.db, input.reportId)) throw new DomainFailure(ALREADY_OPENED);
      const rs = report.state as unknown as ReportState;
      const created = await uniqueAsConflict(
        () =>
          runCreate<RewardState, 'reward'>(
            kernelDeps(ctx),
            ctx.actor,
            'reward',
            (k) =>
              createReward(
                {
                  reportId: report.id,
                  jurisdictionId: report.jurisdictionId,
                  hazardIds: rs.hazardIds ?? [],
                  channel: report.whistleblower ? 'whistleblower' : 'public',
                  anonymous: report.anonymous,
                },
                k,
              ),
            (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, reportId: s.reportId }),
          ),
        ALREADY_OPENED,
      );
      return { id: created.id, status: created.state.status, version: 1, state: created.state };
    }),

  assessEligible: capabilityProcedure('reward.determine')
    .input(assessEligibleInput)
    .mutation(async ({ ctx, input }) =>
      transitioned(await rewardCommand(ctx, input.rewardId, input.note === undefined ? { type: 'assess_eligible' } : { type: 'assess_eligible', note: input.note })),
    ),

  assessIneligible: capabilityProcedure('reward.determine')
    .input(assessIneligibleInput)
    .mutation(async ({ ctx, input }) => transitioned(await rewardCommand(ctx, input.rewardId, { type: 'assess_ineligible', reasons: input.reasons }))),

  /** What `determine` would compute now, with every factor, without recording anything. */
  preview: capabilityProcedure('reward.determine')
    .input(determineInput)
    .query(async ({ ctx, input }) => {
      const { facts, ruleSetId, computation } = await computeFor(ctx, input.rewardId, input.judgement ?? {}, false);
      return { facts, ruleSetId, computation };
    }),

  /**
   * Computes the amount with the kernel's computeReward and hands the result to
   * the kernel's determine command, which refuses a zero amount; `preview` shows why.
   */
  determine: capabilityProcedure('reward.determine')
    .input(determineInput)
    .mutation(async ({ ctx, input }) => {
      const { row, ruleSetId, computation } = await computeFor(ctx, input.rewardId, input.judgement ?? {}, true);
      const saved = await runTransition<RewardState, 'reward'>(
        kernelDeps(ctx),
        ctx.actor,
        'reward',
        input.rewardId,
        (s, k) =>
          transitionReward(s, { type: 'determine', amountFen: computation.amountFen, factors: computation.factors, rulesVersion: computation.rulesVersion }, k),
        { expectedVersion: row.version, set: (next) => ({ amountFen: next.determination?.amountFen ?? null, rewardRuleId: ruleSetId }) },
      );
      return { ...transitioned(saved), why: amountExplanation(saved.state) };
    }),

  sendBack: capabilityProcedure('reward.approve')
    .input(reasonInput)
    .mutation(async ({ ctx, input }) =>
      transitioned(await rewardCommand(ctx, input.rewardId, { type: 'send_back', reason: input.reason }, () => ({ amountFen: null }))),
    ),

  /** A second person approves (the kernel refuses the determiner). */
  approve: capabilityProcedure('reward.approve')
    .input(rewardIdInput)
    .mutation(async ({ ctx, input }) => transitioned(await rewardCommand(ctx, input.rewardId, { type: 'approve' }))),

  /** Tells the reporter through the receipt; the claim window is the determining rule set's. */
  notify: capabilityProcedure('reward.determine')
    .input(rewardIdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await getRewardRow(ctx.db, input.rewardId);
      const rules = await rewardRulesById(ctx.db, row.rewardRuleId);
      const ref = await referenceOf(ctx);
      const saved = await runTransition<RewardState, 'reward'>(
        kernelDeps(ctx),
        ctx.actor,
        'reward',
        input.rewardId,
        (s, k) => transitionReward(s, { type: 'notify' }, k, withClaimWindow(ref.timeLimits, rules)),
        { expectedVersion: row.version, set: (next) => ({ claimDeadline: next.claimWindowEnd ? new Date(next.claimWindowEnd) : null }) },
      );
      return transitioned(saved);
    }),

  withhold: capabilityProcedure('reward.approve')
    .input(reasonInput)
    .mutation(async ({ ctx, input }) => transitioned(await rewardCommand(ctx, input.rewardId, { type: 'withhold', reason: input.reason }))),

  expire: capabilityProcedure('reward.determine')
    .input(rewardIdInput)
    .mutation(async ({ ctx, input }) => transitioned(await rewardCommand(ctx, input.rewardId, { type: 'expire' }))),

  /**
   * Pays the reward and its accepted claim in one transaction. Exactly once: the
   * compare-and-set on the reward's version lets one of any number of concurrent
   * payers through (CONCURRENCY.STALE for the rest); later ones meet the kernel's
   * REWARD.ALREADY_PAID. Both map to CONFLICT.
   */
  pay: capabilityProcedure('reward.pay')
    .input(payInput)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const deps = kernelDeps(ctx, tx);
        const reward = await runTransition<RewardState, 'reward'>(
          deps,
          ctx.actor,
          'reward',
          input.rewardId,
          (s, k) => transitionReward(s, { type: 'pay', paymentReference: input.paymentReference }, k),
          { set: (next) => ({ paidAt: next.payment ? new Date(next.payment.by.at) : null }) },
        );
        const claimId = reward.state.claim?.claimId;
        if (!claimId) {
          throw new DomainFailure(domainError('REWARD.NO_ACCEPTED_CLAIM', 'No accepted claim to pay', '没有已受理的领奖申请', { rewardId: input.rewardId }));
        }
        const claim = await runTransition<RewardClaimState, 'claim'>(deps, ctx.actor, 'claim', claimId, (s, k) =>
          transitionRewardClaim(s, { type: 'pay', paymentReference: input.paymentReference }, k),
        );
        return { ...transitioned(reward), claim: { id: claim.id, status: claim.state.status, version: claim.version } };
      }),
    ),

  /** One page of the rewards in scope, newest first, with the report's category and venue (never who filed it). */
  list: capabilityProcedure('reward.read')
    .input(listRewardsInput)
    .query(async ({ ctx, input }) => {
      const statuses = input.status ? [input.status] : input.statuses;
      const filter = { rootId: ctx.jurisdictionRoot, ...(statuses?.length ? { statuses } : {}) };
      const [rows, total] = await Promise.all([listRewardsIn(ctx.db, { ...filter, limit: input.limit, offset: input.offset }), countRewards(ctx.db, filter)]);
      const reports = await rewardReportSummaries(ctx.db, rows.map((r) => r.reportId));
      return { items: rows.map((r) => ({ ...rewardView(r), report: reports.get(r.reportId) ?? null })), total };
    }),

  /** One reward with "why this amount" (the factor list) and its claims, none of them identifying anyone. */
  get: capabilityProcedure('reward.read')
    .input(rewardIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getRewardRow(ctx.db, input.rewardId);
      await requireAccess(ctx, 'reward.read', { jurisdictionId: row.jurisdictionId });
      const view = rewardView(row);
      const [claimRows, reports, disclosures] = await Promise.all([listClaimsForReward(ctx.db, row.id), rewardReportSummaries(ctx.db, [row.reportId]), disclosuresForReport(ctx.db, row.reportId)]);
      return {
        ...view,
        why: amountExplanation(view.state),
        claims: claimRows.map(claimView),
        report: reports.get(row.reportId) ?? null,
        /** Disclosure requests about this report: who asked, why, the decision; never the identity. */
        disclosures,
      };
    }),

  claims: rewardClaims,
  yearList: rewardYearList,
});
