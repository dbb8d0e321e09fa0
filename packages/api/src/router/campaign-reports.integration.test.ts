import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignReports, campaignTasks, countAuditEntries, countRows } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import type { Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let committee: Caller;
let lead: Caller;

beforeAll(async () => {
  world = await createWorld();
  committee = world.as('committee');
  lead = world.as('industry');
});
afterAll(async () => world?.close());

/** The append-only trigger's own SQLSTATE (migration 0001), not just any failure. */
async function expectAppendOnly(write: PromiseLike<unknown>) {
  const e = await Promise.resolve(write).then(
    () => null,
    (x: unknown) => x as { cause?: { code?: string } },
  );
  expect(e?.cause?.code).toBe('FBA01');
}

const deadline = (days = 30) => new Date(world.now.getTime() + days * 86_400_000).toISOString();

/** A city campaign with item 1 split into 1.1 and 1.2, both led by the education bureau; 1.1 accepted, 1.2 reported. */
async function campaignWithTree() {
  const c = await committee.campaigns.create({ name: '校园消防安全专项整治', jurisdictionId: world.j.city, leadDepartmentId: world.d.committee, startsOn: '2026-03-01', endsOn: '2026-06-30' });
  const item = await committee.campaigns.addTask({ campaignId: c.id, title: '学校排查整治' });
  const a = await committee.campaigns.addTask({ campaignId: c.id, parentId: item.id, title: '中小学宿舍排查' });
  const b = await committee.campaigns.addTask({ campaignId: c.id, parentId: item.id, title: '幼儿园排查' });
  for (const t of [a, b]) {
    await committee.campaigns.assign({ taskId: t.id, leadDepartmentId: world.d.education, deadline: deadline() });
    await lead.campaigns.start({ taskId: t.id });
    await lead.campaigns.reportProgress({ taskId: t.id, figures: { unitsInspected: 8, peopleTrained: 40 }, summary: `${t.state.title}完成` });
  }
  await committee.campaigns.accept({ taskId: a.id });
  return { c, item, a, b };
}

describe('campaigns.get roll-up', () => {
  it('rolls progress up the tree and names the lead departments', async () => {
    const { c } = await campaignWithTree();
    const got = await lead.campaigns.get({ campaignId: c.id });
    expect(got.progressTotal).toMatchObject({ leaves: 2, completed: 1, percent: 50, overdueTasks: 0 });
    expect(got.tasks[0]).toMatchObject({ code: '1', rollup: { leaves: 2, completed: 1, percent: 50 } });
    expect(got.tasks[0]!.children.map((t) => [t.code, t.status, t.rollup.percent, t.leadDepartmentName])).toEqual([
      ['1.1', 'completed', 100, '测试市教育局'],
      ['1.2', 'reported', 0, '测试市教育局'],
    ]);
    expect(got.tasks[0]!.children[1]!.latestReport).toMatchObject({ summary: '幼儿园排查完成', figures: { unitsInspected: 8 }, by: '冯科长' });
    expect(got.campaign.leadDepartmentName).toBe('测试市消安委办');
  });

  it('a task past its deadline stands out and counts in its parent', async () => {
    const c = await committee.campaigns.create({ name: '逾期测试', jurisdictionId: world.j.city, startsOn: '2026-03-01' });
    const item = await committee.campaigns.addTask({ campaignId: c.id, title: '大项' });
    const sub = await committee.campaigns.addTask({ campaignId: c.id, parentId: item.id, title: '子项' });
    await committee.campaigns.assign({ taskId: sub.id, leadDepartmentId: world.d.education, deadline: deadline(2) });
    const saved = world.now;
    try {
      world.now = new Date(saved.getTime() + 5 * 86_400_000);
      const got = await committee.campaigns.get({ campaignId: c.id });
      expect(got.tasks[0]!.rollup).toMatchObject({ overdueLeaves: 1, overdue: false });
      expect(got.tasks[0]!.children[0]).toMatchObject({ overdue: true, status: 'assigned' });
      expect(got.progressTotal.overdueTasks).toBe(1);
    } finally {
      world.now = saved;
    }
  });
});

describe('campaigns task tree depth', () => {
  it('stops at sub-sub-items: a fourth level is refused and nothing is added', async () => {
    const c = await committee.campaigns.create({ name: '层级测试', jurisdictionId: world.j.city, startsOn: '2026-03-01' });
    const item = await committee.campaigns.addTask({ campaignId: c.id, title: '大项' });
    const sub = await committee.campaigns.addTask({ campaignId: c.id, parentId: item.id, title: '子项' });
    const leaf = await committee.campaigns.addTask({ campaignId: c.id, parentId: sub.id, title: '细项' });
    expect(leaf.state.code).toBe('1.1.1');
    const before = await countRows(world.db.db, campaignTasks);
    await expectRefusal(committee.campaigns.addTask({ campaignId: c.id, parentId: leaf.id, title: '第四级' }), 'BAD_REQUEST', 'CAMPAIGN_TASK.TOO_DEEP');
    expect(await countRows(world.db.db, campaignTasks)).toBe(before);
  });
});

describe('campaigns.departments', () => {
  it("offers the departments of the caller's subtree, to campaign managers only", async () => {
    const depts = await committee.campaigns.departments({});
    expect(depts.map((d) => d.name)).toEqual(expect.arrayContaining(['测试市教育局', '甲区消防救援大队']));
    const district = await world.as('supervisorA').campaigns.departments({});
    expect(district.map((d) => d.id)).not.toContain(world.d.education);
    await expectRefusal(lead.campaigns.departments({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});

describe('cadence reports', () => {
  it('drafts from the data, issues with the edited text, numbers per kind, and keeps the issued report unchanged', async () => {
    const { c } = await campaignWithTree();
    const draft = await committee.campaigns.draftReport({ campaignId: c.id, kind: 'weekly_analysis' });
    expect(draft.period).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(draft.figures).toMatchObject({ leaves: 2, completed: 1, percent: 50, progressReportsInPeriod: 2, reported: { unitsInspected: 16, peopleTrained: 80 } });
    expect(draft.sections.find((s) => s.key === 'overview')!.text).toContain('完成率50%');
    const sections = draft.sections.map((s) => ({ key: s.key, text: s.key === 'next_steps' ? '下周召开全市调度会，督促幼儿园排查验收。' : s.text }));
    const issued = await committee.campaigns.issueReport({ campaignId: c.id, kind: 'weekly_analysis', on: draft.period.from, title: draft.title, sections });
    expect(issued).toMatchObject({ sequence: 1, issueNumber: '每周分析研判〔2026〕第1期', periodFrom: '2026-03-02', periodTo: '2026-03-08', issuedByName: '陈主任' });
    expect(await countAuditEntries(world.db.db, { entity: 'campaign_report', entityId: issued.id, action: 'issue' })).toBe(1);

    // The industry bureau reads it (dashboard.read), with the officer's words and the computed tables.
    const read = await lead.campaigns.report({ reportId: issued.id });
    expect(read.sections.find((s) => s.key === 'next_steps')!.text).toBe('下周召开全市调度会，督促幼儿园排查验收。');
    expect(read.sections.find((s) => s.key === 'tasks')!.table!.rows.map((r) => r[0])).toEqual(['1', '1.1', '1.2']);
    expect(read).toMatchObject({ campaignName: '校园消防安全专项整治', departmentName: '测试市消安委办' });
    expect((await lead.campaigns.reports({ campaignId: c.id })).map((r) => r.id)).toEqual([issued.id]);

    // Once per period; the next week is 第2期.
    await expectRefusal(committee.campaigns.issueReport({ campaignId: c.id, kind: 'weekly_analysis', on: '2026-03-05', title: '重复', sections: [] }), 'CONFLICT', 'CAMPAIGN_REPORT.ALREADY_ISSUED');
    const saved = world.now;
    try {
      world.now = new Date(saved.getTime() + 7 * 86_400_000);
      const second = await committee.campaigns.issueReport({ campaignId: c.id, kind: 'weekly_analysis', on: '2026-03-09', title: '第二周', sections: [] });
      expect(second).toMatchObject({ sequence: 2, issueNumber: '每周分析研判〔2026〕第2期' });
    } finally {
      world.now = saved;
    }

    // Issued is final: the table refuses updates and deletes.
    await expectAppendOnly(world.db.db.update(campaignReports).set({ title: 'x' }));
    await expectAppendOnly(world.db.db.delete(campaignReports));
    expect((await lead.campaigns.report({ reportId: issued.id })).title).toBe(draft.title);
  });

  it('refuses other roles, other jurisdictions, a period not begun and blank text, storing nothing', async () => {
    const { c } = await campaignWithTree();
    const before = { reports: await countRows(world.db.db, campaignReports), audit: await countRows(world.db.db, auditLog) };
    const good = { campaignId: c.id, kind: 'monthly_dispatch' as const, on: '2026-03-02', title: '三月调度通报', sections: [] };
    await expectRefusal(lead.campaigns.draftReport({ campaignId: c.id, kind: 'monthly_dispatch' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(lead.campaigns.issueReport(good), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('inspectorA1').campaigns.issueReport(good), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    // A district's brigade head manages campaigns, but not the city's.
    await expectRefusal(world.as('supervisorA').campaigns.issueReport(good), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('supervisorA').campaigns.draftReport({ campaignId: c.id, kind: 'monthly_dispatch' }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(committee.campaigns.issueReport({ ...good, on: '2026-04-01' }), 'BAD_REQUEST', 'CADENCE_REPORT.PERIOD_NOT_STARTED');
    await expectRefusal(committee.campaigns.issueReport({ ...good, title: ' ' }), 'BAD_REQUEST', 'CADENCE_REPORT.TITLE_REQUIRED');
    await expectRefusal(committee.campaigns.issueReport({ ...good, sections: [{ key: 'overview', text: '  ' }] }), 'BAD_REQUEST', 'CADENCE_REPORT.SECTION_EMPTY');
    await expectInvalidInput(committee.campaigns.issueReport({ ...good, on: '2026-02-30' }), 'on');
    await expectInvalidInput(committee.campaigns.issueReport({ ...good, kind: 'yearly' as 'monthly_dispatch' }), 'kind');
    expect({ reports: await countRows(world.db.db, campaignReports), audit: await countRows(world.db.db, auditLog) }).toEqual(before);

    const issued = await committee.campaigns.issueReport(good);
    await expectRefusal(world.as('supervisorA').campaigns.report({ reportId: issued.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('supervisorA').campaigns.reports({ campaignId: c.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('unitA').campaigns.reports({ campaignId: c.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(committee.campaigns.report({ reportId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'CAMPAIGN_REPORT.NOT_FOUND');
  });
});
