import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { EntityKind, Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { DEFAULT_TIME_LIMITS, policeTransferDue, referralAckDue, referralReplyDue, type TimeLimitConfig } from '../calendar/time-limits';
import { auditEffect, defineLifecycle, guard } from './machine';

/**
 * 抄告/移送 between departments (管行业必须管安全). Bound to departments, not only
 * to jurisdictions: only the receiving department acts on it.
 */
export const REFERRAL_STATUSES = ['sent', 'acknowledged', 'handled', 'replied', 'returned'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_KINDS = [
  'notice', // 抄告: for the department's information and sector supervision
  'transfer', // 移送: the matter is the receiving department's to handle
  'police_transfer', // 派出所书面移交未依法审批场所（5个工作日内）
  'detention', // 移送公安机关行政拘留 (消防法 第六十二至六十四、六十八条)
  'license_revocation', // 提请发证部门吊销许可
  'criminal', // 涉嫌犯罪移送
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** Staff of any department may send and act on referrals; the department check does the binding. */
export const REFERRAL_STAFF_ROLES = ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'] as const satisfies readonly Role[];

export const referralLifecycle = defineLifecycle({
  name: 'REFERRAL',
  entity: 'referral',
  title: { zh: '抄告移送', en: 'Referral' },
  states: REFERRAL_STATUSES,
  initial: 'sent',
  terminal: ['replied', 'returned'],
  transitions: [
    // Receiving departments may sit outside the sender's jurisdiction subtree (a city bureau
    // answering a district fire brigade), so the department check replaces the scope check.
    { command: 'acknowledge', from: ['sent'], to: 'acknowledged', roles: REFERRAL_STAFF_ROLES, label: { zh: '签收', en: 'Acknowledge' }, scoped: false },
    { command: 'handle', from: ['acknowledged'], to: 'handled', roles: REFERRAL_STAFF_ROLES, label: { zh: '办理', en: 'Handle' }, scoped: false },
    { command: 'reply', from: ['handled'], to: 'replied', roles: REFERRAL_STAFF_ROLES, label: { zh: '反馈办理结果', en: 'Reply' }, scoped: false },
    { command: 'return', from: ['sent', 'acknowledged'], to: 'returned', roles: REFERRAL_STAFF_ROLES, label: { zh: '退回（非本部门职责）', en: 'Return as misdirected' }, scoped: false },
  ],
});

export interface ReferralSubject {
  readonly entity: EntityKind;
  readonly id: string;
}

export interface ReferralState {
  readonly id: string;
  readonly status: ReferralStatus;
  /** Where the matter is (the sender's scope). */
  readonly jurisdictionId: string;
  readonly kind: ReferralKind;
  readonly fromDepartmentId: string;
  readonly toDepartmentId: string;
  readonly subject: ReferralSubject | null;
  readonly venueId: string | null;
  readonly summary: string;
  readonly legalBasis: string | null;
  readonly sentBy: ActorStamp;
  /** For police transfers: when the unapproved venue was found. */
  readonly foundAt: string | null;
  /** Police transfer sent after its 5-working-day limit. */
  readonly sentLate: boolean;
  readonly ackDue: string;
  readonly replyDue: string | null;
  readonly acknowledgedBy: ActorStamp | null;
  readonly handledBy: ActorStamp | null;
  readonly handling: { readonly outcome: string; readonly measures: readonly string[] } | null;
  readonly repliedBy: ActorStamp | null;
  readonly reply: string | null;
  readonly returnedBy: ActorStamp | null;
  readonly returnReason: string | null;
  /** The department the receiver says should have it (on return). */
  readonly suggestedDepartmentId: string | null;
  readonly version: number;
}

export interface CreateReferralInput {
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly kind: ReferralKind;
  readonly toDepartmentId: string;
  readonly subject?: ReferralSubject | null;
  readonly venueId?: string | null;
  readonly summary: string;
  readonly legalBasis?: string | null;
  /** Required for police transfers: the day the unapproved venue was found. */
  readonly foundAt?: string;
}

export type ReferralCommand =
  | { readonly type: 'acknowledge' }
  | { readonly type: 'handle'; readonly outcome: string; readonly measures?: readonly string[] }
  | { readonly type: 'reply'; readonly text: string }
  | { readonly type: 'return'; readonly reason: string; readonly suggestedDepartmentId?: string | null };

export type ReferralCommandType = ReferralCommand['type'];

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`REFERRAL.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

export function createReferral(
  input: CreateReferralInput,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<ReferralState> {
  const { actor } = ctx;
  if (!(REFERRAL_STAFF_ROLES as readonly Role[]).includes(actor.role)) {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not send referrals`, '当前角色无权抄告移送', { role: actor.role });
  }
  if (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId)) {
    return fail('OUT_OF_SCOPE', 'Subject is outside the actor’s jurisdiction', '该事项不在您的辖区范围内');
  }
  if (actor.departmentId === null) return fail('NO_DEPARTMENT', 'Referrals are sent on behalf of a department', '抄告移送须以所在部门名义发出');
  if (!REFERRAL_KINDS.includes(input.kind)) return fail('INVALID_KIND', `Unknown referral kind ${String(input.kind)}`, '抄告移送类型无效');
  if (blank(input.toDepartmentId)) return fail('DEPARTMENT_REQUIRED', 'Choose the receiving department', '请选择接收部门');
  if (input.toDepartmentId === actor.departmentId) return fail('SAME_DEPARTMENT', 'A department does not refer to itself', '不能抄告移送本部门');
  if (blank(input.summary)) return fail('SUMMARY_REQUIRED', 'Describe the matter referred', '请填写抄告移送事项');
  if (input.kind === 'police_transfer' && actor.role !== 'police_officer') {
    return fail('KIND_ROLE_MISMATCH', 'Only a police station transfers unapproved venues', '仅公安派出所可移交未依法审批场所');
  }
  // Detention is the police's to decide; the fire agency only refers (消防法 第六十二至六十四、六十八条).
  if (input.kind === 'detention' && actor.role !== 'inspector' && actor.role !== 'fire_supervisor') {
    return fail('KIND_ROLE_MISMATCH', 'Only the fire agency refers cases for detention', '仅消防救援机构可移送公安机关予以拘留');
  }
  let foundAt: Date | null = null;
  let sentLate = false;
  if (input.kind === 'police_transfer') {
    if (input.foundAt === undefined) return fail('FOUND_AT_REQUIRED', 'Give the date the venue was found', '请填写发现该场所的时间');
    foundAt = new Date(input.foundAt);
    if (Number.isNaN(foundAt.getTime()) || foundAt.getTime() > ctx.now.getTime()) {
      return fail('INVALID_DATE', 'foundAt must be a past instant', '发现时间无效');
    }
    // A late transfer is still sent (refusing it would lose the matter); the lateness is recorded.
    sentLate = ctx.now.getTime() > policeTransferDue(ctx.calendar, foundAt, limits).due.getTime();
  }

  const id = input.id ?? ctx.newId();
  const ack = referralAckDue(ctx.calendar, ctx.now, limits);
  const next: ReferralState = {
    id,
    status: 'sent',
    jurisdictionId: input.jurisdictionId,
    kind: input.kind,
    fromDepartmentId: actor.departmentId,
    toDepartmentId: input.toDepartmentId,
    subject: input.subject ?? null,
    venueId: input.venueId ?? null,
    summary: input.summary.trim(),
    legalBasis: blank(input.legalBasis) ? null : input.legalBasis!.trim(),
    sentBy: stamp(actor, ctx.now),
    foundAt: foundAt?.toISOString() ?? null,
    sentLate,
    ackDue: ack.due.toISOString(),
    replyDue: null,
    acknowledgedBy: null,
    handledBy: null,
    handling: null,
    repliedBy: null,
    reply: null,
    returnedBy: null,
    returnReason: null,
    suggestedDepartmentId: null,
    version: 1,
  };
  return {
    ok: true,
    next,
    effects: [
      auditEffect(referralLifecycle, id, 'create', null, 'sent', ctx, { kind: input.kind, to: input.toDepartmentId, sentLate }),
      { type: 'deadline', entity: 'referral', entityId: id, kind: 'referral.ack', due: next.ackDue, basis: ack.basis },
      { type: 'notify', to: { kind: 'department', departmentId: input.toDepartmentId }, template: `referral.sent.${input.kind}`, entity: 'referral', entityId: id },
    ],
  };
}

export function transitionReferral(
  state: ReferralState,
  command: ReferralCommand,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<ReferralState> {
  const g = guard(referralLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  if (ctx.actor.departmentId !== state.toDepartmentId) {
    return fail('WRONG_DEPARTMENT', 'Only the receiving department may act on this referral', '仅接收部门可以办理该抄告移送事项', {
      toDepartmentId: state.toDepartmentId,
    });
  }
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const base = { ...state, status: to, version: state.version + 1 };
  const audit = (data?: Record<string, unknown>) => auditEffect(referralLifecycle, state.id, command.type, state.status, to, ctx, data);
  const cancel = (kind: string): Effect => ({ type: 'cancelDeadline', entity: 'referral', entityId: state.id, kind });
  const toSender = (template: string): Effect => ({
    type: 'notify',
    to: { kind: 'department', departmentId: state.fromDepartmentId },
    template,
    entity: 'referral',
    entityId: state.id,
  });
  const isLate = (due: string | null) => due !== null && ctx.now.getTime() > Date.parse(due);

  switch (command.type) {
    case 'acknowledge': {
      const reply = referralReplyDue(ctx.calendar, ctx.now, limits);
      return {
        ok: true,
        next: { ...base, acknowledgedBy: by, replyDue: reply.due.toISOString() },
        effects: [
          audit({ late: isLate(state.ackDue) }),
          cancel('referral.ack'),
          { type: 'deadline', entity: 'referral', entityId: state.id, kind: 'referral.reply', due: reply.due.toISOString(), basis: reply.basis },
          toSender('referral.acknowledged'),
        ],
      };
    }

    case 'handle': {
      if (blank(command.outcome)) return fail('OUTCOME_REQUIRED', 'Record what was done', '请填写办理情况');
      const measures = (command.measures ?? []).map((m) => m.trim()).filter((m) => m !== '');
      return { ok: true, next: { ...base, handledBy: by, handling: { outcome: command.outcome.trim(), measures } }, effects: [audit({ measures: measures.length })] };
    }

    case 'reply': {
      if (blank(command.text)) return fail('REPLY_REQUIRED', 'The reply is empty', '反馈内容不能为空');
      return {
        ok: true,
        next: { ...base, repliedBy: by, reply: command.text.trim() },
        effects: [audit({ late: isLate(state.replyDue) }), cancel('referral.reply'), toSender('referral.replied')],
      };
    }

    case 'return': {
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Say why the referral is misdirected', '请说明退回理由');
      const suggested = blank(command.suggestedDepartmentId) ? null : command.suggestedDepartmentId!.trim();
      if (suggested === state.toDepartmentId) return fail('SAME_DEPARTMENT', 'Suggest a different department', '建议的接收部门不能是本部门');
      return {
        ok: true,
        next: { ...base, returnedBy: by, returnReason: command.reason.trim(), suggestedDepartmentId: suggested },
        effects: [
          audit({ suggestedDepartmentId: suggested }),
          cancel(state.status === 'sent' ? 'referral.ack' : 'referral.reply'),
          toSender('referral.returned'),
        ],
      };
    }
  }
}
