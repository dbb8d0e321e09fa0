import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazards, insertEntity, insertVenue, inspectionInspectors, inspections, listings } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { fileReport } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;

const row = (status: string) => ({ status });

async function inspection(v: { jurisdictionId: string; venueId: string; source: 'campaign' | 'joint' | 'expert_check'; status: string; departmentId: string; inspectors?: string[] }) {
  const id = randomUUID();
  await insertEntity(world.db.db, inspections, {
    values: { id, jurisdictionId: v.jurisdictionId, venueId: v.venueId, source: v.source, departmentId: v.departmentId, finishedAt: world.now },
    state: row(v.status),
    effects: [],
  });
  for (const userId of v.inspectors ?? []) await world.db.db.insert(inspectionInspectors).values({ inspectionId: id, userId });
  return id;
}

async function hazard(v: { jurisdictionId: string; status: string; dueAt?: Date; closedAt?: Date }) {
  const id = randomUUID();
  await insertEntity(world.db.db, hazards, {
    values: { id, jurisdictionId: v.jurisdictionId, riskCategory: 'evacuation_blocked', source: 'inspection', dueAt: v.dueAt ?? null, closedAt: v.closedAt ?? null },
    state: row(v.status),
    effects: [],
    now: world.now,
  });
}

beforeAll(async () => {
  world = await createWorld();
  const { j, d, venues, users } = world;
  const highRisk = await insertVenue(world.db.db, {
    name: '甲区大型商业综合体',
    address: '甲区中山路8号',
    categories: ['market'],
    flags: ['high_risk'],
    jurisdictionId: j.streetA,
    publicToken: randomBytes(16).toString('hex'),
  });
  await inspection({ jurisdictionId: j.gridA, venueId: venues.A, source: 'campaign', status: 'completed', departmentId: d.brigadeA });
  await inspection({ jurisdictionId: j.gridA, venueId: venues.A, source: 'campaign', status: 'completed', departmentId: d.brigadeA });
  await inspection({ jurisdictionId: j.streetA, venueId: highRisk, source: 'expert_check', status: 'completed', departmentId: d.brigadeA });
  await inspection({
    jurisdictionId: j.gridA,
    venueId: venues.A,
    source: 'joint',
    status: 'completed',
    departmentId: d.brigadeA,
    inspectors: [users.inspectorA1.id, users.industry.id],
  });
  await inspection({ jurisdictionId: j.streetB, venueId: venues.B, source: 'campaign', status: 'completed', departmentId: d.brigadeB });
  await inspection({ jurisdictionId: j.streetB, venueId: venues.B, source: 'campaign', status: 'in_progress', departmentId: d.brigadeB });

  const past = new Date(world.now.getTime() - 86_400_000);
  await hazard({ jurisdictionId: j.gridA, status: 'closed', closedAt: world.now });
  await hazard({ jurisdictionId: j.gridA, status: 'ordered', dueAt: past });
  await hazard({ jurisdictionId: j.gridA, status: 'confirmed' });
  await hazard({ jurisdictionId: j.gridA, status: 'dismissed' });
  await hazard({ jurisdictionId: j.streetB, status: 'overdue' });

  const listingId = randomUUID();
  await insertEntity(world.db.db, listings, {
    values: { id: listingId, jurisdictionId: j.gridA, venueId: venues.A, listedByDepartmentId: d.committee, listedAt: world.now },
    state: row('listed'),
    effects: [],
  });

  // Reports: their verification deadlines (3 working days) lapse when the clock moves on.
  await fileReport(world, { jurisdictionId: j.gridA });
  await fileReport(world, { jurisdictionId: j.gridA });
  await fileReport(world, { jurisdictionId: j.streetB });

  const campaign = await world.as('supervisorCity').campaigns.create({ name: '消防通道专项整治', jurisdictionId: j.districtA, startsOn: '2026-03-01' });
  const task = await world.as('supervisorCity').campaigns.addTask({ campaignId: campaign.id, title: '清理占用消防车通道' });
  await world.as('supervisorCity').campaigns.assign({ taskId: task.id, leadDepartmentId: d.education, deadline: '2026-04-30T00:00:00Z' });
  await world.as('industry').campaigns.start({ taskId: task.id });
  await world.as('industry').campaigns.reportProgress({ taskId: task.id, figures: { fireLanesCleared: 7, trainingSessions: 2, peopleTrained: 300 }, summary: '第一周' });
});
afterAll(async () => world?.close());

describe('dashboard.figures', () => {
  it('aggregates the §7 figures over the caller\'s subtree', async () => {
    const { total } = await world.as('inspectorA1').dashboard.figures({});
    expect(total).toMatchObject({
      jurisdictionId: world.j.districtA,
      name: '甲区',
      unitsInspected: 2, // venue A (three inspections) and the high-risk complex
      hazardsFound: 3, // dismissed ones are not findings
      hazardsRemediated: 1,
      hazardsOpen: 2,
      hazardsOverdue: 1,
      majorHazardUnitsListed: 1,
      majorHazardUnitsUnderSupervision: 1,
      highRiskUnits: 1,
      highRiskUnitsExpertChecked: 1,
      reportsByStatus: { submitted: 2 },
      campaignFigures: { fireLanesCleared: 7, trainingSessions: 2, peopleTrained: 300 },
      overdueDeadlines: [],
    });
    expect(total.jointInspectionsByDepartment.map((x) => [x.departmentName, x.inspections]).sort()).toEqual([
      ['测试市教育局', 1],
      ['甲区消防救援大队', 1],
    ]);
  });

  it('breaks the figures down by district for a city reader, and counts lapsed deadlines', async () => {
    const saved = world.now;
    try {
      world.now = new Date(saved.getTime() + 10 * 86_400_000);
      const out = await world.as('discipline').dashboard.figures({ byDistrict: true });
      expect(out.total).toMatchObject({ jurisdictionId: world.j.city, unitsInspected: 3, hazardsFound: 4, reportsByStatus: { submitted: 3 } });
      const byName = Object.fromEntries(out.districts.map((x) => [x.name, x]));
      expect(Object.keys(byName).sort()).toEqual(['乙区', '甲区']);
      expect(byName['乙区']).toMatchObject({ unitsInspected: 1, hazardsFound: 1, hazardsOverdue: 1, highRiskUnits: 0, campaignFigures: {} });
      expect(byName['甲区']?.overdueDeadlines).toEqual(expect.arrayContaining([{ entity: 'report', kind: 'report.verification', count: 2 }]));
      expect(byName['乙区']?.overdueDeadlines).toEqual(expect.arrayContaining([{ entity: 'report', kind: 'report.verification', count: 1 }]));
    } finally {
      world.now = saved;
    }
  });

  it('limits event figures to a period', async () => {
    const later = await world.as('committee').dashboard.figures({ from: new Date(world.now.getTime() + 3_600_000).toISOString() });
    expect(later.total).toMatchObject({ unitsInspected: 0, hazardsFound: 0, reportsByStatus: {}, hazardsOpen: 3 });
  });

  it('refuses roles without dashboard.read, subtrees outside the caller\'s, and a reversed period', async () => {
    await expectRefusal(world.as('rewardOfficer').dashboard.figures({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('inspectorA1').dashboard.figures({ jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').dashboard.figures({ jurisdictionId: randomUUID() }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectInvalidInput(world.as('committee').dashboard.figures({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }), 'to');
  });
});
