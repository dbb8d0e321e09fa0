import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { endOfChinaDay, parseYmd } from '../calendar/china-date';
import { auditEffect, defineLifecycle, guard, type TransitionRule } from './machine';

/**
 * 挂牌督办: the government lists a major-hazard unit for supervised rectification and
 * de-lists it (摘牌销案) only after an on-site acceptance. The "四个一批" flags
 * (list, publish, expose, handle) are recorded on the same record.
 */
export const LISTING_STATUSES = ['proposed', 'declined', 'listed', 'rectifying', 'acceptance_requested', 'delisted'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

type ListingCommandName =
  | 'list'
  | 'decline'
  | 'start_rectification'
  | 'request_acceptance'
  | 'fail_acceptance'
  | 'report_progress'
  | 'delist'
  | 'publish'
  | 'expose';

const GOVERNMENT = ['committee_officer'] as const satisfies readonly Role[];
const RECTIFICATION_ROLES = ['unit', 'fire_supervisor', 'industry_officer', 'committee_officer'] as const satisfies readonly Role[];
const ACCEPTANCE_ROLES = ['committee_officer', 'fire_supervisor', 'inspector', 'industry_officer'] as const satisfies readonly Role[];
/** Publication and exposure are possible while the listing is live. */
const LIVE = ['listed', 'rectifying', 'acceptance_requested'] as const satisfies readonly ListingStatus[];

function flagRules(command: ListingCommandName, roles: readonly Role[], label: { zh: string; en: string }): TransitionRule<ListingStatus, ListingCommandName>[] {
  return LIVE.map((s) => ({ command, from: [s], to: s, roles, label, scoped: true }));
}

export const listingLifecycle = defineLifecycle<ListingStatus, ListingCommandName>({
  name: 'LISTING',
  entity: 'listing',
  title: { zh: '重大火灾隐患挂牌督办', en: 'Listed supervision' },
  states: LISTING_STATUSES,
  initial: 'proposed',
  terminal: ['declined', 'delisted'],
  transitions: [
    { command: 'list', from: ['proposed'], to: 'listed', roles: GOVERNMENT, label: { zh: '挂牌督办', en: 'List' }, scoped: true },
    { command: 'decline', from: ['proposed'], to: 'declined', roles: GOVERNMENT, label: { zh: '不予挂牌', en: 'Decline' }, scoped: true },
    { command: 'start_rectification', from: ['listed'], to: 'rectifying', roles: RECTIFICATION_ROLES, label: { zh: '报送整改方案', en: 'Start rectification' }, scoped: true },
    {
      command: 'request_acceptance',
      from: ['rectifying'],
      to: 'acceptance_requested',
      roles: ['unit', 'fire_supervisor', 'industry_officer'],
      label: { zh: '申请验收', en: 'Request acceptance' },
      scoped: true,
    },
    // 整改进展报告: the unit or the departments report while rectifying, as often as the notice asks.
    { command: 'report_progress', from: ['rectifying'], to: 'rectifying', roles: RECTIFICATION_ROLES, label: { zh: '报送整改进展', en: 'Report progress' }, scoped: true },
    { command: 'fail_acceptance', from: ['acceptance_requested'], to: 'rectifying', roles: ACCEPTANCE_ROLES, label: { zh: '现场验收不合格', en: 'Acceptance failed' }, scoped: true },
    { command: 'delist', from: ['acceptance_requested'], to: 'delisted', roles: GOVERNMENT, label: { zh: '现场验收合格，摘牌销案', en: 'Accept on site and delist' }, scoped: true },
    ...flagRules('publish', GOVERNMENT, { zh: '公布', en: 'Publish' }),
    ...flagRules('expose', [...GOVERNMENT, 'fire_supervisor'], { zh: '曝光', en: 'Expose' }),
  ],
});

/** 现场验收记录: who was there, when, and the result. */
export interface AcceptanceRecord {
  readonly result: 'pass' | 'fail';
  readonly onSiteAt: string;
  /** Names of everyone who took part in the on-site acceptance. */
  readonly participants: readonly string[];
  readonly recordRef: string;
  readonly note: string;
  readonly recordedBy: ActorStamp;
}

export interface AcceptanceRecordInput {
  readonly result: 'pass' | 'fail';
  readonly onSiteAt: string;
  readonly participants: readonly string[];
  readonly recordRef: string;
  readonly note?: string;
}

/** 整改进展报告: what was done, with its evidence, by whom. */
export interface ProgressReport {
  readonly note: string;
  readonly evidenceRefs: readonly string[];
  readonly by: ActorStamp;
}

export interface ListingState {
  readonly id: string;
  readonly status: ListingStatus;
  readonly jurisdictionId: string;
  readonly venueId: string;
  readonly hazardIds: readonly string[];
  readonly reason: string;
  readonly proposedBy: ActorStamp;
  readonly listedBy: ActorStamp | null;
  readonly listingRef: string | null;
  readonly rectificationDue: string | null;
  readonly decline: { readonly reason: string; readonly by: ActorStamp } | null;
  readonly planRef: string | null;
  readonly rectificationStartedBy: ActorStamp | null;
  /** 整改进展报告, oldest first (absent on records written before progress reports existed). */
  readonly progressReports?: readonly ProgressReport[];
  readonly acceptanceRequests: readonly { readonly by: ActorStamp; readonly evidenceRefs: readonly string[] }[];
  readonly acceptances: readonly AcceptanceRecord[];
  readonly delistedBy: ActorStamp | null;
  readonly published: ActorStamp | null;
  readonly exposed: { readonly by: ActorStamp; readonly mediaRef: string | null } | null;
  readonly version: number;
}

export interface CreateListingInput {
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly venueId: string;
  /** The major hazards (determined under GB 35181) that warrant listing. */
  readonly hazardIds: readonly string[];
  readonly reason: string;
}

export type ListingCommand =
  | { readonly type: 'list'; readonly listingRef: string; readonly rectificationDueDate: string }
  | { readonly type: 'decline'; readonly reason: string }
  | { readonly type: 'start_rectification'; readonly planRef: string }
  | { readonly type: 'request_acceptance'; readonly evidenceRefs: readonly string[] }
  | { readonly type: 'report_progress'; readonly note: string; readonly evidenceRefs?: readonly string[] }
  | { readonly type: 'fail_acceptance'; readonly acceptance: AcceptanceRecordInput }
  | { readonly type: 'delist'; readonly acceptance: AcceptanceRecordInput }
  | { readonly type: 'publish' }
  | { readonly type: 'expose'; readonly mediaRef?: string | null };

export type ListingCommandType = ListingCommand['type'];

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`LISTING.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

export function createListing(input: CreateListingInput, ctx: TransitionContext): TransitionResult<ListingState> {
  const { actor } = ctx;
  if (actor.role !== 'fire_supervisor' && actor.role !== 'committee_officer') {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not propose listings`, '当前角色无权提请挂牌督办', { role: actor.role });
  }
  if (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId)) {
    return fail('OUT_OF_SCOPE', 'Subject is outside the actor’s jurisdiction', '该事项不在您的辖区范围内');
  }
  if (blank(input.venueId)) return fail('VENUE_REQUIRED', 'Name the unit to list', '请选择挂牌督办单位');
  const hazardIds = [...new Set(input.hazardIds.map((h) => h.trim()).filter((h) => h !== ''))];
  if (hazardIds.length === 0) return fail('HAZARDS_REQUIRED', 'A listing names the major hazards it supervises', '挂牌督办须列明重大火灾隐患');
  if (blank(input.reason)) return fail('REASON_REQUIRED', 'Give the reason for listing', '请填写提请挂牌督办的理由');
  const id = input.id ?? ctx.newId();
  const next: ListingState = {
    id,
    status: 'proposed',
    jurisdictionId: input.jurisdictionId,
    venueId: input.venueId,
    hazardIds,
    reason: input.reason.trim(),
    proposedBy: stamp(actor, ctx.now),
    listedBy: null,
    listingRef: null,
    rectificationDue: null,
    decline: null,
    planRef: null,
    rectificationStartedBy: null,
    progressReports: [],
    acceptanceRequests: [],
    acceptances: [],
    delistedBy: null,
    published: null,
    exposed: null,
    version: 1,
  };
  return {
    ok: true,
    next,
    effects: [
      auditEffect(listingLifecycle, id, 'create', null, 'proposed', ctx, { hazardIds }),
      { type: 'notify', to: { kind: 'role', role: 'committee_officer', jurisdictionId: input.jurisdictionId }, template: 'listing.proposed', entity: 'listing', entityId: id },
    ],
  };
}

function acceptanceRecord(
  input: AcceptanceRecordInput,
  state: ListingState,
  ctx: TransitionContext,
): { ok: true; record: AcceptanceRecord } | ReturnType<typeof fail> {
  const participants = input.participants.map((p) => p.trim()).filter((p) => p !== '');
  if (participants.length === 0 || blank(input.recordRef)) {
    return fail('ACCEPTANCE_RECORD_REQUIRED', 'An on-site acceptance record names who took part and its reference', '须有现场验收记录（参加人员及记录编号）');
  }
  const onSite = new Date(input.onSiteAt);
  if (Number.isNaN(onSite.getTime())) return fail('INVALID_DATE', 'onSiteAt is not a valid instant', '现场验收时间无效');
  if (onSite.getTime() > ctx.now.getTime()) return fail('ACCEPTANCE_IN_FUTURE', 'The on-site acceptance has not happened yet', '现场验收时间不能晚于当前时间');
  const requestedAt = state.acceptanceRequests.at(-1)?.by.at;
  if (requestedAt !== undefined && onSite.getTime() < Date.parse(requestedAt)) {
    return fail('ACCEPTANCE_BEFORE_REQUEST', 'The acceptance predates the request it answers', '现场验收时间早于验收申请');
  }
  return {
    ok: true,
    record: {
      result: input.result,
      onSiteAt: onSite.toISOString(),
      participants,
      recordRef: input.recordRef.trim(),
      note: input.note?.trim() ?? '',
      recordedBy: stamp(ctx.actor, ctx.now),
    },
  };
}

export function transitionListing(state: ListingState, command: ListingCommand, ctx: TransitionContext): TransitionResult<ListingState> {
  const g = guard(listingLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const base = { ...state, status: to, version: state.version + 1 };
  const audit = (data?: Record<string, unknown>) => auditEffect(listingLifecycle, state.id, command.type, state.status, to, ctx, data);
  const toUnit = (template: string): Effect => ({ type: 'notify', to: { kind: 'unit', venueId: state.venueId }, template, entity: 'listing', entityId: state.id });
  const toRole = (role: Role, template: string): Effect => ({
    type: 'notify',
    to: { kind: 'role', role, jurisdictionId: state.jurisdictionId },
    template,
    entity: 'listing',
    entityId: state.id,
  });

  switch (command.type) {
    case 'list': {
      if (blank(command.listingRef)) return fail('LISTING_REF_REQUIRED', 'Give the supervision notice reference', '请填写挂牌督办文号');
      const day = parseYmd(command.rectificationDueDate);
      if (day === null) return fail('INVALID_DATE', `${command.rectificationDueDate} is not a date (YYYY-MM-DD)`, '整改期限日期无效');
      const due = endOfChinaDay(day);
      if (due.getTime() <= ctx.now.getTime()) return fail('DEADLINE_IN_PAST', 'The rectification deadline has already passed', '整改期限不能早于当前时间');
      return {
        ok: true,
        next: { ...base, listedBy: by, listingRef: command.listingRef.trim(), rectificationDue: due.toISOString() },
        effects: [
          audit({ listingRef: command.listingRef.trim(), due: due.toISOString() }),
          // The deadline is the government's own decision, not a statutory limit.
          { type: 'deadline', entity: 'listing', entityId: state.id, kind: 'listing.rectification', due: due.toISOString(), basis: '挂牌督办通知书（整改期限）' },
          toUnit('listing.listed'),
          toRole('fire_supervisor', 'listing.listed'),
        ],
      };
    }

    case 'decline': {
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Give the reason for declining', '请填写不予挂牌的理由');
      return { ok: true, next: { ...base, decline: { reason: command.reason.trim(), by } }, effects: [audit({ reason: command.reason.trim() }), toRole('fire_supervisor', 'listing.declined')] };
    }

    case 'start_rectification': {
      if (blank(command.planRef)) return fail('PLAN_REQUIRED', 'Attach the rectification plan', '请上传整改方案');
      return { ok: true, next: { ...base, planRef: command.planRef.trim(), rectificationStartedBy: by }, effects: [audit({ planRef: command.planRef.trim() })] };
    }

    case 'request_acceptance': {
      const evidenceRefs = command.evidenceRefs.map((e) => e.trim()).filter((e) => e !== '');
      if (evidenceRefs.length === 0) return fail('EVIDENCE_REQUIRED', 'Attach evidence of the rectification', '请上传整改完成的佐证材料');
      return {
        ok: true,
        next: { ...base, acceptanceRequests: [...state.acceptanceRequests, { by, evidenceRefs }] },
        effects: [audit({ evidence: evidenceRefs.length }), toRole('committee_officer', 'listing.acceptance_requested')],
      };
    }

    case 'report_progress': {
      if (blank(command.note)) return fail('PROGRESS_REQUIRED', 'Say what has been done since the last report', '请填写整改进展情况');
      const evidenceRefs = (command.evidenceRefs ?? []).map((e) => e.trim()).filter((e) => e !== '');
      const report: ProgressReport = { note: command.note.trim(), evidenceRefs, by };
      return {
        ok: true,
        next: { ...base, progressReports: [...(state.progressReports ?? []), report] },
        effects: [audit({ evidence: evidenceRefs.length }), toRole('committee_officer', 'listing.progress_reported')],
      };
    }

    case 'fail_acceptance':
    case 'delist': {
      const expected = command.type === 'delist' ? 'pass' : 'fail';
      if (command.acceptance.result !== expected) {
        return command.type === 'delist'
          ? fail('ACCEPTANCE_NOT_PASSED', 'Only a passed on-site acceptance allows delisting', '现场验收合格后方可摘牌销案')
          : fail('ACCEPTANCE_PASSED', 'A passed acceptance is recorded by delisting', '验收合格的，请办理摘牌销案');
      }
      const r = acceptanceRecord(command.acceptance, state, ctx);
      if (!r.ok) return r;
      const acceptances = [...state.acceptances, r.record];
      if (command.type === 'fail_acceptance') {
        return { ok: true, next: { ...base, acceptances }, effects: [audit({ recordRef: r.record.recordRef }), toUnit('listing.acceptance_failed')] };
      }
      return {
        ok: true,
        next: { ...base, acceptances, delistedBy: by },
        effects: [
          audit({ recordRef: r.record.recordRef, participants: r.record.participants }),
          { type: 'cancelDeadline', entity: 'listing', entityId: state.id, kind: 'listing.rectification' },
          toUnit('listing.delisted'),
          toRole('fire_supervisor', 'listing.delisted'),
        ],
      };
    }

    case 'publish': {
      if (state.published) return fail('ALREADY_PUBLISHED', 'Already published', '已公布');
      return { ok: true, next: { ...base, published: by }, effects: [audit()] };
    }

    case 'expose': {
      if (state.exposed) return fail('ALREADY_EXPOSED', 'Already exposed', '已曝光');
      const mediaRef = blank(command.mediaRef) ? null : command.mediaRef!.trim();
      return { ok: true, next: { ...base, exposed: { by, mediaRef } }, effects: [audit({ mediaRef })] };
    }
  }
}
