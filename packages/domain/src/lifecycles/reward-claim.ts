import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { auditEffect, defineLifecycle, guard } from './machine';
import type { RewardState } from './reward';

/**
 * Reward claim (领奖申请), filed by the reporter through the receipt. Identity and
 * payment details go into a sealed envelope elsewhere; this state only knows the
 * envelope's reference and whether each part was given, so nothing here can leak
 * who the reporter is.
 *
 * Invariant the database must back: at most one claim per reward in a status of
 * CLAIM_HOLDING_STATUSES ('accepted', 'paid'), i.e. a partial unique index
 * `UNIQUE (reward_id) WHERE status IN ('accepted','paid')`. The kernel checks it
 * too (`accept` carries the id of any claim already holding the reward), but only
 * the index closes the race between two concurrent accepts.
 */
export const REWARD_CLAIM_STATUSES = ['submitted', 'identity_verified', 'accepted', 'paid', 'rejected'] as const;
export type RewardClaimStatus = (typeof REWARD_CLAIM_STATUSES)[number];

/** Statuses in which a claim holds its reward; at most one claim per reward may be in one of them. */
export const CLAIM_HOLDING_STATUSES: readonly RewardClaimStatus[] = ['accepted', 'paid'];

export const rewardClaimLifecycle = defineLifecycle({
  name: 'REWARD_CLAIM',
  entity: 'claim',
  title: { zh: '领奖申请', en: 'Reward claim' },
  states: REWARD_CLAIM_STATUSES,
  initial: 'submitted',
  terminal: ['paid', 'rejected'],
  transitions: [
    {
      command: 'verify_identity',
      from: ['submitted'],
      to: 'identity_verified',
      roles: ['reward_officer'],
      label: { zh: '核验身份', en: 'Verify identity' },
      scoped: true,
    },
    {
      command: 'accept',
      from: ['identity_verified'],
      to: 'accepted',
      roles: ['reward_officer'],
      label: { zh: '受理领奖', en: 'Accept' },
      scoped: true,
    },
    {
      command: 'pay',
      from: ['accepted'],
      to: 'paid',
      roles: ['reward_officer'],
      label: { zh: '发放奖金', en: 'Pay' },
      scoped: true,
    },
    {
      command: 'reject',
      from: ['submitted', 'identity_verified', 'accepted'],
      to: 'rejected',
      roles: ['reward_officer'],
      label: { zh: '驳回申请', en: 'Reject' },
      scoped: true,
    },
  ],
});

/** Only the reporter files a claim, through the receipt. */
export const REWARD_CLAIM_SUBMITTER_ROLES: readonly Role[] = ['public', 'whistleblower'];

/**
 * Policy for rewards on anonymous reports (DOMAIN.md §6): some cities refuse
 * them, others let the reporter identify at claim time, a few pay on the receipt
 * alone. Same values as the reward rules' `anonymousPolicy`, restated so this
 * lifecycle does not depend on the rules module.
 */
export type AnonymousClaimPolicy = 'refuse' | 'identify_at_claim' | 'allow';

export interface RewardClaimState {
  readonly id: string;
  readonly status: RewardClaimStatus;
  readonly jurisdictionId: string;
  readonly rewardId: string;
  readonly reportId: string;
  readonly submittedBy: ActorStamp;
  /** Reference to the sealed envelope holding identity and payment details (never the details). */
  readonly sealedRef: string;
  readonly identityGiven: boolean;
  readonly paymentDetailsGiven: boolean;
  readonly identityVerifiedBy: ActorStamp | null;
  readonly acceptedBy: ActorStamp | null;
  readonly payment: { readonly reference: string; readonly by: ActorStamp } | null;
  readonly rejection: { readonly reason: string; readonly from: RewardClaimStatus; readonly by: ActorStamp } | null;
  readonly version: number;
}

export type RewardClaimCommand =
  | { readonly type: 'verify_identity'; readonly method: string }
  /** `holdingClaimId`: the claim (if any) already accepted or paid for the same reward, as loaded by the API. */
  | { readonly type: 'accept'; readonly holdingClaimId: string | null }
  | { readonly type: 'pay'; readonly paymentReference: string }
  | { readonly type: 'reject'; readonly reason: string };

export interface CreateRewardClaimInput {
  readonly reward: Pick<RewardState, 'id' | 'status' | 'jurisdictionId' | 'reportId' | 'anonymous' | 'claimWindowEnd'>;
  readonly sealedRef: string;
  readonly identityGiven: boolean;
  readonly paymentDetailsGiven: boolean;
  readonly anonymousPolicy: AnonymousClaimPolicy;
}

export function createRewardClaim(input: CreateRewardClaimInput, ctx: TransitionContext): TransitionResult<RewardClaimState> {
  const { reward } = input;
  if (!REWARD_CLAIM_SUBMITTER_ROLES.includes(ctx.actor.role)) {
    return err('REWARD_CLAIM.ROLE_NOT_ALLOWED', `Role ${ctx.actor.role} may not file a claim`, '只有举报人本人可以通过回执申请领奖', {
      role: ctx.actor.role,
    });
  }
  if (reward.status !== 'notified') {
    return err('REWARD_CLAIM.REWARD_NOT_CLAIMABLE', 'This reward is not open for claims', '该奖励当前不可申领', {
      rewardStatus: reward.status,
    });
  }
  if (reward.claimWindowEnd === null || ctx.now.getTime() > Date.parse(reward.claimWindowEnd)) {
    return err('REWARD_CLAIM.WINDOW_CLOSED', 'The claim window has closed', '已超过领奖期限', {
      claimWindowEnd: reward.claimWindowEnd,
    });
  }
  if (reward.anonymous && input.anonymousPolicy === 'refuse') {
    return err('REWARD_CLAIM.ANONYMOUS_NOT_REWARDED', 'Anonymous reports are not rewarded here', '本地匿名举报不予奖励');
  }
  if (reward.anonymous && input.anonymousPolicy === 'identify_at_claim' && !input.identityGiven) {
    return err('REWARD_CLAIM.IDENTITY_REQUIRED', 'An anonymous reporter must give their identity to claim', '匿名举报人领奖须提供真实身份信息');
  }
  if (!input.paymentDetailsGiven) {
    return err('REWARD_CLAIM.PAYMENT_DETAILS_REQUIRED', 'Payment details are required', '请提供收款信息');
  }
  if (input.sealedRef.trim() === '') {
    return err('REWARD_CLAIM.SEALED_REF_REQUIRED', 'The sealed envelope reference is missing', '缺少密封信息编号');
  }
  const id = ctx.newId();
  const next: RewardClaimState = {
    id,
    status: 'submitted',
    jurisdictionId: reward.jurisdictionId,
    rewardId: reward.id,
    reportId: reward.reportId,
    submittedBy: stamp(ctx.actor, ctx.now),
    sealedRef: input.sealedRef,
    identityGiven: input.identityGiven,
    paymentDetailsGiven: input.paymentDetailsGiven,
    identityVerifiedBy: null,
    acceptedBy: null,
    payment: null,
    rejection: null,
    version: 1,
  };
  const effects: Effect[] = [
    auditEffect(rewardClaimLifecycle, id, 'submit', null, 'submitted', ctx, { rewardId: reward.id }),
    {
      type: 'notify',
      to: { kind: 'role', role: 'reward_officer', jurisdictionId: reward.jurisdictionId },
      template: 'claim.submitted',
      entity: 'claim',
      entityId: id,
    },
  ];
  return { ok: true, next, effects };
}

export function transitionRewardClaim(
  state: RewardClaimState,
  command: RewardClaimCommand,
  ctx: TransitionContext,
): TransitionResult<RewardClaimState> {
  const g = guard(rewardClaimLifecycle, state, command.type, ctx);
  if (!g.ok) {
    if (command.type === 'pay' && state.status === 'paid') {
      return err('REWARD_CLAIM.ALREADY_PAID', 'This claim has already been paid', '该领奖申请已发放，不能重复发放');
    }
    return g;
  }
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const bump = (patch: Partial<RewardClaimState>): RewardClaimState => ({
    ...state,
    ...patch,
    status: to,
    version: state.version + 1,
  });
  const audit = (data?: Record<string, unknown>) =>
    auditEffect(rewardClaimLifecycle, state.id, command.type, state.status, to, ctx, data);
  const toReporter = (template: string): Effect => ({
    type: 'notify',
    to: { kind: 'reporter' },
    template,
    entity: 'claim',
    entityId: state.id,
  });

  switch (command.type) {
    case 'verify_identity': {
      const method = command.method.trim();
      if (method === '') {
        return err('REWARD_CLAIM.METHOD_REQUIRED', 'Say how the identity was verified', '请注明身份核验方式');
      }
      return { ok: true, next: bump({ identityVerifiedBy: by }), effects: [audit({ method })] };
    }

    case 'accept':
      if (command.holdingClaimId !== null && command.holdingClaimId !== state.id) {
        return err('REWARD_CLAIM.ALREADY_ACCEPTED', 'Another claim has already been accepted for this reward', '该奖励已有其他领奖申请被受理', {
          rewardId: state.rewardId,
          holdingClaimId: command.holdingClaimId,
        });
      }
      return { ok: true, next: bump({ acceptedBy: by }), effects: [audit({ rewardId: state.rewardId }), toReporter('claim.accepted')] };

    case 'pay': {
      const reference = command.paymentReference.trim();
      if (reference === '') return err('REWARD_CLAIM.PAYMENT_REF_REQUIRED', 'A payment reference is required', '请填写支付凭证号');
      return {
        ok: true,
        next: bump({ payment: { reference, by } }),
        effects: [audit({ rewardId: state.rewardId, paymentReference: reference }), toReporter('claim.paid')],
      };
    }

    case 'reject': {
      const reason = command.reason.trim();
      if (reason === '') return err('REWARD_CLAIM.REASON_REQUIRED', 'Give the reason for rejecting', '请填写驳回理由');
      return {
        ok: true,
        next: bump({ rejection: { reason, from: state.status, by } }),
        effects: [audit({ reason }), toReporter('claim.rejected')],
      };
    }
  }
}
