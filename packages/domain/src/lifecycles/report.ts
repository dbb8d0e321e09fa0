import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { DEFAULT_TIME_LIMITS, URGENT_RISK_CATEGORIES, reportVerificationDue, reporterReplyDue, type TimeLimitConfig } from '../calendar/time-limits';
import { auditEffect, defineLifecycle, guard } from './machine';

/** 举报: from submission to the reply the reporter reads through the receipt. */
export const REPORT_STATUSES = ['submitted', 'accepted', 'rejected', 'verifying', 'substantiated', 'unfounded', 'replied'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_CHANNELS = ['web', 'open311', 'hotline', 'whistleblower', 'grid'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const REPORT_REJECT_REASONS = ['out_of_scope', 'insufficient', 'duplicate'] as const;
export type ReportRejectReason = (typeof REPORT_REJECT_REASONS)[number];

const TRIAGE_ROLES = ['inspector', 'fire_supervisor', 'police_officer'] as const satisfies readonly Role[];
/** Who may be assigned to verify: inspectors, and police officers for 九小 venues. */
export const REPORT_VERIFIER_ROLES = ['inspector', 'police_officer'] as const satisfies readonly Role[];

/**
 * Which channel each filing role may use. Staff file only hotline calls they took;
 * a grid worker files from patrol; the whistleblower app is its own channel.
 */
export const REPORT_FILING_CHANNELS: Readonly<Partial<Record<Role, readonly ReportChannel[]>>> = {
  public: ['web', 'open311'],
  whistleblower: ['whistleblower'],
  grid_worker: ['grid'],
  inspector: ['hotline'],
  fire_supervisor: ['hotline'],
  police_officer: ['hotline'],
};

/** Every non-terminal status: notes stop once the report is closed. */
const NOTE_STATUSES = ['submitted', 'accepted', 'verifying', 'substantiated', 'unfounded'] as const satisfies readonly ReportStatus[];

export const REPORT_NOTE_VISIBILITIES = ['internal', 'public'] as const;
export type ReportNoteVisibility = (typeof REPORT_NOTE_VISIBILITIES)[number];

export const reportLifecycle = defineLifecycle({
  name: 'REPORT',
  entity: 'report',
  title: { zh: '举报', en: 'Report' },
  states: REPORT_STATUSES,
  initial: 'submitted',
  terminal: ['rejected', 'replied'],
  transitions: [
    { command: 'accept', from: ['submitted'], to: 'accepted', roles: TRIAGE_ROLES, label: { zh: '受理', en: 'Accept' }, scoped: true },
    { command: 'reject', from: ['submitted'], to: 'rejected', roles: TRIAGE_ROLES, label: { zh: '不予受理', en: 'Reject' }, scoped: true },
    { command: 'assign', from: ['accepted', 'verifying'], to: 'verifying', roles: TRIAGE_ROLES, label: { zh: '指派核查', en: 'Assign verification' }, scoped: true },
    { command: 'substantiate', from: ['verifying'], to: 'substantiated', roles: TRIAGE_ROLES, label: { zh: '核查属实', en: 'Substantiate' }, scoped: true },
    { command: 'mark_unfounded', from: ['verifying'], to: 'unfounded', roles: TRIAGE_ROLES, label: { zh: '核查不属实', en: 'Mark unfounded' }, scoped: true },
    { command: 'reply', from: ['substantiated', 'unfounded'], to: 'replied', roles: TRIAGE_ROLES, label: { zh: '答复举报人', en: 'Reply to reporter' }, scoped: true },
    // A note changes nothing but the notes: one self-loop per open status.
    ...NOTE_STATUSES.map((s) => ({ command: 'add_note' as const, from: [s], to: s, roles: TRIAGE_ROLES, label: { zh: '添加备注', en: 'Add note' }, scoped: true })),
  ],
});

export interface GeoLocation {
  readonly lat: number;
  readonly lng: number;
  readonly address: string;
}

/** What the reporter may read through the receipt: no staff identity, only what was said. */
export interface PublicNote {
  readonly at: string;
  readonly text: string;
}

/** Never shown to the reporter or the public. */
export interface InternalNote {
  readonly at: string;
  readonly text: string;
  readonly by: ActorStamp;
}

export interface Assignee {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly departmentId: string | null;
}

/**
 * The report as the rules see it. It holds NO reporter identity: identity is
 * sealed elsewhere and reached only through `reporterRef` and the disclosure workflow.
 */
export interface ReportState {
  readonly id: string;
  readonly status: ReportStatus;
  readonly jurisdictionId: string;
  readonly channel: ReportChannel;
  readonly riskCategory: string;
  readonly venueId: string | null;
  readonly location: GeoLocation;
  readonly description: string;
  readonly anonymous: boolean;
  readonly whistleblower: boolean;
  readonly reporterRef: string | null;
  readonly receivedAt: string;
  /** Staff or grid worker who filed it; null when the reporter filed it (no identity kept). */
  readonly filedBy: ActorStamp | null;
  readonly urgent: boolean;
  readonly verificationDue: string;
  readonly replyDue: string | null;
  readonly acceptedBy: ActorStamp | null;
  readonly rejectedBy: ActorStamp | null;
  readonly rejectReason: ReportRejectReason | null;
  readonly duplicateOf: string | null;
  readonly assignee: Assignee | null;
  readonly assignedBy: ActorStamp | null;
  readonly verifiedBy: ActorStamp | null;
  /** True when substantiated or found unfounded after the verification deadline. */
  readonly verifiedLate: boolean | null;
  readonly hazardIds: readonly string[];
  readonly repliedBy: ActorStamp | null;
  readonly reply: string | null;
  readonly publicNotes: readonly PublicNote[];
  readonly internalNotes: readonly InternalNote[];
  readonly version: number;
}

export interface CreateReportInput {
  /** Defaults to ctx.newId(). */
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly channel: ReportChannel;
  readonly riskCategory: string;
  readonly venueId: string | null;
  readonly location: GeoLocation;
  readonly description: string;
  readonly anonymous: boolean;
  readonly whistleblower: boolean;
  readonly reporterRef: string | null;
  /** When the report reached the agency (a hotline call may be keyed in later). Defaults to ctx.now. */
  readonly receivedAt?: string;
}

/** Optional notes every staff command may carry. */
interface Notes {
  readonly publicNote?: string;
  readonly internalNote?: string;
}

export type ReportCommand =
  | ({ readonly type: 'accept' } & Notes)
  | ({
      readonly type: 'reject';
      readonly reason: ReportRejectReason;
      /** Required for 'duplicate': the original report. */
      readonly duplicateOf?: string | null;
      /** Told to the reporter. */
      readonly explanation: string;
    } & Notes)
  | ({ readonly type: 'assign'; readonly assignee: Assignee } & Notes)
  | ({ readonly type: 'substantiate'; readonly hazardIds: readonly string[] } & Notes)
  | ({ readonly type: 'mark_unfounded'; readonly reason: string } & Notes)
  | ({ readonly type: 'reply'; readonly text: string } & Notes)
  /** An internal note never reaches the reporter; a public one is read through the receipt. */
  | { readonly type: 'add_note'; readonly note: string; readonly visibility: ReportNoteVisibility };

export type ReportCommandType = ReportCommand['type'];

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`REPORT.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

function validLocation(l: GeoLocation): boolean {
  return Number.isFinite(l.lat) && Number.isFinite(l.lng) && Math.abs(l.lat) <= 90 && Math.abs(l.lng) <= 180 && !blank(l.address);
}

export function createReport(
  input: CreateReportInput,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<ReportState> {
  const { actor } = ctx;
  const channels = REPORT_FILING_CHANNELS[actor.role];
  if (!channels) {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not file reports`, '当前角色无权提交举报', { role: actor.role });
  }
  if (!channels.includes(input.channel)) {
    return fail('CHANNEL_NOT_ALLOWED', `Role ${actor.role} may not file through ${input.channel}`, '当前角色不能通过该渠道提交举报', {
      role: actor.role,
      channel: input.channel,
    });
  }
  if (input.channel === 'whistleblower' && !input.whistleblower) {
    return fail('WHISTLEBLOWER_FLAG_REQUIRED', 'Whistleblower channel reports must be flagged as whistleblower reports', '内部吹哨渠道的举报须标记为吹哨举报');
  }
  const isReporter = actor.role === 'public' || actor.role === 'whistleblower';
  if (!isReporter && (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId))) {
    return fail('OUT_OF_SCOPE', 'Report location is outside the actor’s jurisdiction', '举报地点不在您的辖区范围内');
  }
  if (blank(input.description)) return fail('DESCRIPTION_REQUIRED', 'Describe the hazard', '请描述隐患情况');
  if (blank(input.riskCategory)) return fail('RISK_CATEGORY_REQUIRED', 'Choose a risk category', '请选择风险类别');
  if (!validLocation(input.location)) return fail('INVALID_LOCATION', 'Location is invalid', '举报地点无效');
  if (!input.anonymous && blank(input.reporterRef)) {
    return fail('REPORTER_REF_REQUIRED', 'A real-name report needs a sealed reporter reference', '实名举报须关联加密保存的举报人信息');
  }
  const receivedAt = input.receivedAt === undefined ? ctx.now : new Date(input.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) return fail('INVALID_DATE', 'receivedAt is not a valid instant', '接收时间无效');
  if (receivedAt.getTime() > ctx.now.getTime()) return fail('RECEIVED_IN_FUTURE', 'receivedAt is in the future', '接收时间不能晚于当前时间');

  const id = input.id ?? ctx.newId();
  const verification = reportVerificationDue(ctx.calendar, receivedAt, input.riskCategory, limits);
  const urgent = URGENT_RISK_CATEGORIES.includes(input.riskCategory);
  const next: ReportState = {
    id,
    status: 'submitted',
    jurisdictionId: input.jurisdictionId,
    channel: input.channel,
    riskCategory: input.riskCategory,
    venueId: input.venueId,
    location: input.location,
    description: input.description.trim(),
    anonymous: input.anonymous,
    whistleblower: input.whistleblower,
    reporterRef: input.reporterRef,
    receivedAt: receivedAt.toISOString(),
    filedBy: isReporter ? null : stamp(actor, ctx.now),
    urgent,
    verificationDue: verification.due.toISOString(),
    replyDue: null,
    acceptedBy: null,
    rejectedBy: null,
    rejectReason: null,
    duplicateOf: null,
    assignee: null,
    assignedBy: null,
    verifiedBy: null,
    verifiedLate: null,
    hazardIds: [],
    repliedBy: null,
    reply: null,
    publicNotes: [],
    internalNotes: [],
    version: 1,
  };
  const effects: Effect[] = [
    auditEffect(reportLifecycle, id, 'create', null, 'submitted', ctx, { channel: input.channel, riskCategory: input.riskCategory, urgent }),
    { type: 'deadline', entity: 'report', entityId: id, kind: 'report.verification', due: next.verificationDue, basis: verification.basis },
    {
      type: 'notify',
      to: { kind: 'role', role: 'inspector', jurisdictionId: input.jurisdictionId },
      template: urgent ? 'report.submitted_urgent' : 'report.submitted',
      entity: 'report',
      entityId: id,
    },
  ];
  return { ok: true, next, effects };
}

function withNotes(state: ReportState, cmd: Notes, ctx: TransitionContext): Pick<ReportState, 'publicNotes' | 'internalNotes'> {
  const at = ctx.now.toISOString();
  return {
    publicNotes: blank(cmd.publicNote) ? state.publicNotes : [...state.publicNotes, { at, text: cmd.publicNote!.trim() }],
    internalNotes: blank(cmd.internalNote)
      ? state.internalNotes
      : [...state.internalNotes, { at, text: cmd.internalNote!.trim(), by: stamp(ctx.actor, ctx.now) }],
  };
}

const toReporter = (id: string, template: string): Effect => ({ type: 'notify', to: { kind: 'reporter' }, template, entity: 'report', entityId: id });

export function transitionReport(
  state: ReportState,
  command: ReportCommand,
  ctx: TransitionContext,
  limits: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): TransitionResult<ReportState> {
  const g = guard(reportLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const notes = withNotes(state, command.type === 'add_note' ? {} : command, ctx);
  const audit = (data?: Record<string, unknown>) => auditEffect(reportLifecycle, state.id, command.type, state.status, to, ctx, data);
  const base = { ...state, ...notes, status: to, version: state.version + 1 };

  switch (command.type) {
    case 'accept':
      return { ok: true, next: { ...base, acceptedBy: by }, effects: [audit(), toReporter(state.id, 'report.accepted')] };

    case 'reject': {
      if (!REPORT_REJECT_REASONS.includes(command.reason)) {
        return fail('INVALID_REASON', `Unknown rejection reason ${String(command.reason)}`, '不予受理理由无效');
      }
      if (blank(command.explanation)) return fail('EXPLANATION_REQUIRED', 'Explain the rejection to the reporter', '请向举报人说明不予受理的理由');
      const duplicateOf = blank(command.duplicateOf) ? null : command.duplicateOf!.trim();
      if (command.reason === 'duplicate' && duplicateOf === null) {
        return fail('DUPLICATE_REQUIRES_ORIGINAL', 'A duplicate must link the original report', '重复举报须关联原举报');
      }
      if (command.reason === 'duplicate' && duplicateOf === state.id) {
        return fail('DUPLICATE_OF_SELF', 'A report cannot duplicate itself', '举报不能与自身重复');
      }
      if (command.reason !== 'duplicate' && duplicateOf !== null) {
        return fail('DUPLICATE_LINK_UNEXPECTED', 'Only duplicate rejections link another report', '仅重复举报可关联原举报');
      }
      const next: ReportState = {
        ...base,
        rejectedBy: by,
        rejectReason: command.reason,
        duplicateOf,
        publicNotes: [...base.publicNotes, { at: ctx.now.toISOString(), text: command.explanation.trim() }],
      };
      return {
        ok: true,
        next,
        effects: [
          audit({ reason: command.reason, duplicateOf }),
          { type: 'cancelDeadline', entity: 'report', entityId: state.id, kind: 'report.verification' },
          toReporter(state.id, 'report.rejected'),
        ],
      };
    }

    case 'assign': {
      const a = command.assignee;
      if (blank(a.userId) || blank(a.name) || !(REPORT_VERIFIER_ROLES as readonly Role[]).includes(a.role)) {
        return fail('INVALID_ASSIGNEE', 'Verification is assigned to a named inspector or police officer', '核查须指派给具名的消防监督员或派出所民警', {
          role: a.role,
        });
      }
      if (state.assignee?.userId === a.userId) {
        return fail('ALREADY_ASSIGNED', 'The report is already assigned to this person', '该举报已指派给此人');
      }
      return {
        ok: true,
        next: { ...base, assignee: { ...a }, assignedBy: by },
        effects: [
          audit({ assignee: a.userId, reassigned: state.assignee !== null }),
          { type: 'notify', to: { kind: 'user', userId: a.userId }, template: 'report.assigned', entity: 'report', entityId: state.id },
        ],
      };
    }

    case 'substantiate':
    case 'mark_unfounded': {
      // 谁核查谁负责: the verdict is the assigned verifier's, or a supervisor's who takes it over.
      if (ctx.actor.role !== 'fire_supervisor' && ctx.actor.userId !== state.assignee?.userId) {
        return fail('NOT_ASSIGNEE', 'Only the assigned verifier or a supervisor may record the verdict', '仅指派的核查人员或负责人可记录核查结论');
      }
      let hazardIds: readonly string[] = [];
      if (command.type === 'substantiate') {
        hazardIds = command.hazardIds.map((h) => h.trim());
        if (hazardIds.length === 0 || hazardIds.some((h) => h === '')) {
          return fail('HAZARDS_REQUIRED', 'A substantiated report links the hazards it revealed', '核查属实的举报须关联发现的隐患');
        }
        if (new Set(hazardIds).size !== hazardIds.length) return fail('DUPLICATE_HAZARD', 'Hazard ids repeat', '关联的隐患重复');
      } else if (blank(command.reason)) {
        return fail('REASON_REQUIRED', 'Record why the report is unfounded', '请填写核查不属实的理由');
      }
      const late = ctx.now.getTime() > Date.parse(state.verificationDue);
      const reply = reporterReplyDue(ctx.calendar, ctx.now, limits);
      const internalNotes =
        command.type === 'mark_unfounded'
          ? [...notes.internalNotes, { at: ctx.now.toISOString(), text: command.reason.trim(), by }]
          : notes.internalNotes;
      return {
        ok: true,
        next: { ...base, internalNotes, verifiedBy: by, verifiedLate: late, hazardIds, replyDue: reply.due.toISOString() },
        effects: [
          audit({ late, hazardIds }),
          { type: 'cancelDeadline', entity: 'report', entityId: state.id, kind: 'report.verification' },
          { type: 'deadline', entity: 'report', entityId: state.id, kind: 'report.reply', due: reply.due.toISOString(), basis: reply.basis },
        ],
      };
    }

    case 'reply': {
      if (blank(command.text)) return fail('REPLY_REQUIRED', 'The reply to the reporter is empty', '答复内容不能为空');
      const text = command.text.trim();
      return {
        ok: true,
        next: { ...base, repliedBy: by, reply: text, publicNotes: [...base.publicNotes, { at: ctx.now.toISOString(), text }] },
        effects: [
          audit({ late: state.replyDue !== null && ctx.now.getTime() > Date.parse(state.replyDue) }),
          { type: 'cancelDeadline', entity: 'report', entityId: state.id, kind: 'report.reply' },
          toReporter(state.id, 'report.replied'),
        ],
      };
    }

    case 'add_note': {
      if (!REPORT_NOTE_VISIBILITIES.includes(command.visibility)) {
        return fail('INVALID_VISIBILITY', `Unknown note visibility ${String(command.visibility)}`, '备注可见范围无效');
      }
      if (blank(command.note)) return fail('NOTE_REQUIRED', 'The note is empty', '备注内容不能为空');
      const at = ctx.now.toISOString();
      const text = command.note.trim();
      // A public note carries no staff identity (the reporter reads it); the audit entry keeps who wrote it.
      const next: ReportState =
        command.visibility === 'public'
          ? { ...base, publicNotes: [...base.publicNotes, { at, text }] }
          : { ...base, internalNotes: [...base.internalNotes, { at, text, by }] };
      return { ok: true, next, effects: [audit({ visibility: command.visibility })] };
    }
  }
}
