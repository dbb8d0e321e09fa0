import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { DEFAULT_TIME_LIMITS, rewardClaimWindowEnd, type TimeLimitConfig } from '../calendar/time-limits';
import { auditEffect, defineLifecycle, guard } from './machine';

/**
 * Reward (奖励) for a substantiated report that was acted on (DOMAIN.md §4, §6).
 * The amount is computed elsewhere (src/rewards, from the configured rules) and
 * arrives here as a command payload, so this table stays independent of the rules.
 */
export const REWARD_STATUSES = [
  'candidate',
  'eligible',
  'ineligible',
  'determined',
  'approved',
  'notified',
  'claimed',
  'paid',
  'expired',
  'withheld',
] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export const rewardLifecycle = defineLifecycle({
  name: 'REWARD',
  entity: 'reward',
  title: { zh: '举报奖励', en: 'Reward' },
  states: REWARD_STATUSES,
  initial: 'candidate',
  terminal: ['ineligible', 'paid', 'expired', 'withheld'],
  transitions: [
    {
      command: 'assess_eligible',
      from: ['candidate'],
      to: 'eligible',
      roles: ['reward_officer'],
      label: { zh: '认定符合奖励条件', en: 'Find eligible' },
      scoped: true,
    },
    {
      command: 'assess_ineligible',
      from: ['candidate'],
      to: 'ineligible',
      roles: ['reward_officer'],
      label: { zh: '认定不予奖励', en: 'Find ineligible' },
      scoped: true,
    },
    {
      command: 'determine',
      from: ['eligible'],
      to: 'determined',
      roles: ['reward_officer'],
      label: { zh: '核定奖励金额', en: 'Determine amount' },
      scoped: true,
    },
    {
      command: 'send_back',
      from: ['determined'],
      to: 'eligible',
      roles: ['fire_supervisor'],
      label: { zh: '退回重新核定', en: 'Send back for redetermination' },
      scoped: true,
    },
    {
      command: 'approve',
      from: ['determined'],
      to: 'approved',
      roles: ['fire_supervisor'],
      label: { zh: '审批奖励', en: 'Approve' },
      scoped: true,
    },
    {
      command: 'notify',
      from: ['approved'],
      to: 'notified',
      roles: ['reward_officer'],
      label: { zh: '告知举报人领奖', en: 'Notify reporter' },
      scoped: true,
    },
    {
      command: 'record_claim',
      from: ['notified'],
      to: 'claimed',
      roles: ['reward_officer'],
      label: { zh: '登记领奖', en: 'Record claim' },
      scoped: true,
    },
    {
      command: 'reopen_claim',
      from: ['claimed'],
      to: 'notified',
      roles: ['reward_officer'],
      label: { zh: '领奖申请被驳回，重新开放领奖', en: 'Reopen after claim rejected' },
      scoped: true,
    },
    {
      command: 'pay',
      from: ['claimed'],
      to: 'paid',
      roles: ['reward_officer'],
      label: { zh: '发放奖金', en: 'Pay' },
      scoped: true,
    },
    {
      command: 'expire',
      from: ['notified'],
      to: 'expired',
      // 'system': the deadline job expires a reward whose claim window closed.
      roles: ['reward_officer', 'system'],
      label: { zh: '逾期未领', en: 'Expire' },
      scoped: true,
    },
    {
      command: 'withhold',
      from: ['eligible', 'determined', 'approved', 'notified', 'claimed'],
      to: 'withheld',
      roles: ['reward_officer', 'fire_supervisor'],
      label: { zh: '不予发放', en: 'Withhold' },
      scoped: true,
    },
  ],
});

/** Roles that may open a reward candidate: whoever acts on the substantiated report. */
export const REWARD_CREATOR_ROLES: readonly Role[] = ['inspector', 'fire_supervisor', 'reward_officer'];

/** How the report was filed; the claim policy for anonymous reports depends on it. */
export type ReporterChannel = 'public' | 'whistleblower';

/**
 * One line of the computed amount (tier, fine share, cap, split, uplift ...),
 * with the sentence shown to the reporter and auditors. The same shape as the
 * rules engine's RewardFactor (src/rewards), restated so this lifecycle does not
 * import the rules: any computed factor list fits as it is.
 */
export interface RewardFactorRecord {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Signed change to the running amount, or null when the factor decided without changing it. */
  readonly effectFen: number | null;
}

/** The output of the rules engine, frozen into the reward when it is determined. */
export interface RewardDetermination {
  readonly amountFen: number;
  readonly factors: readonly RewardFactorRecord[];
  readonly rulesVersion: string;
}

export interface RewardState {
  readonly id: string;
  readonly status: RewardStatus;
  readonly jurisdictionId: string;
  readonly reportId: string;
  /** Hazards the report led to; a reward needs at least one acted on. */
  readonly hazardIds: readonly string[];
  readonly channel: ReporterChannel;
  readonly anonymous: boolean;
  readonly createdBy: ActorStamp;
  readonly assessment: { readonly eligible: boolean; readonly reasons: readonly string[]; readonly by: ActorStamp } | null;
  readonly determination: (RewardDetermination & { readonly by: ActorStamp }) | null;
  /** Kept after a send-back so the approver can see what was refused. */
  readonly sentBack: { readonly reason: string; readonly by: ActorStamp } | null;
  readonly approval: ActorStamp | null;
  readonly notification: ActorStamp | null;
  readonly claimWindowEnd: string | null;
  readonly claim: { readonly claimId: string; readonly submittedAt: string; readonly by: ActorStamp } | null;
  readonly payment: { readonly reference: string; readonly by: ActorStamp } | null;
  readonly expiredBy: ActorStamp | null;
  readonly withholding: { readonly reason: string; readonly from: RewardStatus; readonly by: ActorStamp } | null;
  readonly version: number;
}

export type RewardCommand =
  | { readonly type: 'assess_eligible'; readonly note?: string }
  | { readonly type: 'assess_ineligible'; readonly reasons: readonly string[] }
  | ({ readonly type: 'determine' } & RewardDetermination)
  | { readonly type: 'send_back'; readonly reason: string }
  | { readonly type: 'approve' }
  | { readonly type: 'notify' }
  | { readonly type: 'record_claim'; readonly claimId: string; readonly claimSubmittedAt: string }
  /** The recorded claim was rejected: the reward is open for claims again until the window closes. */
  | { readonly type: 'reopen_claim'; readonly claimId: string; readonly reason: string }
  | { readonly type: 'pay'; readonly paymentReference: string }
  | { readonly type: 'expire' }
  | { readonly type: 'withhold'; readonly reason: string };

export interface CreateRewardInput {
  readonly reportId: string;
  readonly jurisdictionId: string;
  readonly hazardIds: readonly string[];
  readonly channel: ReporterChannel;
  readonly anonymous: boolean;
}

const CLAIM_WINDOW = 'reward.claim_window';

/**
 * Whether rejecting claim `claimId` must reopen this reward: the reward is
 * 'claimed' and the claim it recorded is that one. Once withheld or paid, the
 * reward no longer waits on the claim.
 */
export function claimHoldsReward(reward: Pick<RewardState, 'status' | 'claim'>, claimId: string): boolean {
  return reward.status === 'claimed' && reward.claim?.claimId === claimId;
}

export function createReward(input: CreateRewardInput, ctx: TransitionContext): TransitionResult<RewardState> {
  if (!REWARD_CREATOR_ROLES.includes(ctx.actor.role)) {
    return err('REWARD.ROLE_NOT_ALLOWED', `Role ${ctx.actor.role} may not open a reward`, '当前角色无权发起奖励', {
      role: ctx.actor.role,
    });
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, input.jurisdictionId)) {
    return err('REWARD.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  if (input.hazardIds.length === 0) {
    return err(
      'REWARD.NOT_ACTED_ON',
      'A reward needs a substantiated report that led to at least one hazard being acted on',
      '举报经核查属实并已依法处理后方可进入奖励程序',
    );
  }
  const id = ctx.newId();
  const next: RewardState = {
    id,
    status: 'candidate',
    jurisdictionId: input.jurisdictionId,
    reportId: input.reportId,
    hazardIds: [...input.hazardIds],
    channel: input.channel,
    anonymous: input.anonymous,
    createdBy: stamp(ctx.actor, ctx.now),
    assessment: null,
    determination: null,
    sentBack: null,
    approval: null,
    notification: null,
    claimWindowEnd: null,
    claim: null,
    payment: null,
    expiredBy: null,
    withholding: null,
    version: 1,
  };
  const effects: Effect[] = [
    auditEffect(rewardLifecycle, id, 'create', null, 'candidate', ctx, { reportId: input.reportId }),
    {
      type: 'notify',
      to: { kind: 'role', role: 'reward_officer', jurisdictionId: input.jurisdictionId },
      template: 'reward.candidate',
      entity: 'reward',
      entityId: id,
    },
  ];
  return { ok: true, next, effects };
}

export function transitionReward(
  state: RewardState,
  command: RewardCommand,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<RewardState> {
  const g = guard(rewardLifecycle, state, command.type, ctx);
  if (!g.ok) {
    // Paying twice is the failure that costs money, so it gets its own code.
    if (command.type === 'pay' && state.status === 'paid') {
      return err('REWARD.ALREADY_PAID', 'This reward has already been paid', '该奖励已发放，不能重复发放', {
        paymentReference: state.payment?.reference ?? null,
      });
    }
    return g;
  }
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const bump = (patch: Partial<RewardState>): RewardState => ({ ...state, ...patch, status: to, version: state.version + 1 });
  const audit = (data?: Record<string, unknown>) => auditEffect(rewardLifecycle, state.id, command.type, state.status, to, ctx, data);
  const toReporter = (template: string, data?: Record<string, unknown>): Effect =>
    data
      ? { type: 'notify', to: { kind: 'reporter' }, template, entity: 'reward', entityId: state.id, data }
      : { type: 'notify', to: { kind: 'reporter' }, template, entity: 'reward', entityId: state.id };

  switch (command.type) {
    case 'assess_eligible':
      return {
        ok: true,
        next: bump({ assessment: { eligible: true, reasons: command.note ? [command.note] : [], by } }),
        effects: [audit()],
      };

    case 'assess_ineligible': {
      const reasons = command.reasons.map((r) => r.trim()).filter((r) => r.length > 0);
      if (reasons.length === 0 || reasons.length !== command.reasons.length) {
        return err('REWARD.REASON_REQUIRED', 'Give at least one reason, none blank', '请填写不予奖励的理由');
      }
      return {
        ok: true,
        next: bump({ assessment: { eligible: false, reasons, by } }),
        effects: [audit({ reasons }), toReporter('reward.ineligible')],
      };
    }

    case 'determine': {
      const { amountFen, factors, rulesVersion } = command;
      if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
        return err('REWARD.INVALID_AMOUNT', 'The amount must be a positive whole number of fen', '奖励金额须为正整数（单位：分）', {
          amountFen,
        });
      }
      if (factors.length === 0 || rulesVersion.trim() === '') {
        return err(
          'REWARD.RULES_MISSING',
          'A determination must name the rules version and the factors it applied',
          '核定金额须注明所依据的奖励规则版本及计算因素',
        );
      }
      return {
        ok: true,
        next: bump({ determination: { amountFen, factors: [...factors], rulesVersion, by } }),
        effects: [audit({ amountFen, rulesVersion })],
      };
    }

    case 'send_back': {
      const reason = command.reason.trim();
      if (reason === '') return err('REWARD.REASON_REQUIRED', 'Give the reason for sending back', '请填写退回理由');
      return { ok: true, next: bump({ determination: null, sentBack: { reason, by } }), effects: [audit({ reason })] };
    }

    case 'approve': {
      const determiner = state.determination?.by;
      if (!determiner) {
        return err('REWARD.NOT_DETERMINED', 'The amount has not been determined', '奖励金额尚未核定');
      }
      if (determiner.userId === ctx.actor.userId) {
        return err('REWARD.SAME_PERSON', 'The approver must be a different person from the one who determined the amount', '审批人不能与核定人为同一人', {
          determinedBy: determiner.userId,
        });
      }
      return {
        ok: true,
        next: bump({ approval: by }),
        effects: [audit({ amountFen: state.determination?.amountFen })],
      };
    }

    case 'notify': {
      const window = rewardClaimWindowEnd(ctx.calendar, ctx.now, limits);
      const due = window.due.toISOString();
      return {
        ok: true,
        next: bump({ notification: by, claimWindowEnd: due }),
        effects: [
          audit({ claimWindowEnd: due }),
          { type: 'deadline', entity: 'reward', entityId: state.id, kind: CLAIM_WINDOW, due, basis: window.basis },
          toReporter('reward.notified', { amountFen: state.determination?.amountFen, claimWindowEnd: due }),
        ],
      };
    }

    case 'record_claim': {
      const submitted = new Date(command.claimSubmittedAt);
      if (command.claimId.trim() === '' || Number.isNaN(submitted.getTime()) || submitted.getTime() > ctx.now.getTime()) {
        return err('REWARD.INVALID_CLAIM', 'A claim id and a past submission time are required', '领奖申请编号及提交时间无效');
      }
      if (state.claimWindowEnd === null || submitted.getTime() > Date.parse(state.claimWindowEnd)) {
        return err('REWARD.CLAIM_WINDOW_CLOSED', 'The claim was submitted after the claim window closed', '领奖申请已超过领奖期限', {
          claimWindowEnd: state.claimWindowEnd,
          claimSubmittedAt: command.claimSubmittedAt,
        });
      }
      return {
        ok: true,
        next: bump({ claim: { claimId: command.claimId, submittedAt: submitted.toISOString(), by } }),
        effects: [
          audit({ claimId: command.claimId }),
          { type: 'cancelDeadline', entity: 'reward', entityId: state.id, kind: CLAIM_WINDOW },
        ],
      };
    }

    case 'reopen_claim': {
      const reason = command.reason.trim();
      if (reason === '') return err('REWARD.REASON_REQUIRED', 'Give the reason the claim was rejected', '请填写驳回领奖申请的理由');
      if (state.claim?.claimId !== command.claimId) {
        return err('REWARD.CLAIM_MISMATCH', 'That claim is not the one recorded on this reward', '该领奖申请不是本奖励已登记的申请', {
          claimId: command.claimId,
          recordedClaimId: state.claim?.claimId ?? null,
        });
      }
      // After the window the reward cannot go back to waiting for claims; it is withheld instead.
      if (state.claimWindowEnd === null || ctx.now.getTime() > Date.parse(state.claimWindowEnd)) {
        return err('REWARD.CLAIM_WINDOW_CLOSED', 'The claim window has closed; withhold the reward instead', '领奖期限已届满，不能重新开放领奖，请作不予发放处理', {
          claimWindowEnd: state.claimWindowEnd,
        });
      }
      const basis = rewardClaimWindowEnd(ctx.calendar, ctx.now, limits).basis;
      return {
        ok: true,
        next: bump({ claim: null }),
        effects: [
          audit({ claimId: command.claimId, reason }),
          // record_claim cancelled the window's deadline; the same window runs on.
          { type: 'deadline', entity: 'reward', entityId: state.id, kind: CLAIM_WINDOW, due: state.claimWindowEnd, basis },
        ],
      };
    }

    case 'pay': {
      const reference = command.paymentReference.trim();
      if (reference === '') {
        return err('REWARD.PAYMENT_REF_REQUIRED', 'A payment reference is required', '请填写支付凭证号');
      }
      return {
        ok: true,
        next: bump({ payment: { reference, by } }),
        effects: [audit({ paymentReference: reference, amountFen: state.determination?.amountFen }), toReporter('reward.paid')],
      };
    }

    case 'expire': {
      if (state.claimWindowEnd === null || ctx.now.getTime() <= Date.parse(state.claimWindowEnd)) {
        return err('REWARD.CLAIM_WINDOW_OPEN', 'The claim window has not closed yet', '领奖期限尚未届满', {
          claimWindowEnd: state.claimWindowEnd,
        });
      }
      return { ok: true, next: bump({ expiredBy: by }), effects: [audit({ claimWindowEnd: state.claimWindowEnd })] };
    }

    case 'withhold': {
      const reason = command.reason.trim();
      if (reason === '') return err('REWARD.REASON_REQUIRED', 'Give the reason for withholding', '请填写不予发放的理由');
      const effects: Effect[] = [audit({ reason })];
      if (state.status === 'notified') {
        effects.push({ type: 'cancelDeadline', entity: 'reward', entityId: state.id, kind: CLAIM_WINDOW });
      }
      effects.push(toReporter('reward.withheld'));
      return { ok: true, next: bump({ withholding: { reason, from: state.status, by } }), effects };
    }
  }
}
