import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries, countRows, draws, enforcementActions, insertEntity, insertVenue, inspectionInspectors, inspections } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { fileReport, type Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let supervisorA: Caller;
const extraVenues: string[] = [];
let penalised: string;
let reported: string;

beforeAll(async () => {
  world = await createWorld();
  supervisorA = world.as('supervisorA');
  for (let i = 0; i < 5; i++) {
    extraVenues.push(
      await insertVenue(world.db.db, {
        name: `甲区商场${i}`,
        address: `甲区人民路${10 + i}号`,
        categories: i === 0 ? ['small_hotel', 'market'] : ['market'],
        jurisdictionId: i % 2 ? world.j.streetA : world.j.gridA,
        publicToken: randomBytes(16).toString('hex'),
      }),
    );
  }
  penalised = extraVenues[1]!;
  reported = extraVenues[2]!;
  const fineId = randomUUID();
  await insertEntity(world.db.db, enforcementActions, {
    values: { id: fineId, jurisdictionId: world.j.streetA, venueId: penalised, kind: 'fine', amountFen: 1_000_000, departmentId: world.d.brigadeA, decidedAt: new Date('2025-11-01T00:00:00Z') },
    state: { id: fineId, status: 'decided' } as { status: string },
    effects: [],
  });
  await fileReport(world, { jurisdictionId: world.j.gridA, venueId: reported });
});
afterAll(async () => world?.close());

const runA = (c: Caller = supervisorA, overrides: Partial<Parameters<Caller['draws']['run']>[0]> = {}) =>
  c.draws.run({
    jurisdictionId: world.j.districtA,
    publicRandom: '2026-03-01 福彩3D 第2026056期 开奖号码 7 3 9',
    ratios: [{ category: 'market', ratio: 0.5 }],
    priorityWeights: { penalisedLastYear: 3, reported: 2 },
    ...overrides,
  });

describe('draws.run', () => {
  it('freezes the unit library and the inspectors, draws with the kernel and stores both', async () => {
    const d = await runA();
    // 甲区: the world's supermarket plus five market venues (one also a small hotel, drawn as a market).
    expect(d.units.map((u) => u.id).sort()).toEqual([world.venues.A, ...extraVenues].sort());
    expect(d.units.every((u) => u.category === 'market' && u.jurisdictionId === world.j.districtA && u.regionId === world.j.districtA)).toBe(true);
    expect(d.units.find((u) => u.id === penalised)).toMatchObject({ penalisedLastYear: true, reported: false });
    expect(d.units.find((u) => u.id === reported)).toMatchObject({ penalisedLastYear: false, reported: true });
    expect(d.inspectors.map((i) => i.id).sort()).toEqual([world.users.inspectorA1.id, world.users.inspectorA2.id].sort());
    expect(d.output.selections).toHaveLength(3); // ceil(0.5 × 6)
    for (const s of d.output.selections) expect([...s.inspectorIds].sort()).toEqual([world.users.inspectorA1.id, world.users.inspectorA2.id].sort());
    expect(d.output).toMatchObject({ drawId: d.id, publicRandom: d.inputs.publicRandom, unitCount: 6, inspectorCount: 2 });
    expect(d.publishedAt).toBeNull();
    expect(await countAuditEntries(world.db.db, { entity: 'draw', entityId: d.id, action: 'run' })).toBe(1);
  });

  it('refuses other roles, other districts and inputs the kernel rejects, storing nothing', async () => {
    const before = await countRows(world.db.db, draws);
    await expectRefusal(runA(world.as('inspectorA1')), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(runA(supervisorA, { jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(runA(supervisorA, { ratios: [{ category: 'market', ratio: 1.5 }] }), 'BAD_REQUEST', 'DRAW.INVALID_INPUTS');
    await expectRefusal(runA(supervisorA, { priorityWeights: { penalisedLastYear: 0, reported: 1 } }), 'BAD_REQUEST', 'DRAW.INVALID_INPUTS');
    // Cross-region inspection from a district whose only inspectors are its own.
    await expectRefusal(runA(supervisorA, { crossRegion: true }), 'BAD_REQUEST', 'DRAW.CANNOT_STAFF');
    await expectInvalidInput(runA(supervisorA, { publicRandom: '' }), 'publicRandom');
    expect(await countRows(world.db.db, draws)).toBe(before);
  });
});

describe('draws.run conflicts of interest', () => {
  it('never sends an inspector back to a unit they inspected in the past year', async () => {
    const venue = await insertVenue(world.db.db, {
      name: '甲区宾馆',
      address: '甲区人民路99号',
      categories: ['hotel_check'],
      jurisdictionId: world.j.gridA,
      publicToken: randomBytes(16).toString('hex'),
    });
    const inspectionId = randomUUID();
    await insertEntity(world.db.db, inspections, {
      values: { id: inspectionId, jurisdictionId: world.j.gridA, venueId: venue, source: 'random_sampling', departmentId: world.d.brigadeA },
      state: { id: inspectionId, status: 'completed' } as { status: string },
      effects: [],
    });
    await world.db.db.insert(inspectionInspectors).values({ inspectionId, userId: world.users.inspectorA1.id, role: 'lead' });
    const before = await countRows(world.db.db, draws);
    // 甲区 has two inspectors; one of them inspected this unit, so no pair can be formed.
    const refused = await expectRefusal(runA(supervisorA, { ratios: [{ category: 'hotel_check', ratio: 1 }] }), 'BAD_REQUEST', 'DRAW.CANNOT_STAFF');
    expect(refused).toMatchObject({ cause: { domain: { details: { unitId: venue, eligibleInspectors: 1 } } } });
    expect(await countRows(world.db.db, draws)).toBe(before);
  });
});

describe('draws.verify / publish / get / list', () => {
  it('verifies the stored draw and detects a changed result', async () => {
    const d = await runA();
    expect(await supervisorA.draws.verify({ drawId: d.id })).toEqual({ ok: true, seed: d.output.seed, selections: 3 });
    const tampered = await runA();
    const first = tampered.output.selections[0]!;
    const swapped = { ...first, inspectorIds: [first.inspectorIds[1], first.inspectorIds[0]] };
    await world.db.db.execute(
      `update draws set output = jsonb_set(output, '{selections,0}', '${JSON.stringify(swapped)}'::jsonb) where id = '${tampered.id}'`,
    );
    const verdict = await supervisorA.draws.verify({ drawId: tampered.id });
    expect(verdict).toMatchObject({ ok: false, error: { code: 'DRAW.VERIFICATION_FAILED', details: { field: 'selections', index: 0 } } });
    await expectRefusal(world.as('supervisorB').draws.verify({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
  });

  it('publishes once; the published draw is frozen and still verifies', async () => {
    const d = await runA();
    await expectRefusal(world.as('supervisorB').draws.publish({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').draws.publish({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const published = await supervisorA.draws.publish({ drawId: d.id });
    expect(published.publishedAt?.toISOString()).toBe(world.now.toISOString());
    await expectRefusal(supervisorA.draws.publish({ drawId: d.id }), 'CONFLICT', 'DRAW.ALREADY_PUBLISHED');
    await expect(world.db.db.execute(`update draws set output = '{}'::jsonb where id = '${d.id}'`)).rejects.toThrow();
    expect((await supervisorA.draws.verify({ drawId: d.id })).ok).toBe(true);
    // The public replay reads the row exactly as draws.run stored it.
    expect((await world.public().public.draws.get({ id: d.id })).verification).toMatchObject({ status: 'verified' });
    expect(await countAuditEntries(world.db.db, { entity: 'draw', entityId: d.id, action: 'publish' })).toBe(1);
    await expectRefusal(supervisorA.draws.publish({ drawId: randomUUID() }), 'NOT_FOUND', 'DRAW.NOT_FOUND');
  });

  it('lists and shows draws of the caller\'s subtree only', async () => {
    const d = await runA();
    const list = await supervisorA.draws.list({ limit: 200 });
    expect(list.map((x) => x.id)).toContain(d.id);
    expect(list.find((x) => x.id === d.id)).toMatchObject({ seed: d.output.seed, selections: 3 });
    expect(await world.as('supervisorB').draws.list({ limit: 200 })).toEqual([]);
    expect((await world.as('supervisorCity').draws.get({ drawId: d.id })).output.seed).toBe(d.output.seed);
    await expectRefusal(world.as('supervisorB').draws.get({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').draws.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});
