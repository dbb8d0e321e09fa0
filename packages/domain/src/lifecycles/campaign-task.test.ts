import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { ROLES, type Role } from '../common/roles';
import {
  CAMPAIGN_TASK_STATUSES,
  campaignTaskLifecycle,
  createCampaignTask,
  isCampaignTaskOverdue,
  transitionCampaignTask,
  type CampaignTaskCommand,
  type CampaignTaskState,
  type CampaignTaskStatus,
  type CreateCampaignTaskInput,
} from './campaign-task';
import { reachable } from './machine';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, JURISDICTIONS, T0 } from './test-support';

const OWNER_DEPT = 'dept-committee-a';
const LEAD_DEPT = 'dept-edu-a';
const DEADLINE = daysLater(T0, 14).toISOString();
const AFTER_DEADLINE = daysLater(T0, 20);

const owner = actor('committee_officer', { departmentId: OWNER_DEPT });
const lead = actor('industry_officer', { departmentId: LEAD_DEPT });
const member = (role: Role, departmentId: string): Actor => actor(role, { userId: `${role}-${departmentId}`, departmentId });
const at = (who: Actor, now: Date = T0) => ctxFor(who, { now });

const input: CreateCampaignTaskInput = {
  campaignId: 'cmp-2025',
  jurisdictionId: JURISDICTIONS.districtA,
  code: '3.2',
  title: '学校宿舍违规隔断整治',
  parent: { id: 'task-3', campaignId: 'cmp-2025', code: '3' },
};

const figures = { units_inspected: 42, hazards_found: 17, hazards_remediated: 12 };

const draft = (): CampaignTaskState => expectOk(createCampaignTask(input, ctxFor(owner, { newId: () => 'task-3-2' }))).next;
const step = (s: CampaignTaskState, cmd: CampaignTaskCommand, who: Actor, now: Date = T0): CampaignTaskState =>
  expectOk(transitionCampaignTask(s, cmd, at(who, now))).next;
const assigned = () =>
  step(draft(), { type: 'assign', leadDepartmentId: LEAD_DEPT, supportingDepartmentIds: ['dept-fire-a'], deadline: DEADLINE }, owner);
const inProgress = () => step(assigned(), { type: 'start' }, lead);
const reported = () => step(inProgress(), { type: 'report_progress', figures, summary: '已排查全部寄宿制学校' }, lead);
const completed = () => step(reported(), { type: 'accept' }, owner);
const overdue = () => step(inProgress(), { type: 'mark_overdue' }, owner, AFTER_DEADLINE);

const inStatus: Record<CampaignTaskStatus, () => CampaignTaskState> = {
  draft,
  assigned,
  in_progress: inProgress,
  reported,
  completed,
  overdue,
};

const valid: Record<CampaignTaskCommand['type'], { cmd: CampaignTaskCommand; now: Date; dept: string }> = {
  assign: { cmd: { type: 'assign', leadDepartmentId: LEAD_DEPT, deadline: DEADLINE }, now: T0, dept: OWNER_DEPT },
  start: { cmd: { type: 'start' }, now: T0, dept: LEAD_DEPT },
  report_progress: { cmd: { type: 'report_progress', figures, summary: '本周进展' }, now: T0, dept: LEAD_DEPT },
  accept: { cmd: { type: 'accept' }, now: T0, dept: OWNER_DEPT },
  send_back: { cmd: { type: 'send_back', reason: '缺少整改销号数据' }, now: T0, dept: OWNER_DEPT },
  mark_overdue: { cmd: { type: 'mark_overdue' }, now: AFTER_DEADLINE, dept: OWNER_DEPT },
};

describe('campaign task lifecycle table', () => {
  it('reaches every status from draft', () => {
    expect([...reachable(campaignTaskLifecycle)].sort()).toEqual([...CAMPAIGN_TASK_STATUSES].sort());
  });

  for (const rule of campaignTaskLifecycle.transitions) {
    const { cmd, now, dept } = valid[rule.command];
    for (const from of rule.from) {
      it(`${rule.command}: ${from} → ${rule.to} for ${rule.roles.join('/')} of the right department`, () => {
        for (const role of rule.roles) {
          const before = inStatus[from]();
          const { next, effects } = expectOk(transitionCampaignTask(before, cmd, at(member(role, dept), now)));
          expect(next).toMatchObject({ status: rule.to, version: before.version + 1 });
          expect(effectsOfType(effects, 'audit')).toEqual([
            expect.objectContaining({ entity: 'campaign_task', entityId: 'task-3-2', action: rule.command, from, to: rule.to }),
          ]);
        }
      });
    }

    it(`${rule.command}: refused from other statuses, for other roles and outside the jurisdiction`, () => {
      const who = member(rule.roles[0]!, dept);
      for (const status of CAMPAIGN_TASK_STATUSES.filter((s) => !rule.from.includes(s))) {
        expect(errorOf(transitionCampaignTask(inStatus[status](), cmd, at(who, now))).code).toBe('CAMPAIGN_TASK.INVALID_TRANSITION');
      }
      const state = inStatus[rule.from[0]!]();
      for (const role of ROLES.filter((r) => !rule.roles.includes(r))) {
        expect(errorOf(transitionCampaignTask(state, cmd, at(member(role, dept), now))).code).toBe('CAMPAIGN_TASK.ROLE_NOT_ALLOWED');
      }
      const far = actor(rule.roles[0]!, { departmentId: dept, jurisdictionId: JURISDICTIONS.districtB });
      expect(errorOf(transitionCampaignTask(state, cmd, at(far, now))).code).toBe('CAMPAIGN_TASK.OUT_OF_SCOPE');
    });
  }
});

describe('createCampaignTask', () => {
  it('drafts a sub-item under its parent, owned by the drafter’s department', () => {
    const { next, effects } = expectOk(createCampaignTask(input, ctxFor(owner, { newId: () => 'task-3-2' })));
    expect(next).toMatchObject({
      id: 'task-3-2',
      status: 'draft',
      campaignId: 'cmp-2025',
      parentId: 'task-3',
      code: '3.2',
      ownerDepartmentId: OWNER_DEPT,
      leadDepartmentId: null,
      deadline: null,
      version: 1,
    });
    expect(effectsOfType(effects, 'audit')).toHaveLength(1);
    const top = expectOk(createCampaignTask({ ...input, code: '1', parent: null }, ctxFor(owner))).next;
    expect(top.parentId).toBeNull();
  });

  it('refuses a parent from another campaign, blank titles, non-owners and actors outside the jurisdiction', () => {
    const other = { ...input, parent: { id: 'task-x', campaignId: 'cmp-2024', code: '3' } };
    expect(errorOf(createCampaignTask(other, ctxFor(owner))).code).toBe('CAMPAIGN_TASK.PARENT_MISMATCH');
    // Three levels: a sub-sub-item (3.2.1) takes no children; a sub-item (3.2) does.
    expect(errorOf(createCampaignTask({ ...input, code: '3.2.1.1', parent: { id: 'task-3-2-1', campaignId: 'cmp-2025', code: '3.2.1' } }, ctxFor(owner))).code).toBe('CAMPAIGN_TASK.TOO_DEEP');
    expect(createCampaignTask({ ...input, code: '3.2.1', parent: { id: 'task-3-2', campaignId: 'cmp-2025', code: '3.2' } }, ctxFor(owner)).ok).toBe(true);
    expect(errorOf(createCampaignTask({ ...input, title: ' ' }, ctxFor(owner))).code).toBe('CAMPAIGN_TASK.TITLE_REQUIRED');
    expect(errorOf(createCampaignTask({ ...input, code: '' }, ctxFor(owner))).code).toBe('CAMPAIGN_TASK.TITLE_REQUIRED');
    for (const role of ['inspector', 'industry_officer', 'public', 'reward_officer'] as const) {
      expect(errorOf(createCampaignTask(input, ctxFor(role))).code).toBe('CAMPAIGN_TASK.ROLE_NOT_ALLOWED');
    }
    expect(errorOf(createCampaignTask({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(owner))).code).toBe(
      'CAMPAIGN_TASK.OUT_OF_SCOPE',
    );
    expect(errorOf(createCampaignTask(input, ctxFor(actor('committee_officer', { departmentId: null })))).code).toBe(
      'CAMPAIGN_TASK.NO_DEPARTMENT',
    );
  });
});

describe('assignment', () => {
  it('names the lead department and the deadline, schedules it and tells the departments', () => {
    const { next, effects } = expectOk(
      transitionCampaignTask(
        draft(),
        { type: 'assign', leadDepartmentId: LEAD_DEPT, supportingDepartmentIds: ['dept-fire-a', LEAD_DEPT, 'dept-fire-a'], deadline: DEADLINE },
        at(owner),
      ),
    );
    expect(next).toMatchObject({ leadDepartmentId: LEAD_DEPT, supportingDepartmentIds: ['dept-fire-a'], deadline: DEADLINE });
    expect(next.assignedBy).toMatchObject({ userId: owner.userId, departmentId: OWNER_DEPT });
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'campaign_task.deadline', due: DEADLINE })]);
    expect(effectsOfType(effects, 'notify').map((n) => n.to)).toEqual([
      { kind: 'department', departmentId: LEAD_DEPT },
      { kind: 'department', departmentId: 'dept-fire-a' },
    ]);
  });

  it('refuses a missing lead, a past or invalid deadline, and another department', () => {
    const assign = (over: Partial<Extract<CampaignTaskCommand, { type: 'assign' }>>, who: Actor = owner) =>
      errorOf(transitionCampaignTask(draft(), { type: 'assign', leadDepartmentId: LEAD_DEPT, deadline: DEADLINE, ...over }, at(who))).code;
    expect(assign({ leadDepartmentId: ' ' })).toBe('CAMPAIGN_TASK.LEAD_REQUIRED');
    expect(assign({ deadline: T0.toISOString() })).toBe('CAMPAIGN_TASK.DEADLINE_IN_PAST');
    expect(assign({ deadline: 'next week' })).toBe('CAMPAIGN_TASK.DEADLINE_INVALID');
    expect(assign({}, member('committee_officer', 'dept-committee-b'))).toBe('CAMPAIGN_TASK.NOT_OWNER');
  });
});

describe('work by the lead department only', () => {
  it('refuses start and progress reports from any other department, even supporting ones', () => {
    const supporting = member('inspector', 'dept-fire-a');
    expect(errorOf(transitionCampaignTask(assigned(), { type: 'start' }, at(supporting))).code).toBe('CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT');
    expect(errorOf(transitionCampaignTask(assigned(), { type: 'start' }, at(owner))).code).toBe('CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT');
    const cmd: CampaignTaskCommand = { type: 'report_progress', figures, summary: 'x' };
    expect(errorOf(transitionCampaignTask(inProgress(), cmd, at(supporting))).code).toBe('CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT');
    expect(errorOf(transitionCampaignTask(inProgress(), cmd, at(actor('industry_officer', { departmentId: null })))).code).toBe(
      'CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT',
    );
  });

  it('records progress reports with figures and tells the owner', () => {
    const { next, effects } = expectOk(
      transitionCampaignTask(inProgress(), { type: 'report_progress', figures, summary: ' 已排查全部寄宿制学校 ' }, at(lead)),
    );
    expect(next.reports).toEqual([{ figures, summary: '已排查全部寄宿制学校', by: expect.objectContaining({ departmentId: LEAD_DEPT }) }]);
    expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ to: { kind: 'department', departmentId: OWNER_DEPT } })]);
  });

  it('refuses empty reports and figures that are not whole numbers of zero or more', () => {
    const report = (f: Record<string, number>, summary = '进展') =>
      transitionCampaignTask(inProgress(), { type: 'report_progress', figures: f, summary }, at(lead));
    expect(errorOf(report({})).code).toBe('CAMPAIGN_TASK.REPORT_EMPTY');
    expect(errorOf(report(figures, ' ')).code).toBe('CAMPAIGN_TASK.REPORT_EMPTY');
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = errorOf(report({ ...figures, people_trained: bad }));
      expect(e.code).toBe('CAMPAIGN_TASK.INVALID_FIGURES');
      expect(e.details).toEqual({ fields: ['people_trained'] });
    }
    expect(report({ fire_lanes_cleared: 0 }).ok).toBe(true);
  });
});

describe('acceptance by the campaign owner', () => {
  it('completes the task and cancels its deadline', () => {
    const { next, effects } = expectOk(transitionCampaignTask(reported(), { type: 'accept' }, at(owner)));
    expect(next.acceptedBy).toMatchObject({ userId: owner.userId });
    expect(effectsOfType(effects, 'cancelDeadline')).toEqual([expect.objectContaining({ kind: 'campaign_task.deadline' })]);
    expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ to: { kind: 'department', departmentId: LEAD_DEPT } })]);
  });

  it('sends back to in progress with a reason; reports accumulate', () => {
    expect(errorOf(transitionCampaignTask(reported(), { type: 'send_back', reason: '' }, at(owner))).code).toBe('CAMPAIGN_TASK.REASON_REQUIRED');
    const back = step(reported(), { type: 'send_back', reason: '缺少整改销号数据' }, owner);
    expect(back).toMatchObject({ status: 'in_progress', sentBack: { reason: '缺少整改销号数据' } });
    const again = step(back, { type: 'report_progress', figures: { ...figures, hazards_remediated: 17 }, summary: '全部销号' }, lead);
    expect(again.reports.map((r) => r.figures.hazards_remediated)).toEqual([12, 17]);
  });

  it('refuses acceptance or send-back from a department that does not own the campaign', () => {
    const other = member('fire_supervisor', 'dept-fire-a');
    expect(errorOf(transitionCampaignTask(reported(), { type: 'accept' }, at(other))).code).toBe('CAMPAIGN_TASK.NOT_OWNER');
    expect(errorOf(transitionCampaignTask(reported(), { type: 'send_back', reason: 'x' }, at(other))).code).toBe('CAMPAIGN_TASK.NOT_OWNER');
  });
});

describe('overdue', () => {
  it('is marked only after the deadline has passed', () => {
    expect(errorOf(transitionCampaignTask(inProgress(), { type: 'mark_overdue' }, at(owner, daysLater(T0, 3)))).code).toBe(
      'CAMPAIGN_TASK.NOT_OVERDUE',
    );
    expect(errorOf(transitionCampaignTask(assigned(), { type: 'mark_overdue' }, at(owner, new Date(DEADLINE)))).code).toBe(
      'CAMPAIGN_TASK.NOT_OVERDUE',
    );
    const just = new Date(Date.parse(DEADLINE) + 1);
    const { next, effects } = expectOk(transitionCampaignTask(assigned(), { type: 'mark_overdue' }, at(owner, just)));
    expect(next.overdueMarkedBy).toMatchObject({ at: just.toISOString() });
    expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ template: 'campaign_task.overdue' })]);
  });

  it('still lets the lead department report, and an overdue task can be completed', () => {
    const late = step(overdue(), { type: 'report_progress', figures, summary: '逾期完成' }, lead, daysLater(T0, 21));
    expect(step(late, { type: 'accept' }, owner, daysLater(T0, 22)).status).toBe('completed');
  });

  it('is derived for dashboards before the job marks it', () => {
    expect(isCampaignTaskOverdue(inProgress(), daysLater(T0, 3))).toBe(false);
    expect(isCampaignTaskOverdue(inProgress(), AFTER_DEADLINE)).toBe(true);
    expect(isCampaignTaskOverdue(assigned(), AFTER_DEADLINE)).toBe(true);
    expect(isCampaignTaskOverdue(reported(), AFTER_DEADLINE)).toBe(false);
    expect(isCampaignTaskOverdue(completed(), AFTER_DEADLINE)).toBe(false);
    expect(isCampaignTaskOverdue(draft(), AFTER_DEADLINE)).toBe(false);
    expect(isCampaignTaskOverdue(overdue(), T0)).toBe(true);
  });
});
