import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignTasks, campaigns, countAuditEntries, countRows, enforcementActions, hazards, insertEntity, inspections } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import type { Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let owner: Caller;
let lead: Caller;

beforeAll(async () => {
  world = await createWorld();
  owner = world.as('supervisorA');
  lead = world.as('industry');
});
afterAll(async () => world?.close());

const deadline = () => new Date(world.now.getTime() + 30 * 86_400_000).toISOString();
const newCampaign = (c: Caller = owner, jurisdictionId = world.j.districtA) =>
  c.campaigns.create({ name: '电动自行车消防安全专项整治', jurisdictionId, startsOn: '2026-03-01', endsOn: '2026-06-30', plan: { cadence: 'weekly' } });

describe('campaigns.create', () => {
  it('creates a campaign in scope, audited', async () => {
    const c = await newCampaign();
    expect(c).toMatchObject({ name: '电动自行车消防安全专项整治', jurisdictionId: world.j.districtA, status: 'planned', plan: { cadence: 'weekly' } });
    expect(await countAuditEntries(world.db.db, { entity: 'campaign', entityId: c.id, action: 'create' })).toBe(1);
  });

  it('refuses other roles, other districts and bad dates, creating nothing', async () => {
    const before = await countRows(world.db.db, campaigns);
    await expectRefusal(newCampaign(world.as('inspectorA1')), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(newCampaign(world.as('supervisorB')), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectInvalidInput(owner.campaigns.create({ name: 'x', jurisdictionId: world.j.districtA, startsOn: '2026-03-01', endsOn: '2026-02-01' }), 'endsOn');
    await expectRefusal(
      owner.campaigns.create({ name: 'x', jurisdictionId: world.j.districtA, startsOn: '2026-03-01', leadDepartmentId: randomUUID() }),
      'NOT_FOUND',
      'DEPARTMENT.NOT_FOUND',
    );
    expect(await countRows(world.db.db, campaigns)).toBe(before);
  });
});

describe('campaigns task tree', () => {
  it('numbers tasks as an outline (7/22/91 split) under their parents', async () => {
    const c = await newCampaign();
    const t1 = await owner.campaigns.addTask({ campaignId: c.id, title: '开展电动自行车违规停放充电排查' });
    const t2 = await owner.campaigns.addTask({ campaignId: c.id, title: '开展宣传教育' });
    const t11 = await owner.campaigns.addTask({ campaignId: c.id, parentId: t1.id, title: '住宅小区排查' });
    const t12 = await owner.campaigns.addTask({ campaignId: c.id, parentId: t1.id, title: '群租房排查' });
    const t111 = await owner.campaigns.addTask({ campaignId: c.id, parentId: t11.id, title: '楼道充电清理' });
    expect([t1, t2, t11, t12, t111].map((t) => t.state.code)).toEqual(['1', '2', '1.1', '1.2', '1.1.1']);
    expect(t111).toMatchObject({ status: 'draft', state: { parentId: t11.id, ownerDepartmentId: world.d.brigadeA } });
    const got = await owner.campaigns.get({ campaignId: c.id });
    expect(got.tasks.map((t) => [t.code, t.children.map((x) => x.code)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', []],
    ]);
    expect(got.tasks[0]!.children[0]!.children.map((x) => x.code)).toEqual(['1.1.1']);
  });

  it('refuses other roles, other districts, blank titles and parents from another campaign', async () => {
    const c = await newCampaign();
    const other = await newCampaign();
    const parent = await owner.campaigns.addTask({ campaignId: other.id, title: '其他行动任务' });
    const before = await countRows(world.db.db, campaignTasks);
    await expectRefusal(lead.campaigns.addTask({ campaignId: c.id, title: '任务' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorB').campaigns.addTask({ campaignId: c.id, title: '任务' }), 'FORBIDDEN', 'CAMPAIGN_TASK.OUT_OF_SCOPE');
    await expectRefusal(owner.campaigns.addTask({ campaignId: c.id, title: '  ' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.TITLE_REQUIRED');
    await expectRefusal(owner.campaigns.addTask({ campaignId: c.id, parentId: parent.id, title: '任务' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.PARENT_MISMATCH');
    await expectRefusal(owner.campaigns.addTask({ campaignId: randomUUID(), title: '任务' }), 'NOT_FOUND', 'CAMPAIGN.NOT_FOUND');
    expect(await countRows(world.db.db, campaignTasks)).toBe(before);
  });
});

describe('campaigns task lifecycle', () => {
  it('assigns to a lead department that starts, reports figures and is accepted or sent back', async () => {
    const c = await newCampaign();
    const t = await owner.campaigns.addTask({ campaignId: c.id, title: '校外培训机构排查' });
    const due = deadline();
    const assigned = await owner.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, supportingDepartmentIds: [world.d.policeA], deadline: due });
    expect(assigned).toMatchObject({ status: 'assigned', state: { leadDepartmentId: world.d.education, supportingDepartmentIds: [world.d.policeA], deadline: due } });
    expect(await lead.campaigns.start({ taskId: t.id })).toMatchObject({ status: 'in_progress' });
    const reported = await lead.campaigns.reportProgress({ taskId: t.id, figures: { unitsInspected: 12, fireLanesCleared: 3, peopleTrained: 120 }, summary: '完成第一轮排查' });
    expect(reported.status).toBe('reported');
    expect(await owner.campaigns.sendBack({ taskId: t.id, reason: '数据不完整' })).toMatchObject({ status: 'in_progress', state: { sentBack: { reason: '数据不完整' } } });
    await lead.campaigns.reportProgress({ taskId: t.id, figures: { unitsInspected: 15, fireLanesCleared: 4, peopleTrained: 150 }, summary: '补充数据' });
    expect(await owner.campaigns.accept({ taskId: t.id })).toMatchObject({ status: 'completed' });
    const got = await lead.campaigns.get({ campaignId: c.id });
    expect(got.progress.map((p) => p.figures.unitsInspected)).toEqual([12, 15]);
    expect(got.tasks[0]).toMatchObject({ status: 'completed', leadDepartmentId: world.d.education });
  });

  it('marks a task overdue only after its deadline', async () => {
    const c = await newCampaign();
    const t = await owner.campaigns.addTask({ campaignId: c.id, title: '限期整改' });
    await owner.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() });
    await expectRefusal(owner.campaigns.markOverdue({ taskId: t.id }), 'BAD_REQUEST', 'CAMPAIGN_TASK.NOT_OVERDUE');
    const saved = world.now;
    try {
      world.now = new Date(world.now.getTime() + 40 * 86_400_000);
      expect((await owner.campaigns.get({ campaignId: c.id })).tasks[0]!.overdue).toBe(true);
      expect(await owner.campaigns.markOverdue({ taskId: t.id })).toMatchObject({ status: 'overdue' });
    } finally {
      world.now = saved;
    }
  });

  it('refuses the wrong department, role or district and bad figures, changing nothing', async () => {
    const c = await newCampaign();
    const t = await owner.campaigns.addTask({ campaignId: c.id, title: '任务' });
    await expectRefusal(owner.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: '2020-01-01T00:00:00Z' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.DEADLINE_IN_PAST');
    await expectRefusal(owner.campaigns.assign({ taskId: t.id, leadDepartmentId: randomUUID(), deadline: deadline() }), 'NOT_FOUND', 'DEPARTMENT.NOT_FOUND');
    await expectRefusal(world.as('supervisorB').campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() }), 'FORBIDDEN', 'CAMPAIGN_TASK.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() }), 'FORBIDDEN', 'CAMPAIGN_TASK.NOT_OWNER');
    await owner.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() });
    await expectRefusal(world.as('committee').campaigns.start({ taskId: t.id }), 'FORBIDDEN', 'CAMPAIGN_TASK.NOT_LEAD_DEPARTMENT');
    // The 甲街 police station sees only its street, not the district the task sits in.
    await expectRefusal(world.as('police').campaigns.start({ taskId: t.id }), 'FORBIDDEN', 'CAMPAIGN_TASK.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').campaigns.start({ taskId: t.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await lead.campaigns.start({ taskId: t.id });
    const audit = await countRows(world.db.db, auditLog);
    await expectRefusal(lead.campaigns.reportProgress({ taskId: t.id, figures: { peopleTrained: -1 }, summary: '说明' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.INVALID_FIGURES');
    await expectRefusal(lead.campaigns.reportProgress({ taskId: t.id, figures: {}, summary: '说明' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.REPORT_EMPTY');
    await expectRefusal(lead.campaigns.accept({ taskId: t.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(owner.campaigns.accept({ taskId: t.id }), 'CONFLICT', 'CAMPAIGN_TASK.INVALID_TRANSITION');
    expect(await countRows(world.db.db, auditLog)).toBe(audit);
    expect((await owner.campaigns.get({ campaignId: c.id })).tasks[0]!.status).toBe('in_progress');
  });
});

describe('campaigns.list / get', () => {
  it('lists the subtree and shows the four lists: tasks, progress, hazards, measures', async () => {
    const c = await newCampaign();
    const b = await newCampaign(world.as('supervisorB'), world.j.districtB);
    const inspectionId = randomUUID();
    await insertEntity(world.db.db, inspections, {
      values: { id: inspectionId, jurisdictionId: world.j.gridA, venueId: world.venues.A, source: 'campaign', departmentId: world.d.brigadeA, campaignId: c.id },
      state: { id: inspectionId, status: 'completed' } as { status: string },
      effects: [],
    });
    const hazardId = randomUUID();
    await insertEntity(world.db.db, hazards, {
      values: { id: hazardId, jurisdictionId: world.j.gridA, venueId: world.venues.A, inspectionId, riskCategory: 'ebike_indoor', source: 'inspection' },
      state: { id: hazardId, status: 'ordered' } as { status: string },
      effects: [],
    });
    const fineId = randomUUID();
    await insertEntity(world.db.db, enforcementActions, {
      values: { id: fineId, jurisdictionId: world.j.gridA, venueId: world.venues.A, hazardId, kind: 'fine', amountFen: 500_000, departmentId: world.d.brigadeA },
      state: { id: fineId, status: 'decided', hazardIds: [hazardId] } as { status: string },
      effects: [],
    });
    const got = await world.as('inspectorA1').campaigns.get({ campaignId: c.id });
    expect(got.hazards).toEqual([expect.objectContaining({ id: hazardId, venueName: '甲区好又多超市', riskCategory: 'ebike_indoor', status: 'ordered' })]);
    expect(got.measures).toEqual([expect.objectContaining({ id: fineId, kind: 'fine', amountFen: 500_000, departmentName: '甲区消防救援大队' })]);

    const aList = await owner.campaigns.list({ limit: 200 });
    expect(aList.map((x) => x.id)).toContain(c.id);
    expect(aList.map((x) => x.id)).not.toContain(b.id);
    expect((await world.as('committee').campaigns.list({ limit: 200 })).map((x) => x.id)).toEqual(expect.arrayContaining([c.id, b.id]));
    await expectRefusal(owner.campaigns.get({ campaignId: b.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('rewardOfficer').campaigns.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(owner.campaigns.get({ campaignId: 'nope' }), 'campaignId');
  });
});

describe('campaigns: owner commands refused to others', () => {
  it('refuses accept, sendBack and markOverdue to other roles, districts and departments, changing nothing', async () => {
    const c = await newCampaign();
    const t = await owner.campaigns.addTask({ campaignId: c.id, title: '复核任务' });
    await owner.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() });
    await lead.campaigns.start({ taskId: t.id });
    await lead.campaigns.reportProgress({ taskId: t.id, figures: { unitsInspected: 1 }, summary: '已完成' });
    const audit = await countRows(world.db.db, auditLog);
    for (const call of [
      (x: Caller) => x.campaigns.accept({ taskId: t.id }),
      (x: Caller) => x.campaigns.sendBack({ taskId: t.id, reason: '退回' }),
    ]) {
      await expectRefusal(call(lead), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
      await expectRefusal(call(world.as('supervisorB')), 'FORBIDDEN', 'CAMPAIGN_TASK.OUT_OF_SCOPE');
    }
    await expectRefusal(world.as('supervisorCity').campaigns.accept({ taskId: t.id }), 'FORBIDDEN', 'CAMPAIGN_TASK.NOT_OWNER');
    await expectRefusal(owner.campaigns.sendBack({ taskId: t.id, reason: '  ' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.REASON_REQUIRED');
    await expectRefusal(owner.campaigns.markOverdue({ taskId: t.id }), 'CONFLICT', 'CAMPAIGN_TASK.INVALID_TRANSITION');
    expect(await countRows(world.db.db, auditLog)).toBe(audit);
    expect((await owner.campaigns.get({ campaignId: c.id })).tasks[0]!.status).toBe('reported');

    const late = await owner.campaigns.addTask({ campaignId: c.id, title: '逾期任务' });
    await owner.campaigns.assign({ taskId: late.id, leadDepartmentId: world.d.education, deadline: deadline() });
    const saved = world.now;
    try {
      world.now = new Date(world.now.getTime() + 40 * 86_400_000);
      await expectRefusal(lead.campaigns.markOverdue({ taskId: late.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
      await expectRefusal(world.as('supervisorB').campaigns.markOverdue({ taskId: late.id }), 'FORBIDDEN', 'CAMPAIGN_TASK.OUT_OF_SCOPE');
      await expectRefusal(world.as('committee').campaigns.markOverdue({ taskId: late.id }), 'FORBIDDEN', 'CAMPAIGN_TASK.NOT_OWNER');
    } finally {
      world.now = saved;
    }
  });
});
