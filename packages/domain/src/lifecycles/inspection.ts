import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { parseYmd } from '../calendar/china-date';
import type { CreateHazardInput } from './hazard';
import { auditEffect, defineLifecycle, guard } from './machine';

/**
 * 检查: at least two inspectors, each signing the record; the unit's responsible
 * person confirms it, or the refusal is recorded before a witness.
 */
export const INSPECTION_STATUSES = ['planned', 'in_progress', 'recorded', 'confirmed', 'refusal_recorded', 'completed', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_SOURCES = [
  'double_random', // 双随机
  'campaign', // 专项行动
  'report_verification', // 举报核查
  're_inspection', // 复查
  'joint', // 联合检查
  'expert_check', // 专家查隐患
  'unannounced', // 四不两直
] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];

/** Only these count toward the two inspectors the law requires; experts join but do not count. */
export const INSPECTOR_ROLES = ['inspector', 'police_officer'] as const satisfies readonly Role[];
/** The law's minimum number of inspectors on site (消防监督检查规定: 不得少于两人). */
export const MIN_INSPECTORS = 2;

const PLANNING_ROLES = ['inspector', 'fire_supervisor', 'police_officer'] as const satisfies readonly Role[];

export const inspectionLifecycle = defineLifecycle({
  name: 'INSPECTION',
  entity: 'inspection',
  title: { zh: '消防监督检查', en: 'Inspection' },
  states: INSPECTION_STATUSES,
  initial: 'planned',
  terminal: ['completed', 'cancelled'],
  transitions: [
    { command: 'start', from: ['planned'], to: 'in_progress', roles: INSPECTOR_ROLES, label: { zh: '开始检查', en: 'Start' }, scoped: true },
    { command: 'cancel', from: ['planned'], to: 'cancelled', roles: PLANNING_ROLES, label: { zh: '取消检查', en: 'Cancel' }, scoped: true },
    { command: 'record', from: ['in_progress'], to: 'recorded', roles: INSPECTOR_ROLES, label: { zh: '制作检查记录', en: 'Record findings' }, scoped: true },
    { command: 'sign', from: ['recorded'], to: 'recorded', roles: INSPECTOR_ROLES, label: { zh: '检查人员签名', en: 'Inspector signs' }, scoped: true },
    {
      command: 'confirm',
      from: ['recorded'],
      to: 'confirmed',
      roles: ['unit', ...INSPECTOR_ROLES],
      label: { zh: '被检查单位签字确认', en: 'Unit confirms' },
      scoped: true,
    },
    {
      // The unit's own statement that it will not sign. The record stays 'recorded':
      // only the inspectors' record_refusal, before a witness, is the legal record.
      command: 'unit_refuse',
      from: ['recorded'],
      to: 'recorded',
      roles: ['unit'],
      label: { zh: '被检查单位拒绝签字（单位陈述）', en: 'Unit refuses to sign' },
      scoped: true,
    },
    {
      command: 'record_refusal',
      from: ['recorded'],
      to: 'refusal_recorded',
      roles: INSPECTOR_ROLES,
      label: { zh: '记录拒绝签字（见证人）', en: 'Record refusal' },
      scoped: true,
    },
    {
      command: 'complete',
      from: ['confirmed', 'refusal_recorded'],
      to: 'completed',
      roles: [...INSPECTOR_ROLES, 'fire_supervisor'],
      label: { zh: '检查办结', en: 'Complete' },
      scoped: true,
    },
  ],
});

export interface Participant {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly departmentId: string | null;
}

export interface Finding {
  readonly id: string;
  readonly checkItemId: string | null;
  readonly riskCategory: string;
  readonly description: string;
  readonly photoRefs: readonly string[];
}

/** 检查结果 of one checklist item: 合格, 不合格 (a finding names it), or 不适用. */
export const CHECK_RESULTS = ['pass', 'fail', 'not_applicable'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface ItemResult {
  readonly checkItemId: string;
  readonly result: CheckResult;
  readonly note: string | null;
}

export interface InspectorSignature {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly signatureRef: string;
  readonly at: string;
}

/** Kept apart from findings: never shown to the unit or the public. */
export interface PrivateRemark {
  readonly by: ActorStamp;
  readonly text: string;
}

export interface UnitConfirmation {
  readonly signerName: string;
  readonly capacity: 'responsible_person' | 'manager';
  readonly signatureRef: string;
  readonly at: string;
  /** The account the confirmation was entered from (the unit's, or an inspector's tablet). */
  readonly recordedBy: ActorStamp;
}

export interface Refusal {
  readonly reason: string;
  readonly witness: { readonly name: string; readonly signatureRef: string | null };
  readonly recordedBy: ActorStamp;
}

/** What the unit itself said when it declined to sign; no legal weight without record_refusal. */
export interface UnitRefusal {
  readonly by: ActorStamp;
  readonly reason: string;
}

export interface InspectionState {
  readonly id: string;
  readonly status: InspectionStatus;
  readonly jurisdictionId: string;
  readonly venueId: string;
  readonly source: InspectionSource;
  readonly sourceRef: string | null;
  readonly plannedFor: string; // YYYY-MM-DD
  readonly checkItemIds: readonly string[];
  readonly team: readonly Participant[];
  readonly experts: readonly Participant[];
  readonly plannedBy: ActorStamp;
  readonly startedBy: ActorStamp | null;
  /** Team inspectors actually on site: they must all sign. */
  readonly presentInspectorIds: readonly string[];
  readonly presentExpertIds: readonly string[];
  readonly findings: readonly Finding[];
  /** The checklist item by item; absent on records made before results were kept per item. */
  readonly itemResults?: readonly ItemResult[];
  readonly recordedBy: ActorStamp | null;
  readonly signatures: readonly InspectorSignature[];
  readonly privateRemarks: readonly PrivateRemark[];
  readonly unitConfirmation: UnitConfirmation | null;
  readonly refusal: Refusal | null;
  /** Absent on records saved before the unit could state a refusal. */
  readonly unitRefusal?: UnitRefusal | null;
  readonly completedBy: ActorStamp | null;
  readonly cancellation: { readonly reason: string; readonly by: ActorStamp } | null;
  readonly version: number;
}

export interface CreateInspectionInput {
  readonly id?: string;
  readonly jurisdictionId: string;
  readonly venueId: string;
  readonly source: InspectionSource;
  readonly sourceRef?: string | null;
  readonly plannedFor: string;
  /** The checklist drawn from the venue category's remediation standard. */
  readonly checkItemIds?: readonly string[];
  readonly team: readonly Participant[];
  readonly experts?: readonly Participant[];
}

export interface FindingInput {
  readonly checkItemId?: string | null;
  readonly riskCategory: string;
  readonly description: string;
  readonly photoRefs?: readonly string[];
}

export type InspectionCommand =
  | { readonly type: 'start'; readonly presentInspectorIds: readonly string[]; readonly presentExpertIds?: readonly string[] }
  | { readonly type: 'cancel'; readonly reason: string }
  | {
      readonly type: 'record';
      readonly findings: readonly FindingInput[];
      /**
       * The checklist item by item. When given it covers every planned item once, and the failed
       * items are exactly the checklist items the findings name.
       */
      readonly itemResults?: readonly { readonly checkItemId: string; readonly result: CheckResult; readonly note?: string | null }[];
      /** The recording inspector's own signature. */
      readonly signatureRef: string;
      readonly privateRemark?: string;
    }
  | { readonly type: 'sign'; readonly signatureRef: string; readonly privateRemark?: string }
  | {
      readonly type: 'confirm';
      readonly signerName: string;
      readonly capacity: 'responsible_person' | 'manager';
      readonly signatureRef: string;
    }
  | { readonly type: 'unit_refuse'; readonly reason: string }
  | { readonly type: 'record_refusal'; readonly reason: string; readonly witness: { readonly name: string; readonly signatureRef?: string | null } }
  | { readonly type: 'complete' };

export type InspectionCommandType = InspectionCommand['type'];

const fail = (reason: string, en: string, zh: string, details?: Record<string, unknown>) => err(`INSPECTION.${reason}`, en, zh, details);
const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';
const isInspectorRole = (r: Role): boolean => (INSPECTOR_ROLES as readonly Role[]).includes(r);

function distinctCount(ids: readonly string[]): number {
  return new Set(ids).size;
}

export function createInspection(input: CreateInspectionInput, ctx: TransitionContext): TransitionResult<InspectionState> {
  const { actor } = ctx;
  if (!(PLANNING_ROLES as readonly Role[]).includes(actor.role)) {
    return fail('ROLE_NOT_ALLOWED', `Role ${actor.role} may not plan inspections`, '当前角色无权安排检查', { role: actor.role });
  }
  if (actor.jurisdictionId === null || !ctx.scope.contains(actor.jurisdictionId, input.jurisdictionId)) {
    return fail('OUT_OF_SCOPE', 'Subject is outside the actor’s jurisdiction', '该事项不在您的辖区范围内');
  }
  if (!INSPECTION_SOURCES.includes(input.source)) return fail('INVALID_SOURCE', `Unknown source ${String(input.source)}`, '检查来源无效');
  if (blank(input.venueId)) return fail('VENUE_REQUIRED', 'An inspection is of a venue', '请选择被检查单位');
  if (parseYmd(input.plannedFor) === null) return fail('INVALID_DATE', `${input.plannedFor} is not a date (YYYY-MM-DD)`, '计划检查日期无效');
  const experts = input.experts ?? [];
  const people = [...input.team, ...experts];
  if (people.some((p) => blank(p.userId) || blank(p.name))) {
    return fail('PARTICIPANT_UNNAMED', 'Every participant is a named person', '检查人员须为具名人员');
  }
  if (distinctCount(people.map((p) => p.userId)) !== people.length) {
    return fail('DUPLICATE_PARTICIPANT', 'A person appears twice on the team', '检查人员重复');
  }
  const notInspector = input.team.find((p) => !isInspectorRole(p.role));
  if (notInspector) {
    return fail('INVALID_TEAM_MEMBER', 'The team is made of inspectors or police officers; experts join separately', '检查组成员须为消防监督员或派出所民警，专家另行列明', {
      userId: notInspector.userId,
      role: notInspector.role,
    });
  }
  if (input.team.length < MIN_INSPECTORS) {
    return fail('TOO_FEW_INSPECTORS', `At least ${MIN_INSPECTORS} inspectors are required`, `检查人员不得少于${MIN_INSPECTORS}人`, { count: input.team.length });
  }
  if (experts.some((p) => p.role !== 'expert')) return fail('INVALID_EXPERT', 'Experts must hold the expert role', '专家须为专家库成员');
  if (input.source === 'expert_check' && experts.length === 0) {
    return fail('EXPERT_REQUIRED', 'An expert check needs at least one expert', '专家查隐患须至少有一名专家参加');
  }
  const id = input.id ?? ctx.newId();
  const next: InspectionState = {
    id,
    status: 'planned',
    jurisdictionId: input.jurisdictionId,
    venueId: input.venueId,
    source: input.source,
    sourceRef: blank(input.sourceRef) ? null : input.sourceRef!.trim(),
    plannedFor: input.plannedFor,
    checkItemIds: [...(input.checkItemIds ?? [])],
    team: input.team.map((p) => ({ ...p })),
    experts: experts.map((p) => ({ ...p })),
    plannedBy: stamp(actor, ctx.now),
    startedBy: null,
    presentInspectorIds: [],
    presentExpertIds: [],
    findings: [],
    recordedBy: null,
    signatures: [],
    privateRemarks: [],
    unitConfirmation: null,
    refusal: null,
    unitRefusal: null,
    completedBy: null,
    cancellation: null,
    version: 1,
  };
  // The unit is not told in advance: 双随机 and 四不两直 visits are unannounced by design.
  const effects: Effect[] = [
    auditEffect(inspectionLifecycle, id, 'create', null, 'planned', ctx, { source: input.source, team: input.team.map((p) => p.userId) }),
    ...people.map(
      (p): Effect => ({ type: 'notify', to: { kind: 'user', userId: p.userId }, template: 'inspection.assigned', entity: 'inspection', entityId: id }),
    ),
  ];
  return { ok: true, next, effects };
}

/** Inspectors on site who have not signed yet. */
export function missingSignatures(state: Pick<InspectionState, 'presentInspectorIds' | 'signatures'>): string[] {
  const signed = new Set(state.signatures.map((s) => s.userId));
  return state.presentInspectorIds.filter((id) => !signed.has(id));
}

export function transitionInspection(state: InspectionState, command: InspectionCommand, ctx: TransitionContext): TransitionResult<InspectionState> {
  const g = guard(inspectionLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const to = g.rule.to;
  const { actor } = ctx;
  const by = stamp(actor, ctx.now);
  const now = ctx.now.toISOString();
  const base = { ...state, status: to, version: state.version + 1 };
  const audit = (data?: Record<string, unknown>) => auditEffect(inspectionLifecycle, state.id, command.type, state.status, to, ctx, data);
  const onTeam = state.team.some((p) => p.userId === actor.userId);
  const present = state.presentInspectorIds.includes(actor.userId);
  const notOnTeam = () => fail('NOT_ON_TEAM', 'Only inspectors of this inspection’s team on site may do this', '仅本次检查在场的检查人员可以执行此操作');
  const remarks = (text: string | undefined): readonly PrivateRemark[] =>
    blank(text) ? state.privateRemarks : [...state.privateRemarks, { by, text: text!.trim() }];
  const signature = (ref: string): InspectorSignature => ({ userId: actor.userId, name: actor.name, role: actor.role, signatureRef: ref.trim(), at: now });
  const incomplete = () => {
    const missing = missingSignatures(state);
    return missing.length === 0
      ? null
      : fail('SIGNATURES_INCOMPLETE', 'Every inspector on site must sign the record first', '须由全部在场检查人员先在检查记录上签名', { missing });
  };

  switch (command.type) {
    case 'start': {
      if (!onTeam) return notOnTeam();
      const presentIds = [...new Set(command.presentInspectorIds)];
      const teamIds = new Set(state.team.map((p) => p.userId));
      if (presentIds.some((id) => !teamIds.has(id))) return fail('NOT_ON_TEAM', 'A present inspector is not on the team', '在场检查人员不在检查组名单内');
      if (!presentIds.includes(actor.userId)) return fail('STARTER_NOT_PRESENT', 'The inspector starting the inspection must be on site', '开始检查的人员须在场');
      if (presentIds.length < MIN_INSPECTORS) {
        return fail('TOO_FEW_INSPECTORS', `At least ${MIN_INSPECTORS} inspectors must be on site`, `在场检查人员不得少于${MIN_INSPECTORS}人`, { count: presentIds.length });
      }
      const presentExperts = [...new Set(command.presentExpertIds ?? [])];
      const expertIds = new Set(state.experts.map((p) => p.userId));
      if (presentExperts.some((id) => !expertIds.has(id))) return fail('NOT_ON_TEAM', 'A present expert is not on the team', '在场专家不在检查组名单内');
      if (state.source === 'expert_check' && presentExperts.length === 0) {
        return fail('EXPERT_REQUIRED', 'An expert check needs an expert on site', '专家查隐患须有专家在场');
      }
      return {
        ok: true,
        next: { ...base, startedBy: by, presentInspectorIds: presentIds, presentExpertIds: presentExperts },
        effects: [audit({ present: presentIds, experts: presentExperts })],
      };
    }

    case 'cancel': {
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Give the reason for cancelling', '请填写取消检查的理由');
      return { ok: true, next: { ...base, cancellation: { reason: command.reason.trim(), by } }, effects: [audit({ reason: command.reason.trim() })] };
    }

    case 'record': {
      if (!present) return notOnTeam();
      if (blank(command.signatureRef)) return fail('SIGNATURE_REQUIRED', 'The record must be signed', '检查记录须签名');
      const bad = command.findings.findIndex((f) => blank(f.riskCategory) || blank(f.description));
      if (bad >= 0) return fail('INVALID_FINDING', 'Each finding needs a risk category and a description', '每项检查发现须填写风险类别和情况描述', { index: bad });
      let itemResults: ItemResult[] | undefined;
      if (command.itemResults) {
        const planned = new Set(state.checkItemIds);
        const ids = command.itemResults.map((r) => r.checkItemId);
        const unknown = ids.find((id) => !planned.has(id));
        if (unknown !== undefined) return fail('UNKNOWN_CHECK_ITEM', `Check item ${unknown} is not on this inspection’s checklist`, '检查项不在本次检查的检查表内', { checkItemId: unknown });
        if (distinctCount(ids) !== ids.length) return fail('DUPLICATE_CHECK_ITEM', 'A check item has two results', '同一检查项有两个检查结果');
        const missing = state.checkItemIds.filter((id) => !ids.includes(id));
        if (missing.length > 0) return fail('CHECKLIST_INCOMPLETE', 'Every item of the checklist needs a result', '检查表每一项均须填写检查结果', { missing });
        if (command.itemResults.some((r) => !(CHECK_RESULTS as readonly string[]).includes(r.result))) return fail('INVALID_CHECK_RESULT', 'A result is pass, fail or not applicable', '检查结果须为合格、不合格或不适用');
        const failed = new Set(command.itemResults.filter((r) => r.result === 'fail').map((r) => r.checkItemId));
        const named = new Set(command.findings.flatMap((f) => (blank(f.checkItemId) ? [] : [f.checkItemId!.trim()])));
        const unmatched = [...failed].find((id) => !named.has(id)) ?? [...named].find((id) => !failed.has(id));
        if (unmatched !== undefined) {
          return fail('FINDINGS_MISMATCH', 'Each failed item has a finding, and each finding on a checklist item marks it failed', '不合格检查项须逐项记录问题，记录问题的检查项须判为不合格', { checkItemId: unmatched });
        }
        itemResults = command.itemResults.map((r) => ({ checkItemId: r.checkItemId, result: r.result, note: blank(r.note) ? null : r.note!.trim() }));
      }
      const findings: Finding[] = command.findings.map((f) => ({
        id: ctx.newId(),
        checkItemId: blank(f.checkItemId) ? null : f.checkItemId!.trim(),
        riskCategory: f.riskCategory.trim(),
        description: f.description.trim(),
        photoRefs: [...(f.photoRefs ?? [])],
      }));
      return {
        ok: true,
        next: { ...base, findings, ...(itemResults ? { itemResults } : {}), recordedBy: by, signatures: [signature(command.signatureRef)], privateRemarks: remarks(command.privateRemark) },
        effects: [audit({ findings: findings.length, ...(itemResults ? { items: itemResults.length } : {}) })],
      };
    }

    case 'sign': {
      if (!present) return notOnTeam();
      if (state.signatures.some((s) => s.userId === actor.userId)) return fail('ALREADY_SIGNED', 'You have already signed this record', '您已在该检查记录上签名');
      if (blank(command.signatureRef)) return fail('SIGNATURE_REQUIRED', 'The record must be signed', '检查记录须签名');
      return {
        ok: true,
        next: { ...base, signatures: [...state.signatures, signature(command.signatureRef)], privateRemarks: remarks(command.privateRemark) },
        effects: [audit()],
      };
    }

    case 'confirm': {
      if (actor.role !== 'unit' && !present) return notOnTeam();
      const missing = incomplete();
      if (missing) return missing;
      if (blank(command.signerName) || blank(command.signatureRef)) {
        return fail('UNIT_SIGNATURE_REQUIRED', 'The unit’s responsible person must sign with their name', '须由被检查单位负责人签名确认');
      }
      if (command.capacity !== 'responsible_person' && command.capacity !== 'manager') {
        return fail('INVALID_CAPACITY', 'The signer must be the unit’s responsible person or manager', '签字人须为单位消防安全责任人或管理人');
      }
      const unitConfirmation: UnitConfirmation = {
        signerName: command.signerName.trim(),
        capacity: command.capacity,
        signatureRef: command.signatureRef.trim(),
        at: now,
        recordedBy: by,
      };
      return { ok: true, next: { ...base, unitConfirmation }, effects: [audit({ capacity: command.capacity })] };
    }

    case 'unit_refuse': {
      const missing = incomplete();
      if (missing) return missing;
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Say why the unit will not sign', '请说明拒绝签字的理由');
      if (state.unitRefusal) {
        return fail('ALREADY_REFUSED', 'The unit has already stated its refusal', '被检查单位已提交拒绝签字的陈述', { at: state.unitRefusal.by.at });
      }
      const reason = command.reason.trim();
      const effects: Effect[] = [
        audit({ reason }),
        ...state.presentInspectorIds.map(
          (userId): Effect => ({ type: 'notify', to: { kind: 'user', userId }, template: 'inspection.unit_refused', entity: 'inspection', entityId: state.id, data: { reason } }),
        ),
      ];
      return { ok: true, next: { ...base, unitRefusal: { by, reason } }, effects };
    }

    case 'record_refusal': {
      if (!present) return notOnTeam();
      const missing = incomplete();
      if (missing) return missing;
      if (blank(command.reason)) return fail('REASON_REQUIRED', 'Record what the unit refused', '请记录被检查单位拒绝签字的情况');
      if (blank(command.witness.name)) return fail('WITNESS_REQUIRED', 'A refusal is recorded before a named witness', '拒绝签字须有见证人在场并记录');
      const witnessName = command.witness.name.trim();
      if ([...state.team, ...state.experts].some((p) => p.name.trim() === witnessName)) {
        return fail('WITNESS_NOT_INDEPENDENT', 'The witness cannot be a member of the inspection team', '见证人不能是检查组成员');
      }
      const refusal: Refusal = {
        reason: command.reason.trim(),
        witness: { name: witnessName, signatureRef: blank(command.witness.signatureRef) ? null : command.witness.signatureRef!.trim() },
        recordedBy: by,
      };
      return { ok: true, next: { ...base, refusal }, effects: [audit({ witness: witnessName })] };
    }

    case 'complete': {
      if (actor.role !== 'fire_supervisor' && !onTeam) return notOnTeam();
      const effects: Effect[] = [
        audit({ findings: state.findings.length, confirmed: state.unitConfirmation !== null }),
        { type: 'notify', to: { kind: 'unit', venueId: state.venueId }, template: 'inspection.completed', entity: 'inspection', entityId: state.id },
      ];
      return { ok: true, next: { ...base, completedBy: by }, effects };
    }
  }
}

/**
 * Findings become hazards: the API calls this after `complete` and creates one hazard
 * per finding (source 'inspection', found when the inspection started). Before
 * completion it returns nothing, because an unsigned or unconfirmed record is not
 * yet evidence.
 */
export function hazardInputsFromInspection(state: InspectionState): CreateHazardInput[] {
  if (state.status !== 'completed') return [];
  const foundAt = state.startedBy?.at;
  return state.findings.map((f) => ({
    jurisdictionId: state.jurisdictionId,
    venueId: state.venueId,
    source: 'inspection',
    sourceRef: state.id,
    riskCategory: f.riskCategory,
    checkItemId: f.checkItemId,
    description: f.description,
    photoRefs: f.photoRefs,
    ...(foundAt === undefined ? {} : { foundAt }),
  }));
}
