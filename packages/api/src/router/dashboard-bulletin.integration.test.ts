import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEntity, listings } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { hazardAt } from '../testing/staff-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let month = '';

beforeAll(async () => {
  world = await createWorld();
  await hazardAt(world, 'closed', 'A');
  await hazardAt(world, 'ordered', 'A');
  await hazardAt(world, 'found', 'B');
  await insertEntity(world.db.db, listings, {
    values: { id: randomUUID(), jurisdictionId: world.j.gridA, venueId: world.venues.A, listedByDepartmentId: world.d.committee, listedAt: world.now },
    state: { status: 'listed' },
    effects: [],
  });
  const campaign = await world.as('supervisorCity').campaigns.create({ name: '打通生命通道', jurisdictionId: world.j.districtA, startsOn: '2026-03-01' });
  const task = await world.as('supervisorCity').campaigns.addTask({ campaignId: campaign.id, title: '清理占用消防车通道' });
  await world.as('supervisorCity').campaigns.assign({ taskId: task.id, leadDepartmentId: world.d.education, deadline: '2026-04-30T00:00:00Z' });
  await world.as('industry').campaigns.start({ taskId: task.id });
  await world.as('industry').campaigns.reportProgress({ taskId: task.id, figures: { fireLanesCleared: 7, peopleTrained: 300 }, summary: '第一周' });
  await world.as('supervisorCity').campaigns.sendBack({ taskId: task.id, reason: '请报送第二周进展' });
  await world.as('industry').campaigns.reportProgress({ taskId: task.id, figures: { fireLanesCleared: 12, peopleTrained: 450 }, summary: '第二周' });
  month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(world.now).slice(0, 7);
}, 120_000);
afterAll(async () => world?.close());

describe('dashboard.breakdown', () => {
  it('groups the figures by venue category, risk category and China-time month', async () => {
    const city = world.as('committee');
    const byMonth = await city.dashboard.breakdown({ by: 'month' });
    expect(byMonth.rows.find((r) => r.key === month)).toMatchObject({ hazardsFound: 3, hazardsRemediated: 1, majorHazardUnitsListed: 1 });
    const byRisk = await city.dashboard.breakdown({ by: 'riskCategory' });
    expect(byRisk.rows.reduce((n, r) => n + r.hazardsFound, 0)).toBe(3);
    expect(byRisk.rows.every((r) => r.unitsInspected === 0)).toBe(true);
    const byVenue = await world.as('inspectorA1').dashboard.breakdown({ by: 'venueCategory' });
    // District A only: the two hazards of venue A, counted under each of its categories.
    expect(Math.max(...byVenue.rows.map((r) => r.hazardsFound))).toBe(2);
    await expectInvalidInput(city.dashboard.breakdown({ by: 'colour' as 'month' }), 'by');
  });
});

describe('dashboard.ranking', () => {
  it("ranks the caller's child regions by the kernel's assessment", async () => {
    const { ranking } = await world.as('committee').dashboard.ranking({});
    expect(ranking.map((r) => r.name).sort()).toEqual(['乙区', '甲区']);
    expect(ranking.map((r) => r.rank)).toEqual([...ranking.map((r) => r.rank)].sort((a, b) => a - b));
    const a = ranking.find((r) => r.name === '甲区')!;
    expect(a).toMatchObject({ hazardsFound: 2, hazardsRemediated: 1 });
    expect(a.rates.remediation).toBe(0.5);
    await expectRefusal(world.as('rewardOfficer').dashboard.ranking({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});

describe('dashboard.bulletin', () => {
  it("holds the month's figures, regions, ranking, categories, trend and listed hazards", async () => {
    const b = await world.as('committee').dashboard.bulletin({ month });
    expect(b.jurisdiction.name).toBe('测试市');
    expect(b.total).toMatchObject({ hazardsFound: 3, hazardsRemediated: 1, majorHazardUnitsListed: 1 });
    expect(b.regions.map((r) => r.name).sort()).toEqual(['乙区', '甲区']);
    expect(b.ranking).toHaveLength(2);
    expect(b.trend.map((t) => t.month)).toHaveLength(6);
    expect(b.trend.at(-1)).toMatchObject({ month, hazardsFound: 3 });
    // A task's reports restate running totals: the latest one counts, not the sum of both.
    expect(b.campaignCumulative).toEqual({ fireLanesCleared: 12, peopleTrained: 450 });
    expect(b.trend.at(-1)!.campaignFigures).toEqual({ fireLanesCleared: 12, peopleTrained: 450 });
    expect(b.listed).toEqual([expect.objectContaining({ venueName: expect.any(String), status: 'listed', listedAt: world.now.toISOString() })]);
    const earlier = await world.as('committee').dashboard.bulletin({ month: '2020-01' });
    expect(earlier.total).toMatchObject({ hazardsFound: 0, unitsInspected: 0 });
    expect(earlier.listed).toEqual([]);
    expect(earlier.campaignCumulative).toEqual({});
  });

  it('refuses bad months, other subtrees and roles without dashboard.read', async () => {
    await expectInvalidInput(world.as('committee').dashboard.bulletin({ month: '2026-13' }), 'month');
    await expectRefusal(world.as('inspectorA1').dashboard.bulletin({ month, jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('admin').dashboard.bulletin({ month }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});
