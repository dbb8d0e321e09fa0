import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import type { Capability } from '../org/capabilities';
import {
  DEFAULT_TIME_LIMITS,
  correctionNoticeDue,
  majorHazardNoticeDue,
  reinspectionDue,
  type TimeLimitConfig,
} from '../calendar/time-limits';
import { endOfChinaDay, parseYmd } from '../calendar/china-date';
import { auditEffect, defineLifecycle, guard, type TransitionRule } from './machine';

/**
 * 隐患: one ledger line, closed one by one (整改一个、销号一个). Each step records a
 * named person: 谁检查谁负责、谁验收谁负责、谁销号谁负责.
 */
export const HAZARD_STATUSES = [
  'found',
  'confirmed',
  'ordered',
  'overdue',
  'remediation_submitted',
  'verified',
  'closed',
  'dismissed',
] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_SOURCES = ['report', 'inspection', 'self_inspection', 'grid_patrol', 'expert', 'referral'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/** Who may put a hazard on the ledger, per source (a unit only through its own self-inspection). */
export const HAZARD_SOURCE_ROLES: Readonly<Record<HazardSource, readonly Role[]>> = {
  report: ['inspector', 'fire_supervisor', 'police_officer'],
  inspection: ['inspector', 'fire_supervisor', 'police_officer'],
  self_inspection: ['unit', 'inspector', 'police_officer'],
  grid_patrol: ['grid_worker', 'inspector'],
  expert: ['expert', 'inspector'],
  referral: ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer'],
};

/** Sources that must point at the record they came from. */
const SOURCES_NEEDING_REF: readonly HazardSource[] = ['report', 'inspection', 'referral'];

/** Roles that inspect and therefore may sign a re-inspection (police stations inspect 九小 venues). */
export const INSPECTING_ROLES = ['inspector', 'police_officer'] as const satisfies readonly Role[];
const ORDERING_ROLES = ['inspector', 'police_officer', 'fire_supervisor'] as const satisfies readonly Role[];
/** Statuses in which a GB 35181 determination may be recorded on the hazard. */
const OPEN_STATUSES = ['found', 'confirmed', 'ordered', 'overdue', 'remediation_submitted', 'verified'] as const satisfies readonly HazardStatus[];
/** Notices may still be served after the deadline has lapsed. */
const NOTICE_STATUSES = ['ordered', 'overdue'] as const satisfies readonly HazardStatus[];

type HazardCommandName =
  | 'confirm'
  | 'dismiss'
  | 'order'
  | 'serve_notice'
  | 'submit_remediation'
  | 'escalate'
  | 'reinspect_pass'
  | 'reinspect_fail'
  | 'close'
  | 'mark_major';

/** A command that leaves the status unchanged needs one rule per status (a rule has one target). */
function selfLoops<S extends HazardStatus>(
  command: HazardCommandName,
  statuses: readonly S[],
  roles: readonly Role[],
  label: { zh: string; en: string },
): TransitionRule<HazardStatus, HazardCommandName>[] {
  return statuses.map((s) => ({ command, from: [s], to: s, roles, label, scoped: true }));
}

export const hazardLifecycle = defineLifecycle<HazardStatus, HazardCommandName>({
  name: 'HAZARD',
  entity: 'hazard',
  title: { zh: '火灾隐患', en: 'Hazard' },
  states: HAZARD_STATUSES,
  initial: 'found',
  terminal: ['closed', 'dismissed'],
  transitions: [
    { command: 'confirm', from: ['found'], to: 'confirmed', roles: ORDERING_ROLES, label: { zh: '确认隐患', en: 'Confirm' }, scoped: true },
    {
      command: 'dismiss',
      from: ['found', 'confirmed'],
      to: 'dismissed',
      roles: ['inspector', 'fire_supervisor'],
      label: { zh: '不构成隐患', en: 'Dismiss' },
      scoped: true,
    },
    { command: 'order', from: ['confirmed'], to: 'ordered', roles: ORDERING_ROLES, label: { zh: '责令改正', en: 'Order correction' }, scoped: true },
    ...selfLoops('serve_notice', NOTICE_STATUSES, ORDERING_ROLES, { zh: '送达整改通知书', en: 'Serve notice' }),
    {
      command: 'submit_remediation',
      from: ['ordered', 'overdue'],
      to: 'remediation_submitted',
      roles: ['unit', ...INSPECTING_ROLES],
      label: { zh: '提交整改材料', en: 'Submit remediation' },
      scoped: true,
    },
    {
      command: 'escalate',
      from: ['ordered'],
      to: 'overdue',
      // 'system': the deadline job escalates a lapsed correction with no one touching it.
      roles: ['inspector', 'fire_supervisor', 'system'],
      label: { zh: '逾期督办', en: 'Escalate overdue' },
      scoped: true,
    },
    {
      command: 'reinspect_pass',
      from: ['remediation_submitted'],
      to: 'verified',
      roles: INSPECTING_ROLES,
      label: { zh: '复查合格（验收）', en: 'Re-inspection passed' },
      scoped: true,
    },
    {
      command: 'reinspect_fail',
      from: ['remediation_submitted', 'overdue'],
      to: 'ordered',
      roles: INSPECTING_ROLES,
      label: { zh: '复查不合格', en: 'Re-inspection failed' },
      scoped: true,
    },
    { command: 'close', from: ['verified'], to: 'closed', roles: ['fire_supervisor'], label: { zh: '销号', en: 'Close' }, scoped: true },
    ...selfLoops('mark_major', OPEN_STATUSES, ['fire_supervisor', 'expert'], { zh: '记录重大火灾隐患判定', en: 'Record major-hazard determination' }),
  ],
});

/**
 * The capability that gates each staff hazard command at the API. Its roles are exactly the roles
 * of the command's transitions above (a test holds them equal), so a role the gate lets through is
 * never refused by the lifecycle, and the reverse. submit_remediation is the unit's door; mark_major
 * is recorded by the major-hazard determination.
 */
export const HAZARD_COMMAND_CAPABILITY = {
  confirm: 'hazard.confirm',
  dismiss: 'hazard.dismiss',
  order: 'hazard.order',
  serve_notice: 'hazard.order',
  escalate: 'hazard.escalate',
  reinspect_pass: 'hazard.reinspect',
  reinspect_fail: 'hazard.reinspect',
  close: 'hazard.close',
} as const satisfies Partial<Record<HazardCommandName, Capability>>;

export interface CorrectionOrder {
  readonly mode: 'immediate' | 'deadline';
  /** Correction deadline (for 'immediate', the moment of the order). */
  readonly due: string;
  readonly noticeRef: string | null;
  /** When the written notice must be served; null when none is owed. */
  readonly noticeDue: string | null;
  readonly noticeServedAt: string | null;
  readonly by: ActorStamp;
}

export interface Remediation {
  readonly by: ActorStamp;
  /** Staff uploaded it for the unit. */
  readonly onBehalf: boolean;
  readonly evidenceRefs: readonly string[];
  readonly note: string;
  readonly at: string;
  /** The hazard version this submission produced: orders the ledger even if clocks disagree. */
  readonly version: number;
}

export interface Reinspection {
  readonly signer: ActorStamp;
  readonly result: 'pass' | 'fail';
  readonly signatureRef: string;
  readonly note: string;
  readonly inspectionId: string | null;
  readonly at: string;
  readonly version: number;
}

export interface MajorHazardMark {
  /** The GB 35181 determination (src/gb35181) that decided it. */
  readonly determinationId: string;
  readonly markedBy: ActorStamp;
}

export interface HazardState {
  readonly id: string;
  readonly status: HazardStatus;
  readonly jurisdictionId: string;
  readonly venueId: string | null;
  readonly source: HazardSource;
  readonly sourceRef: string | null;
  readonly riskCategory: string;
  readonly checkItemId: string | null;
  readonly description: string;
  readonly photoRefs: readonly string[];
  /** When the hazard was found (the inspection date for notice deadlines). */
  readonly foundAt: string;
  readonly foundBy: ActorStamp;
  readonly confirmedBy: ActorStamp | null;
  readonly dismissal: { readonly reason: string; readonly by: ActorStamp } | null;
  /** Who issued the order currently in force. */
  readonly orderedBy: ActorStamp | null;
  /** Every order, oldest first, including those renewed by failed re-inspections. */
  readonly orders: readonly CorrectionOrder[];
  readonly correctionDue: string | null;
  readonly reinspectionDue: string | null;
  readonly remediations: readonly Remediation[];
  readonly reinspections: readonly Reinspection[];
  readonly escalations: readonly ActorStamp[];
  /** 验收: the signer of the passing re-inspection. */
  readonly acceptedBy: ActorStamp | null;
  /** 销号. */
  readonly closedBy: ActorStamp | null;
  readonly major: MajorHazardMark | null;
  readonly version: number;
}

export interface CreateHazardInput {
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly venueId: string | null;
  readonly source: HazardSource;
  readonly sourceRef: string | null;
  readonly riskCategory: string;
  readonly checkItemId?: string | null;
  readonly description: string;
  readonly photoRefs?: readonly string[];
  /** Defaults to ctx.now; an inspection's findings carry the inspection time. */
  readonly foundAt?: string;
}

/** 'immediate' = 当场改正; otherwise a China-local calendar date (YYYY-MM-DD), due at its end. */
export type CorrectionTerm = { readonly mode: 'immediate' } | { readonly mode: 'deadline'; readonly dueDate: string };

export type HazardCommand =
  | { readonly type: 'confirm'; readonly note?: string }
  | { readonly type: 'dismiss'; readonly reason: string }
  | {
      readonly type: 'order';
      readonly correction: CorrectionTerm;
      /** Reference of the served notice (责令改正通知书); omit when it is served later. */
      readonly noticeRef?: string | null;
    }
  | { readonly type: 'serve_notice'; readonly noticeRef: string }
  | { readonly type: 'submit_remediation'; readonly evidenceRefs: readonly string[]; readonly note?: string }
  | { readonly type: 'escalate'; readonly note?: string }
  | { readonly type: 'reinspect_pass'; readonly signatureRef: string; readonly note?: string; readonly inspectionId?: string | null }
  | {
      readonly type: 'reinspect_fail';
      readonly signatureRef: string;
      readonly note: string;
      /** The renewed correction deadline (YYYY-MM-DD). */
      readonly newDueDate: string;
      readonly inspectionId?: string | null;
    }
  | { readonly type: 'close'; readonly note?: string }
  | { readonly type: 'mark_major'; readonly determinationId: string; readonly decided: boolean; readonly withExperts?: boolean };

export type HazardCommandType = HazardCommand['type'];

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`HAZARD.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

/** End (23:59:59.999 China time) of a China-local 'YYYY-MM-DD' date, or null when it is not a real date. */
function endOfChinaDate(text: string): Date | null {
  const day = parseYmd(text);
  return day === null ? null : endOfChinaDay(day);
}

function futureDeadline(text: string, ctx: TransitionContext): { ok: true; due: Date } | ReturnType<typeof fail> {
  const due = endOfChinaDate(text);
  if (due === null) return fail('INVALID_DATE', `${text} is not a date (YYYY-MM-DD)`, '整改期限日期无效', { date: text });
  if (due.getTime() <= ctx.now.getTime()) return fail('DEADLINE_IN_PAST', 'The correction deadline has already passed', '整改期限不能早于当前时间');
  return { ok: true, due };
}

/**
 * The invariant the ledger exists for: the latest re-inspection passed, was signed by a
 * named person in an inspecting role, and came after the latest remediation submission.
 */
export function passingReinspection(state: Pick<HazardState, 'reinspections' | 'remediations'>): Reinspection | null {
  const last = state.reinspections.at(-1);
  const lastRemediation = state.remediations.at(-1);
  if (!last || last.result !== 'pass' || !lastRemediation) return null;
  if (blank(last.signer.name) || blank(last.signatureRef)) return null;
  if (!(INSPECTING_ROLES as readonly Role[]).includes(last.signer.role)) return null;
  if (last.version <= lastRemediation.version) return null;
  return last;
}

export function createHazard(input: CreateHazardInput, ctx: TransitionContext): TransitionResult<HazardState> {
  const { actor } = ctx;
  if (!HAZARD_SOURCES.includes(input.source)) return fail('INVALID_SOURCE', `Unknown source ${String(input.source)}`, '隐患来源无效');
  if (!HAZARD_SOURCE_ROLES[input.source].includes(actor.role)) {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not record ${input.source} hazards`, '当前角色无权登记该来源的隐患', {
      role: actor.role,
      source: input.source,
    });
  }
  if (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId)) {
    return fail('OUT_OF_SCOPE', 'Subject is outside the actor’s jurisdiction', '该事项不在您的辖区范围内');
  }
  if (SOURCES_NEEDING_REF.includes(input.source) && blank(input.sourceRef)) {
    return fail('SOURCE_REF_REQUIRED', `A ${input.source} hazard must link its ${input.source}`, '须关联隐患来源记录（举报、检查或移送）');
  }
  if (blank(input.riskCategory)) return fail('RISK_CATEGORY_REQUIRED', 'Choose a risk category', '请选择风险类别');
  if (blank(input.description)) return fail('DESCRIPTION_REQUIRED', 'Describe the hazard', '请描述隐患情况');
  const foundAt = input.foundAt === undefined ? ctx.now : new Date(input.foundAt);
  if (Number.isNaN(foundAt.getTime())) return fail('INVALID_DATE', 'foundAt is not a valid instant', '发现时间无效');
  if (foundAt.getTime() > ctx.now.getTime()) return fail('FOUND_IN_FUTURE', 'foundAt is in the future', '发现时间不能晚于当前时间');

  const id = input.id ?? ctx.newId();
  const next: HazardState = {
    id,
    status: 'found',
    jurisdictionId: input.jurisdictionId,
    venueId: input.venueId,
    source: input.source,
    sourceRef: blank(input.sourceRef) ? null : input.sourceRef!.trim(),
    riskCategory: input.riskCategory,
    checkItemId: input.checkItemId ?? null,
    description: input.description.trim(),
    photoRefs: [...(input.photoRefs ?? [])],
    foundAt: foundAt.toISOString(),
    foundBy: stamp(actor, ctx.now),
    confirmedBy: null,
    dismissal: null,
    orderedBy: null,
    orders: [],
    correctionDue: null,
    reinspectionDue: null,
    remediations: [],
    reinspections: [],
    escalations: [],
    acceptedBy: null,
    closedBy: null,
    major: null,
    version: 1,
  };
  return {
    ok: true,
    next,
    effects: [
      auditEffect(hazardLifecycle, id, 'create', null, 'found', ctx, { source: input.source, sourceRef: next.sourceRef }),
      { type: 'notify', to: { kind: 'role', role: 'inspector', jurisdictionId: input.jurisdictionId }, template: 'hazard.found', entity: 'hazard', entityId: id },
    ],
  };
}

export function transitionHazard(
  state: HazardState,
  command: HazardCommand,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<HazardState> {
  const g = guard(hazardLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const now = ctx.now.toISOString();
  const id = state.id;
  const base = { ...state, status: to, version: state.version + 1 };
  const audit = (data?: Record<string, unknown>) => auditEffect(hazardLifecycle, id, command.type, state.status, to, ctx, data);
  const deadline = (kind: string, due: Date, basis: string): Effect => ({ type: 'deadline', entity: 'hazard', entityId: id, kind, due: due.toISOString(), basis });
  const cancel = (kind: string): Effect => ({ type: 'cancelDeadline', entity: 'hazard', entityId: id, kind });
  const notifyUnit = (template: string): Effect[] =>
    state.venueId === null ? [] : [{ type: 'notify', to: { kind: 'unit', venueId: state.venueId }, template, entity: 'hazard', entityId: id }];
  const notifyRole = (role: Role, template: string): Effect => ({
    type: 'notify',
    to: { kind: 'role', role, jurisdictionId: state.jurisdictionId },
    template,
    entity: 'hazard',
    entityId: id,
  });

  switch (command.type) {
    case 'confirm':
      return { ok: true, next: { ...base, confirmedBy: by }, effects: [audit(blank(command.note) ? undefined : { note: command.note })] };

    case 'dismiss': {
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Record why this is not a hazard', '请填写不构成隐患的理由');
      return { ok: true, next: { ...base, dismissal: { reason: command.reason.trim(), by } }, effects: [audit({ reason: command.reason.trim() })] };
    }

    case 'order': {
      let due: Date;
      let noticeDue: Date | null = null;
      const noticeRef = blank(command.noticeRef) ? null : command.noticeRef!.trim();
      const effects: Effect[] = [];
      if (command.correction.mode === 'immediate') {
        // 当场改正 is recorded on the spot; no separate written notice is owed.
        due = ctx.now;
      } else {
        const d = futureDeadline(command.correction.dueDate, ctx);
        if (!d.ok) return d;
        due = d.due;
        if (noticeRef === null) {
          const n = correctionNoticeDue(ctx.calendar, new Date(state.foundAt), limits);
          noticeDue = n.due;
          effects.push(deadline('hazard.correction_notice', n.due, n.basis));
        }
      }
      const re = reinspectionDue(ctx.calendar, due, limits);
      const order: CorrectionOrder = {
        mode: command.correction.mode,
        due: due.toISOString(),
        noticeRef,
        noticeDue: noticeDue?.toISOString() ?? null,
        noticeServedAt: noticeRef === null ? null : now,
        by,
      };
      return {
        ok: true,
        next: { ...base, orderedBy: by, orders: [...state.orders, order], correctionDue: order.due, reinspectionDue: re.due.toISOString() },
        effects: [
          audit({ mode: order.mode, due: order.due, noticeRef }),
          deadline('hazard.correction', due, '责令限期改正通知书'),
          ...effects,
          deadline('hazard.reinspection', re.due, re.basis),
          ...notifyUnit('hazard.ordered'),
        ],
      };
    }

    case 'serve_notice': {
      const current = state.orders.at(-1);
      if (blank(command.noticeRef)) return fail('NOTICE_REF_REQUIRED', 'Give the notice reference', '请填写整改通知书文号');
      if (!current || current.noticeServedAt !== null || current.noticeDue === null) {
        return fail('NOTICE_NOT_OWED', 'No written notice is outstanding for this order', '当前整改要求无待送达的通知书');
      }
      const late = ctx.now.getTime() > Date.parse(current.noticeDue);
      const served: CorrectionOrder = { ...current, noticeRef: command.noticeRef.trim(), noticeServedAt: now };
      return {
        ok: true,
        next: { ...base, orders: [...state.orders.slice(0, -1), served] },
        effects: [audit({ noticeRef: served.noticeRef, late }), cancel('hazard.correction_notice'), ...notifyUnit('hazard.notice_served')],
      };
    }

    case 'submit_remediation': {
      const evidenceRefs = command.evidenceRefs.map((e) => e.trim()).filter((e) => e !== '');
      if (evidenceRefs.length === 0) return fail('EVIDENCE_REQUIRED', 'Upload evidence of the remediation', '请上传整改佐证材料');
      const remediation: Remediation = { by, onBehalf: ctx.actor.role !== 'unit', evidenceRefs, note: command.note?.trim() ?? '', at: now, version: base.version };
      // The re-inspection is owed 3 working days after the deadline or the unit's application, whichever is first.
      const fromApplication = reinspectionDue(ctx.calendar, ctx.now, limits);
      const earlier = state.reinspectionDue === null || fromApplication.due.getTime() < Date.parse(state.reinspectionDue);
      const effects: Effect[] = [audit({ evidence: evidenceRefs.length, onBehalf: remediation.onBehalf })];
      if (state.status === 'ordered') effects.push(cancel('hazard.correction'));
      if (earlier) effects.push(cancel('hazard.reinspection'), deadline('hazard.reinspection', fromApplication.due, fromApplication.basis));
      effects.push(notifyRole('inspector', 'hazard.remediation_submitted'));
      return {
        ok: true,
        next: {
          ...base,
          remediations: [...state.remediations, remediation],
          reinspectionDue: earlier ? fromApplication.due.toISOString() : state.reinspectionDue,
        },
        effects,
      };
    }

    case 'escalate': {
      if (state.correctionDue === null || ctx.now.getTime() <= Date.parse(state.correctionDue)) {
        return fail('DEADLINE_NOT_PASSED', 'The correction deadline has not passed yet', '整改期限尚未届满，不能逾期督办', { due: state.correctionDue });
      }
      return {
        ok: true,
        next: { ...base, escalations: [...state.escalations, by] },
        effects: [
          audit({ due: state.correctionDue, note: command.note ?? null }),
          cancel('hazard.correction'),
          notifyRole('fire_supervisor', 'hazard.overdue'),
          ...notifyUnit('hazard.overdue'),
        ],
      };
    }

    case 'reinspect_pass':
    case 'reinspect_fail': {
      if (blank(ctx.actor.name)) return fail('SIGNER_UNNAMED', 'A re-inspection is signed by a named person', '复查须由具名人员签字');
      if (blank(command.signatureRef)) return fail('SIGNATURE_REQUIRED', 'The re-inspection record must be signed', '复查记录须签名');
      const record = (result: 'pass' | 'fail'): Reinspection => ({
        signer: by,
        result,
        signatureRef: command.signatureRef.trim(),
        note: command.note?.trim() ?? '',
        inspectionId: command.inspectionId ?? null,
        at: now,
        version: base.version,
      });
      if (command.type === 'reinspect_pass') {
        return {
          ok: true,
          next: { ...base, reinspections: [...state.reinspections, record('pass')], acceptedBy: by, reinspectionDue: null },
          effects: [audit({ result: 'pass' }), cancel('hazard.reinspection'), notifyRole('fire_supervisor', 'hazard.verified')],
        };
      }
      if (blank(command.note)) return fail('FINDINGS_REQUIRED', 'Record what is still wrong', '请填写复查不合格的情况');
      const d = futureDeadline(command.newDueDate, ctx);
      if (!d.ok) return d;
      const re = reinspectionDue(ctx.calendar, d.due, limits);
      const order: CorrectionOrder = { mode: 'deadline', due: d.due.toISOString(), noticeRef: null, noticeDue: null, noticeServedAt: null, by };
      return {
        ok: true,
        next: {
          ...base,
          reinspections: [...state.reinspections, record('fail')],
          orderedBy: by,
          orders: [...state.orders, order],
          correctionDue: order.due,
          reinspectionDue: re.due.toISOString(),
        },
        effects: [
          audit({ result: 'fail', newDue: order.due }),
          cancel('hazard.reinspection'),
          deadline('hazard.correction', d.due, '复查意见书（重新限期改正）'),
          deadline('hazard.reinspection', re.due, re.basis),
          ...notifyUnit('hazard.reinspection_failed'),
        ],
      };
    }

    case 'close': {
      const pass = passingReinspection(state);
      if (pass === null) {
        return fail('NO_PASSING_REINSPECTION', 'Closing needs a passing, signed re-inspection after the last remediation', '销号须有整改后经签字确认的复查合格记录');
      }
      // Decision: the closer must not be the re-inspection signer. 验收 and 销号 are two
      // accountable acts (谁验收谁负责、谁销号谁负责); one person doing both would make the
      // closure an unchecked self-approval.
      if (pass.signer.userId === ctx.actor.userId) {
        return fail('CLOSER_IS_SIGNER', 'The person who signed the re-inspection may not also close the hazard', '复查验收人不得同时办理销号');
      }
      return {
        ok: true,
        next: { ...base, closedBy: by },
        effects: [audit({ acceptedBy: pass.signer.userId, note: command.note ?? null }), ...notifyUnit('hazard.closed')],
      };
    }

    case 'mark_major': {
      if (blank(command.determinationId)) return fail('DETERMINATION_REQUIRED', 'Give the GB 35181 determination', '请关联重大火灾隐患判定记录');
      const determinationId = command.determinationId.trim();
      if (!command.decided) {
        return {
          ok: true,
          next: { ...base, major: null },
          effects: [audit({ determinationId, decided: false }), ...(state.major ? [cancel('hazard.major_notice')] : [])],
        };
      }
      if (state.major?.determinationId === determinationId) {
        return fail('ALREADY_MAJOR', 'This determination is already recorded', '该重大火灾隐患判定已记录');
      }
      const notice = majorHazardNoticeDue(ctx.calendar, ctx.now, command.withExperts ?? false, limits);
      return {
        ok: true,
        next: { ...base, major: { determinationId, markedBy: by } },
        effects: [
          audit({ determinationId, decided: true }),
          deadline('hazard.major_notice', notice.due, notice.basis),
          notifyRole('committee_officer', 'hazard.major'),
          ...notifyUnit('hazard.major'),
        ],
      };
    }
  }
}
