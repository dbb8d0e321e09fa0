import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err, type DomainError } from '../common/errors';
import type { Role } from '../common/roles';
import { DEFAULT_TIME_LIMITS, sealingDecisionDue, sealingLatestEnd, type TimeLimitConfig } from '../calendar/time-limits';
import {
  checkBlacklistEntry,
  checkBlacklistRemoval,
  checkSealing,
  DEFAULT_ENFORCEMENT_RULES,
  ENFORCEMENT_ACTION_KINDS,
  validateEnforcementProposal,
  type BlacklistEvent,
  type CollectiveReason,
  type DetentionReferral,
  type EnforcementActionKind,
  type EnforcementProposal,
  type EnforcementRules,
  type FinalAuthority,
  type FineTarget,
  type FireLawCitation,
} from '../enforcement/index';
import { validateCollectiveDecision, type CollectiveDecision, type CollectiveDecisionCheck } from '../gb35181/validate-collective-decision';
import { auditEffect, defineLifecycle, guard } from './machine';
import type { CreateReferralInput, ReferralKind } from './referral';

/**
 * 执法: one enforcement measure from proposal to closure. The statutory checks
 * (fine ranges, who may propose and decide, collective discussion, sealing limits,
 * detention being the police's) live in src/enforcement; this file sequences them
 * and records who did each step.
 */
export const ENFORCEMENT_STATUSES = ['proposed', 'collective_review', 'decided', 'served', 'executed', 'closed', 'withdrawn', 'rejected'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

const defs = Object.values(DEFAULT_ENFORCEMENT_RULES.actions);
const union = (roles: readonly Role[]): Role[] => [...new Set(roles)];
/** Table roles are the union over action kinds; the kind-specific check runs in src/enforcement. */
const PROPOSER_ROLES = union(defs.flatMap((d) => d.proposedBy));
const DECIDER_ROLES = union(defs.flatMap((d) => [...d.decidedBy, ...(d.largeImpactDecidedBy ?? [])]));
const STAFF_ROLES = union(['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer']);

export const enforcementActionLifecycle = defineLifecycle({
  name: 'ENFORCEMENT',
  entity: 'enforcement',
  title: { zh: '执法措施', en: 'Enforcement action' },
  states: ENFORCEMENT_STATUSES,
  initial: 'proposed',
  terminal: ['closed', 'withdrawn', 'rejected'],
  transitions: [
    {
      command: 'refer_to_collective',
      from: ['proposed'],
      to: 'collective_review',
      roles: ['fire_supervisor', 'committee_officer'],
      label: { zh: '提交集体讨论', en: 'Refer to collective discussion' },
      scoped: true,
    },
    { command: 'decide', from: ['proposed', 'collective_review'], to: 'decided', roles: DECIDER_ROLES, label: { zh: '作出决定', en: 'Decide' }, scoped: true },
    { command: 'reject', from: ['proposed', 'collective_review'], to: 'rejected', roles: DECIDER_ROLES, label: { zh: '不予批准', en: 'Reject' }, scoped: true },
    { command: 'withdraw', from: ['proposed', 'collective_review'], to: 'withdrawn', roles: PROPOSER_ROLES, label: { zh: '撤回', en: 'Withdraw' }, scoped: true },
    { command: 'serve', from: ['decided'], to: 'served', roles: STAFF_ROLES, label: { zh: '送达', en: 'Serve' }, scoped: true },
    { command: 'execute', from: ['served'], to: 'executed', roles: STAFF_ROLES, label: { zh: '执行', en: 'Execute' }, scoped: true },
    { command: 'close', from: ['executed'], to: 'closed', roles: ['fire_supervisor', 'committee_officer'], label: { zh: '结案', en: 'Close' }, scoped: true },
  ],
});

/** 临时查封: instants as ISO strings (see checkSealing for the rules). */
export interface SealingPlan {
  readonly emergency: boolean;
  readonly inspectedAt: string;
  /** Emergency: when the venue was sealed on the spot. Otherwise the planned start, no earlier than service. */
  readonly sealedAt: string;
  readonly plannedEnd: string;
  readonly hazardRemains: boolean;
  readonly extensionReason?: string | null;
}

export interface BlacklistGrounds {
  /** The unit's record (ISO instants). */
  readonly events: readonly { readonly kind: BlacklistEvent['kind']; readonly at: string; readonly refId: string }[];
  /** Exit only. */
  readonly enteredAt?: string;
  readonly openHazards?: number;
  readonly appliedAt?: string | null;
}

export interface EnforcementActionState {
  readonly id: string;
  readonly status: EnforcementStatus;
  readonly jurisdictionId: string;
  readonly kind: EnforcementActionKind;
  readonly target: FineTarget;
  /** The unit or person the measure is against (a name on the decision, not a user). */
  readonly subjectName: string;
  readonly venueId: string | null;
  readonly hazardIds: readonly string[];
  readonly facts: string;
  readonly basis: FireLawCitation | null;
  readonly citation: string | null;
  readonly amountYuan: number | null;
  readonly priorOrderOverdue: boolean;
  readonly recipientDepartmentId: string | null;
  readonly largeImpact: boolean;
  readonly sealing: SealingPlan | null;
  readonly finalAuthority: FinalAuthority;
  readonly collectiveRequired: CollectiveReason | null;
  /** For detention: what is referred to the police (who decide and execute). */
  readonly referralPlan: DetentionReferral | null;
  readonly proposedBy: ActorStamp;
  readonly referredToCollectiveBy: ActorStamp | null;
  readonly collective: { readonly decision: CollectiveDecision; readonly check: CollectiveDecisionCheck } | null;
  readonly decidedBy: ActorStamp | null;
  readonly decisionRef: string | null;
  readonly servedBy: ActorStamp | null;
  readonly receiptRef: string | null;
  readonly executedBy: ActorStamp | null;
  readonly outcome: string | null;
  readonly evidenceRefs: readonly string[];
  readonly closedBy: ActorStamp | null;
  readonly withdrawnBy: ActorStamp | null;
  readonly rejection: { readonly reason: string; readonly by: ActorStamp } | null;
  readonly version: number;
}

export interface CreateEnforcementActionInput {
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly kind: EnforcementActionKind;
  readonly target: FineTarget;
  readonly subjectName: string;
  readonly venueId?: string | null;
  readonly hazardIds?: readonly string[];
  readonly facts: string;
  readonly basis?: FireLawCitation;
  readonly amountYuan?: number;
  readonly priorOrderOverdue?: boolean;
  readonly recipientDepartmentId?: string;
  readonly largeImpact?: boolean;
  /** Required for temporary_sealing. */
  readonly sealing?: SealingPlan;
  /** Required for blacklist_entry and blacklist_exit. */
  readonly blacklist?: BlacklistGrounds;
}

export type EnforcementCommand =
  | { readonly type: 'refer_to_collective' }
  | {
      readonly type: 'decide';
      /** 决定书文号. */
      readonly decisionRef: string;
      /** Required after collective review. */
      readonly collectiveDecision?: CollectiveDecision;
      /** The decider may set a different fine within the statutory range. */
      readonly amountYuan?: number;
    }
  | { readonly type: 'reject'; readonly reason: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'serve'; readonly receiptRef: string }
  | { readonly type: 'execute'; readonly outcome: string; readonly evidenceRefs?: readonly string[] }
  | { readonly type: 'close'; readonly note?: string };

export type EnforcementCommandType = EnforcementCommand['type'];

export interface EnforcementOptions {
  readonly rules?: EnforcementRules;
  readonly limits?: TimeLimitConfig;
}

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`ENFORCEMENT.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';
const refusal = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });

function toDate(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function sealingDates(plan: SealingPlan): { inspectedAt: Date; sealedAt: Date; plannedEnd: Date } | null {
  const inspectedAt = toDate(plan.inspectedAt);
  const sealedAt = toDate(plan.sealedAt);
  const plannedEnd = toDate(plan.plannedEnd);
  return inspectedAt && sealedAt && plannedEnd ? { inspectedAt, sealedAt, plannedEnd } : null;
}

function proposalOf(s: Pick<EnforcementActionState, 'kind' | 'target' | 'facts' | 'basis' | 'amountYuan' | 'priorOrderOverdue' | 'recipientDepartmentId' | 'largeImpact'>, proposer: { userId: string; role: Role }): EnforcementProposal {
  return {
    kind: s.kind,
    target: s.target,
    facts: s.facts,
    proposer,
    ...(s.basis ? { basis: s.basis } : {}),
    ...(s.amountYuan !== null ? { amountYuan: s.amountYuan } : {}),
    priorOrderOverdue: s.priorOrderOverdue,
    ...(s.recipientDepartmentId !== null ? { recipientDepartmentId: s.recipientDepartmentId } : {}),
    largeImpact: s.largeImpact,
  };
}

function checkBlacklist(kind: EnforcementActionKind, grounds: BlacklistGrounds | undefined, now: Date): DomainError | null {
  if (kind !== 'blacklist_entry' && kind !== 'blacklist_exit') return null;
  if (!grounds) return { code: 'ENFORCEMENT.BLACKLIST_GROUNDS_REQUIRED', message: 'Give the unit’s record for the blacklist decision', messageZh: '请提供该单位的失信记录' };
  const events: BlacklistEvent[] = [];
  for (const e of grounds.events) {
    const at = toDate(e.at);
    if (!at) return { code: 'ENFORCEMENT.INVALID_DATE', message: 'An event date is invalid', messageZh: '失信记录日期无效' };
    events.push({ kind: e.kind, at, refId: e.refId });
  }
  if (kind === 'blacklist_entry') {
    const r = checkBlacklistEntry({ events, now });
    return r.ok ? null : r.error;
  }
  const enteredAt = grounds.enteredAt === undefined ? null : toDate(grounds.enteredAt);
  const appliedAt = grounds.appliedAt == null ? null : toDate(grounds.appliedAt);
  if (!enteredAt || grounds.openHazards === undefined) {
    return { code: 'ENFORCEMENT.BLACKLIST_GROUNDS_REQUIRED', message: 'Give the entry date and open hazards', messageZh: '请提供列入日期和未销号隐患数' };
  }
  const r = checkBlacklistRemoval({ enteredAt, now, openHazards: grounds.openHazards, events, appliedAt });
  return r.ok ? null : r.error;
}

export function createEnforcementAction(
  input: CreateEnforcementActionInput,
  ctx: TransitionContext,
  options: EnforcementOptions = {},
): TransitionResult<EnforcementActionState> {
  const rules = options.rules ?? DEFAULT_ENFORCEMENT_RULES;
  const limits = options.limits ?? DEFAULT_TIME_LIMITS;
  const { actor } = ctx;
  if (!PROPOSER_ROLES.includes(actor.role)) {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not propose enforcement`, '当前角色无权提出执法措施', { role: actor.role });
  }
  if (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId)) {
    return fail('OUT_OF_SCOPE', 'Subject is outside the actor’s jurisdiction', '该事项不在您的辖区范围内');
  }
  if (!(ENFORCEMENT_ACTION_KINDS as readonly string[]).includes(input.kind)) {
    return fail('UNKNOWN_ACTION', `Unknown enforcement action ${String(input.kind)}`, '未知的执法措施');
  }
  if (blank(input.subjectName)) return fail('SUBJECT_REQUIRED', 'Name the unit or person concerned', '请填写当事单位或个人');

  const draft = {
    kind: input.kind,
    target: input.target,
    facts: input.facts,
    basis: input.basis ?? null,
    amountYuan: input.amountYuan ?? null,
    priorOrderOverdue: input.priorOrderOverdue ?? false,
    recipientDepartmentId: blank(input.recipientDepartmentId) ? null : input.recipientDepartmentId!.trim(),
    largeImpact: input.largeImpact ?? false,
  };
  const check = validateEnforcementProposal(proposalOf(draft, { userId: actor.userId, role: actor.role }), rules);
  if (!check.ok) return check;

  const effects: Effect[] = [];
  const id = input.id ?? ctx.newId();
  let sealing: SealingPlan | null = null;
  if (input.kind === 'temporary_sealing') {
    if (!input.sealing) return fail('SEALING_PLAN_REQUIRED', 'A temporary sealing needs its plan', '临时查封须填写查封方案');
    const d = sealingDates(input.sealing);
    if (!d) return fail('INVALID_DATE', 'A sealing date is invalid', '查封日期无效');
    // Checked as if the decision were served now: an ordinary sealing cannot be planned to
    // start before its decision, and an emergency one must still be within its 24 hours.
    const s = checkSealing(
      { ...d, emergency: input.sealing.emergency, decisionServedAt: input.sealing.emergency ? null : ctx.now, now: ctx.now, hazardRemains: input.sealing.hazardRemains, extensionReason: input.sealing.extensionReason ?? null },
      ctx.calendar,
      limits,
    );
    if (!s.ok) return s;
    sealing = { ...input.sealing, inspectedAt: d.inspectedAt.toISOString(), sealedAt: d.sealedAt.toISOString(), plannedEnd: d.plannedEnd.toISOString() };
    const due = sealingDecisionDue(ctx.calendar, input.sealing.emergency ? d.sealedAt : d.inspectedAt, input.sealing.emergency, limits);
    effects.push({ type: 'deadline', entity: 'enforcement', entityId: id, kind: 'enforcement.sealing_decision', due: due.due.toISOString(), basis: due.basis });
  }
  const blacklistError = checkBlacklist(input.kind, input.blacklist, ctx.now);
  if (blacklistError) return refusal(blacklistError);

  const next: EnforcementActionState = {
    id,
    status: 'proposed',
    jurisdictionId: input.jurisdictionId,
    ...draft,
    facts: input.facts.trim(),
    subjectName: input.subjectName.trim(),
    venueId: input.venueId ?? null,
    hazardIds: [...(input.hazardIds ?? [])],
    citation: check.value.fine?.citation ?? null,
    sealing,
    finalAuthority: check.value.finalAuthority,
    collectiveRequired: check.value.collectiveDecision,
    referralPlan: check.value.referral,
    proposedBy: stamp(actor, ctx.now),
    referredToCollectiveBy: null,
    collective: null,
    decidedBy: null,
    decisionRef: null,
    servedBy: null,
    receiptRef: null,
    executedBy: null,
    outcome: null,
    evidenceRefs: [],
    closedBy: null,
    withdrawnBy: null,
    rejection: null,
    version: 1,
  };
  return {
    ok: true,
    next,
    effects: [
      auditEffect(enforcementActionLifecycle, id, 'create', null, 'proposed', ctx, {
        kind: input.kind,
        amountYuan: next.amountYuan,
        citation: next.citation,
        collectiveRequired: next.collectiveRequired,
      }),
      ...effects,
      { type: 'notify', to: { kind: 'role', role: 'fire_supervisor', jurisdictionId: input.jurisdictionId }, template: 'enforcement.proposed', entity: 'enforcement', entityId: id },
    ],
  };
}

export function transitionEnforcementAction(
  state: EnforcementActionState,
  command: EnforcementCommand,
  ctx: TransitionContext,
  options: EnforcementOptions = {},
): TransitionResult<EnforcementActionState> {
  const rules = options.rules ?? DEFAULT_ENFORCEMENT_RULES;
  const limits = options.limits ?? DEFAULT_TIME_LIMITS;
  const g = guard(enforcementActionLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const { actor } = ctx;
  const to = g.rule.to;
  const by = stamp(actor, ctx.now);
  const base = { ...state, status: to, version: state.version + 1 };
  const audit = (data?: Record<string, unknown>) => auditEffect(enforcementActionLifecycle, state.id, command.type, state.status, to, ctx, data);
  const def = rules.actions[state.kind];
  const toUnit = (template: string): Effect[] =>
    state.venueId === null ? [] : [{ type: 'notify', to: { kind: 'unit', venueId: state.venueId }, template, entity: 'enforcement', entityId: state.id }];
  const toRecipient = (template: string): Effect[] =>
    state.recipientDepartmentId === null
      ? []
      : [{ type: 'notify', to: { kind: 'department', departmentId: state.recipientDepartmentId }, template, entity: 'enforcement', entityId: state.id }];

  switch (command.type) {
    case 'refer_to_collective':
      return { ok: true, next: { ...base, referredToCollectiveBy: by }, effects: [audit({ required: state.collectiveRequired })] };

    case 'decide': {
      if (blank(command.decisionRef)) return fail('DECISION_REF_REQUIRED', 'Give the decision document reference', '请填写决定书文号');
      // Proposer ≠ decider for every kind: an on-the-spot order is hazard.order, not a case here.
      if (actor.userId === state.proposedBy.userId) {
        return fail('SAME_PERSON', 'The proposer may not decide their own proposal', '执法措施不得由提出人本人决定');
      }
      if (state.collectiveRequired !== null && state.status === 'proposed') {
        return fail('COLLECTIVE_REVIEW_REQUIRED', 'This measure must go to collective discussion first', '该执法措施应当先提交负责人集体讨论', {
          reason: state.collectiveRequired,
        });
      }
      const amountYuan = command.amountYuan ?? state.amountYuan;
      const decided = { ...state, amountYuan };
      const check = validateEnforcementProposal(
        {
          ...proposalOf(decided, { userId: state.proposedBy.userId, role: state.proposedBy.role }),
          decider: { userId: actor.userId, role: actor.role },
          ...(command.collectiveDecision ? { collectiveDecision: command.collectiveDecision } : {}),
        },
        rules,
      );
      if (!check.ok) return check;
      let collective: EnforcementActionState['collective'] = null;
      if (state.status === 'collective_review') {
        // Referred voluntarily or by law, the discussion must have happened and met its quorum.
        if (!command.collectiveDecision || command.collectiveDecision.kind !== 'collective') {
          return fail('COLLECTIVE_DECISION_REQUIRED', 'Record the collective discussion', '请记录负责人集体讨论情况');
        }
        const quorum = validateCollectiveDecision(command.collectiveDecision, rules.quorum);
        if (!quorum.ok) return quorum;
        collective = { decision: command.collectiveDecision, check: quorum.value };
      }
      const effects: Effect[] = [
        audit({ decisionRef: command.decisionRef.trim(), amountYuan, citation: check.value.fine?.citation ?? state.citation }),
        ...toUnit('enforcement.decided'),
      ];
      // Detention: the fire agency's decision is only to refer; the police station decides and executes.
      if (state.kind === 'detention_referral') effects.push(...toRecipient('enforcement.detention_referral'));
      else if (def.requiresRecipient) effects.push(...toRecipient(`enforcement.${state.kind}`));
      return {
        ok: true,
        next: { ...base, amountYuan, citation: check.value.fine?.citation ?? state.citation, decidedBy: by, decisionRef: command.decisionRef.trim(), collective },
        effects,
      };
    }

    case 'reject': {
      if (!def.decidedBy.includes(actor.role) && !(def.largeImpactDecidedBy ?? []).includes(actor.role)) {
        return fail('ROLE_CANNOT_DECIDE', `Role ${actor.role} may not decide ${state.kind}`, `当前角色无权决定“${def.label.zh}”`);
      }
      if (actor.userId === state.proposedBy.userId) return fail('SAME_PERSON', 'Withdraw your own proposal instead', '提出人请使用撤回');
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Give the reason for rejecting', '请填写不予批准的理由');
      return {
        ok: true,
        next: { ...base, rejection: { reason: command.reason.trim(), by } },
        effects: [audit({ reason: command.reason.trim() }), ...(state.sealing ? [cancelEffect(state.id, 'enforcement.sealing_decision')] : [])],
      };
    }

    case 'withdraw': {
      if (actor.userId !== state.proposedBy.userId) return fail('NOT_PROPOSER', 'Only the proposer may withdraw', '仅提出人可以撤回');
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Give the reason for withdrawing', '请填写撤回理由');
      return {
        ok: true,
        next: { ...base, withdrawnBy: by },
        effects: [audit({ reason: command.reason.trim() }), ...(state.sealing ? [cancelEffect(state.id, 'enforcement.sealing_decision')] : [])],
      };
    }

    case 'serve': {
      if (blank(command.receiptRef)) return fail('RECEIPT_REQUIRED', 'Attach the proof of service (送达回证)', '请上传送达回证');
      const effects: Effect[] = [];
      let sealing = state.sealing;
      if (sealing) {
        const d = sealingDates(sealing)!;
        // An ordinary sealing starts no earlier than its service.
        const sealedAt = sealing.emergency || d.sealedAt.getTime() >= ctx.now.getTime() ? d.sealedAt : ctx.now;
        const s = checkSealing(
          { ...d, sealedAt, emergency: sealing.emergency, decisionServedAt: ctx.now, now: ctx.now, hazardRemains: sealing.hazardRemains, extensionReason: sealing.extensionReason ?? null },
          ctx.calendar,
          limits,
        );
        if (!s.ok) return s;
        sealing = { ...sealing, sealedAt: sealedAt.toISOString() };
        const latest = sealingLatestEnd(ctx.calendar, sealedAt, limits);
        effects.push(cancelEffect(state.id, 'enforcement.sealing_decision'), {
          type: 'deadline',
          entity: 'enforcement',
          entityId: state.id,
          kind: 'enforcement.sealing_end',
          due: sealing.plannedEnd,
          basis: latest.basis,
        });
      }
      return {
        ok: true,
        next: { ...base, sealing, servedBy: by, receiptRef: command.receiptRef.trim() },
        effects: [audit({ receiptRef: command.receiptRef.trim() }), ...effects],
      };
    }

    case 'execute': {
      // Who records execution follows who has the last word: the police execute detention,
      // the licensing department revokes, public security takes criminal cases.
      if (state.finalAuthority === 'fire_agency' || state.finalAuthority === 'local_government') {
        if (actor.role === 'police_officer' && !def.decidedBy.includes('police_officer')) {
          return fail('NOT_EXECUTOR', 'This measure is executed by the fire agency', '该执法措施由消防救援机构执行');
        }
      } else {
        if (actor.departmentId === null || actor.departmentId !== state.recipientDepartmentId) {
          return fail('NOT_EXECUTOR', 'Only the receiving department records the execution', '仅接收部门可以记录执行结果', {
            finalAuthority: state.finalAuthority,
            recipientDepartmentId: state.recipientDepartmentId,
          });
        }
        if (state.finalAuthority === 'police_station' && actor.role !== 'police_officer') {
          return fail('POLICE_EXECUTES', 'Detention is decided and executed by the police', '行政拘留由公安机关决定并执行');
        }
      }
      if (blank(command.outcome)) return fail('OUTCOME_REQUIRED', 'Record the outcome', '请填写执行情况');
      const evidenceRefs = (command.evidenceRefs ?? []).map((e) => e.trim()).filter((e) => e !== '');
      return {
        ok: true,
        next: { ...base, executedBy: by, outcome: command.outcome.trim(), evidenceRefs },
        effects: [audit({ evidence: evidenceRefs.length }), ...toUnit('enforcement.executed')],
      };
    }

    case 'close':
      return {
        ok: true,
        next: { ...base, closedBy: by },
        effects: [audit({ note: command.note ?? null }), ...(state.sealing ? [cancelEffect(state.id, 'enforcement.sealing_end')] : [])],
      };
  }
}

function cancelEffect(entityId: string, kind: string): Effect {
  return { type: 'cancelDeadline', entity: 'enforcement', entityId, kind };
}

const REFERRAL_KIND_OF: Partial<Record<EnforcementActionKind, ReferralKind>> = {
  detention_referral: 'detention',
  license_revocation_request: 'license_revocation',
  criminal_referral: 'criminal',
};

/**
 * The referral the API opens once a referring measure is decided: detention goes to the
 * police station, revocation to the licensing department, criminal cases to public security.
 * Null for measures the fire agency executes itself, or before the decision.
 */
export function referralInputFromAction(state: EnforcementActionState): CreateReferralInput | null {
  const kind = REFERRAL_KIND_OF[state.kind];
  if (!kind || state.recipientDepartmentId === null || state.decidedBy === null) return null;
  return {
    jurisdictionId: state.jurisdictionId,
    kind,
    toDepartmentId: state.recipientDepartmentId,
    subject: { entity: 'enforcement', id: state.id },
    venueId: state.venueId,
    summary: `${state.subjectName}：${state.facts}`,
    legalBasis: state.referralPlan?.basis ?? state.citation,
  };
}
