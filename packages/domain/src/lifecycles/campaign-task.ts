import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';
import { auditEffect, defineLifecycle, guard } from './machine';

/**
 * Campaign task (专项行动任务): one line of a campaign's task list, nested by
 * parentId into the "7 items / 22 sub-items / 91 sub-sub-items" tree. The lead
 * department does the work and reports progress; the campaign owner's department
 * accepts it or sends it back. The deadline is the campaign plan's, not a
 * statutory limit, so it is given at assignment rather than computed.
 */
export const CAMPAIGN_TASK_STATUSES = ['draft', 'assigned', 'in_progress', 'reported', 'completed', 'overdue'] as const;
export type CampaignTaskStatus = (typeof CAMPAIGN_TASK_STATUSES)[number];

/** Roles of a campaign's owner (消安委办 / fire agency head) who draft, assign and accept. */
export const CAMPAIGN_OWNER_ROLES = ['committee_officer', 'fire_supervisor'] as const satisfies readonly Role[];
/** Staff of any department that can lead a task; department membership is checked separately. */
export const CAMPAIGN_LEAD_ROLES = [
  'committee_officer',
  'fire_supervisor',
  'inspector',
  'police_officer',
  'industry_officer',
] as const satisfies readonly Role[];

export const campaignTaskLifecycle = defineLifecycle({
  name: 'CAMPAIGN_TASK',
  entity: 'campaign_task',
  title: { zh: '专项行动任务', en: 'Campaign task' },
  states: CAMPAIGN_TASK_STATUSES,
  initial: 'draft',
  terminal: ['completed'],
  transitions: [
    {
      command: 'assign',
      from: ['draft'],
      to: 'assigned',
      roles: CAMPAIGN_OWNER_ROLES,
      label: { zh: '分解下达', en: 'Assign' },
      scoped: true,
    },
    {
      command: 'start',
      from: ['assigned'],
      to: 'in_progress',
      roles: CAMPAIGN_LEAD_ROLES,
      label: { zh: '开始推进', en: 'Start' },
      scoped: true,
    },
    {
      command: 'report_progress',
      from: ['in_progress', 'overdue'],
      to: 'reported',
      roles: CAMPAIGN_LEAD_ROLES,
      label: { zh: '报送进展', en: 'Report progress' },
      scoped: true,
    },
    {
      command: 'accept',
      from: ['reported'],
      to: 'completed',
      roles: CAMPAIGN_OWNER_ROLES,
      label: { zh: '验收完成', en: 'Accept as completed' },
      scoped: true,
    },
    {
      command: 'send_back',
      from: ['reported'],
      to: 'in_progress',
      roles: CAMPAIGN_OWNER_ROLES,
      label: { zh: '退回继续推进', en: 'Send back' },
      scoped: true,
    },
    {
      command: 'mark_overdue',
      from: ['assigned', 'in_progress'],
      to: 'overdue',
      roles: CAMPAIGN_OWNER_ROLES,
      label: { zh: '标记逾期', en: 'Mark overdue' },
      scoped: true,
    },
  ],
});

/** A progress report ("进展清单" line): named figures (units inspected, hazards remediated ...) and a summary. */
export interface CampaignProgressReport {
  readonly figures: Readonly<Record<string, number>>;
  readonly summary: string;
  readonly by: ActorStamp;
}

export interface CampaignTaskState {
  readonly id: string;
  readonly status: CampaignTaskStatus;
  readonly jurisdictionId: string;
  readonly campaignId: string;
  readonly parentId: string | null;
  /** Outline number in the task list, e.g. '3.2.14'. */
  readonly code: string;
  readonly title: string;
  readonly ownerDepartmentId: string;
  readonly createdBy: ActorStamp;
  readonly leadDepartmentId: string | null;
  readonly supportingDepartmentIds: readonly string[];
  readonly deadline: string | null;
  readonly assignedBy: ActorStamp | null;
  readonly startedBy: ActorStamp | null;
  readonly reports: readonly CampaignProgressReport[];
  readonly sentBack: { readonly reason: string; readonly by: ActorStamp } | null;
  readonly overdueMarkedBy: ActorStamp | null;
  readonly acceptedBy: ActorStamp | null;
  readonly version: number;
}

export type CampaignTaskCommand =
  | {
      readonly type: 'assign';
      readonly leadDepartmentId: string;
      readonly supportingDepartmentIds?: readonly string[];
      /** ISO instant from the campaign plan. */
      readonly deadline: string;
    }
  | { readonly type: 'start' }
  | { readonly type: 'report_progress'; readonly figures: Readonly<Record<string, number>>; readonly summary: string }
  | { readonly type: 'accept' }
  | { readonly type: 'send_back'; readonly reason: string }
  | { readonly type: 'mark_overdue' };

export interface CreateCampaignTaskInput {
  readonly campaignId: string;
  readonly jurisdictionId: string;
  readonly code: string;
  readonly title: string;
  /** The parent task, when this is a sub-item; it must belong to the same campaign. */
  readonly parent: Pick<CampaignTaskState, 'id' | 'campaignId' | 'code'> | null;
}

const TASK_DEADLINE = 'campaign_task.deadline';

/** Items → sub-items → sub-sub-items (7 / 22 / 91 in the seeds' city): the outline stops at three levels. */
export const CAMPAIGN_TASK_MAX_DEPTH = 3;

export function createCampaignTask(input: CreateCampaignTaskInput, ctx: TransitionContext): TransitionResult<CampaignTaskState> {
  const role: Role = ctx.actor.role;
  if (!(CAMPAIGN_OWNER_ROLES as readonly Role[]).includes(role)) {
    return err('CAMPAIGN_TASK.ROLE_NOT_ALLOWED', `Role ${role} may not draft campaign tasks`, '当前角色无权拟定专项行动任务', { role });
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, input.jurisdictionId)) {
    return err('CAMPAIGN_TASK.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  if (ctx.actor.departmentId === null) {
    return err('CAMPAIGN_TASK.NO_DEPARTMENT', 'The campaign owner must belong to a department', '任务下达人须隶属于某一部门');
  }
  const title = input.title.trim();
  const code = input.code.trim();
  if (title === '' || code === '') {
    return err('CAMPAIGN_TASK.TITLE_REQUIRED', 'A task needs an outline number and a title', '任务须有编号和名称');
  }
  if (input.parent && input.parent.code.split('.').length >= CAMPAIGN_TASK_MAX_DEPTH) {
    return err('CAMPAIGN_TASK.TOO_DEEP', 'The task list has three levels: items, sub-items and sub-sub-items', '任务清单分为大项、子项、细项三级，不能再往下分解', {
      parentId: input.parent.id,
    });
  }
  if (input.parent && input.parent.campaignId !== input.campaignId) {
    return err('CAMPAIGN_TASK.PARENT_MISMATCH', 'The parent task belongs to another campaign', '上级任务不属于同一专项行动', {
      parentId: input.parent.id,
    });
  }
  const id = ctx.newId();
  const next: CampaignTaskState = {
    id,
    status: 'draft',
    jurisdictionId: input.jurisdictionId,
    campaignId: input.campaignId,
    parentId: input.parent?.id ?? null,
    code,
    title,
    ownerDepartmentId: ctx.actor.departmentId,
    createdBy: stamp(ctx.actor, ctx.now),
    leadDepartmentId: null,
    supportingDepartmentIds: [],
    deadline: null,
    assignedBy: null,
    startedBy: null,
    reports: [],
    sentBack: null,
    overdueMarkedBy: null,
    acceptedBy: null,
    version: 1,
  };
  return {
    ok: true,
    next,
    effects: [auditEffect(campaignTaskLifecycle, id, 'create', null, 'draft', ctx, { campaignId: input.campaignId, parentId: next.parentId })],
  };
}

/** Dashboards need "overdue" for tasks the job has not marked yet. */
export function isCampaignTaskOverdue(state: Pick<CampaignTaskState, 'status' | 'deadline'>, now: Date): boolean {
  if (state.status === 'overdue') return true;
  if (state.deadline === null || (state.status !== 'assigned' && state.status !== 'in_progress')) return false;
  return now.getTime() > Date.parse(state.deadline);
}

export function transitionCampaignTask(
  state: CampaignTaskState,
  command: CampaignTaskCommand,
  ctx: TransitionContext,
): TransitionResult<CampaignTaskState> {
  const g = guard(campaignTaskLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const bump = (patch: Partial<CampaignTaskState>): CampaignTaskState => ({
    ...state,
    ...patch,
    status: to,
    version: state.version + 1,
  });
  const audit = (data?: Record<string, unknown>) =>
    auditEffect(campaignTaskLifecycle, state.id, command.type, state.status, to, ctx, data);
  const notOwner = () =>
    err('CAMPAIGN_TASK.NOT_OWNER', 'Only the department that owns the campaign may do this', '只有专项行动牵头下达部门可以执行此操作', {
      ownerDepartmentId: state.ownerDepartmentId,
    });
  const notLead = () =>
    err('CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT', 'Only the lead department may do this', '只有牵头部门可以执行此操作', {
      leadDepartmentId: state.leadDepartmentId,
    });
  const toLead = (template: string): Effect[] =>
    state.leadDepartmentId
      ? [{ type: 'notify', to: { kind: 'department', departmentId: state.leadDepartmentId }, template, entity: 'campaign_task', entityId: state.id }]
      : [];

  switch (command.type) {
    case 'assign': {
      if (ctx.actor.departmentId !== state.ownerDepartmentId) return notOwner();
      const lead = command.leadDepartmentId.trim();
      if (lead === '') return err('CAMPAIGN_TASK.LEAD_REQUIRED', 'A lead department is required', '请指定牵头部门');
      const due = new Date(command.deadline);
      if (Number.isNaN(due.getTime())) {
        return err('CAMPAIGN_TASK.DEADLINE_INVALID', 'The deadline is not a valid date', '完成时限格式不正确', { deadline: command.deadline });
      }
      if (due.getTime() <= ctx.now.getTime()) {
        return err('CAMPAIGN_TASK.DEADLINE_IN_PAST', 'The deadline must be in the future', '完成时限须晚于当前时间', { deadline: command.deadline });
      }
      const supporting = [...new Set(command.supportingDepartmentIds ?? [])].filter((d) => d !== lead);
      const deadline = due.toISOString();
      return {
        ok: true,
        next: bump({ leadDepartmentId: lead, supportingDepartmentIds: supporting, deadline, assignedBy: by }),
        effects: [
          audit({ leadDepartmentId: lead, deadline }),
          { type: 'deadline', entity: 'campaign_task', entityId: state.id, kind: TASK_DEADLINE, due: deadline, basis: '专项行动工作方案（任务完成时限）' },
          { type: 'notify', to: { kind: 'department', departmentId: lead }, template: 'campaign_task.assigned', entity: 'campaign_task', entityId: state.id },
          ...supporting.map(
            (d): Effect => ({ type: 'notify', to: { kind: 'department', departmentId: d }, template: 'campaign_task.supporting', entity: 'campaign_task', entityId: state.id }),
          ),
        ],
      };
    }

    case 'start':
      if (ctx.actor.departmentId === null || ctx.actor.departmentId !== state.leadDepartmentId) return notLead();
      return { ok: true, next: bump({ startedBy: by }), effects: [audit()] };

    case 'report_progress': {
      if (ctx.actor.departmentId === null || ctx.actor.departmentId !== state.leadDepartmentId) return notLead();
      const summary = command.summary.trim();
      const entries = Object.entries(command.figures);
      if (summary === '' || entries.length === 0) {
        return err('CAMPAIGN_TASK.REPORT_EMPTY', 'A progress report needs figures and a summary', '进展报告须包含统计数据和文字说明');
      }
      const bad = entries.filter(([k, v]) => k.trim() === '' || !Number.isSafeInteger(v) || v < 0).map(([k]) => k);
      if (bad.length > 0) {
        return err('CAMPAIGN_TASK.INVALID_FIGURES', 'Figures must be whole numbers of zero or more', '统计数据须为非负整数', { fields: bad });
      }
      const report: CampaignProgressReport = { figures: Object.fromEntries(entries), summary, by };
      return {
        ok: true,
        next: bump({ reports: [...state.reports, report] }),
        effects: [
          audit({ figures: report.figures }),
          { type: 'notify', to: { kind: 'department', departmentId: state.ownerDepartmentId }, template: 'campaign_task.reported', entity: 'campaign_task', entityId: state.id },
        ],
      };
    }

    case 'accept':
      if (ctx.actor.departmentId !== state.ownerDepartmentId) return notOwner();
      return {
        ok: true,
        next: bump({ acceptedBy: by }),
        effects: [
          audit(),
          { type: 'cancelDeadline', entity: 'campaign_task', entityId: state.id, kind: TASK_DEADLINE },
          ...toLead('campaign_task.completed'),
        ],
      };

    case 'send_back': {
      if (ctx.actor.departmentId !== state.ownerDepartmentId) return notOwner();
      const reason = command.reason.trim();
      if (reason === '') return err('CAMPAIGN_TASK.REASON_REQUIRED', 'Give the reason for sending back', '请填写退回理由');
      return { ok: true, next: bump({ sentBack: { reason, by } }), effects: [audit({ reason }), ...toLead('campaign_task.sent_back')] };
    }

    case 'mark_overdue':
      if (ctx.actor.departmentId !== state.ownerDepartmentId) return notOwner();
      if (!isCampaignTaskOverdue(state, ctx.now)) {
        return err('CAMPAIGN_TASK.NOT_OVERDUE', 'The deadline has not passed yet', '尚未超过完成时限', { deadline: state.deadline });
      }
      return { ok: true, next: bump({ overdueMarkedBy: by }), effects: [audit({ deadline: state.deadline }), ...toLead('campaign_task.overdue')] };
  }
}
