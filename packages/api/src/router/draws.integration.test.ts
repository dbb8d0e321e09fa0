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

/** Moves the world's clock on: a run's random value comes after the commitment. */
const advance = (ms: number) => {
  world.now = new Date(world.now.getTime() + ms);
};
type CommitInput = Parameters<Caller['draws']['commit']>[0];
const commitA = (c: Caller = supervisorA, overrides: Partial<CommitInput> = {}) =>
  c.draws.commit({
    jurisdictionId: world.j.districtA,
    randomSource: '2026-03-01 福彩3D 第2026056期 开奖号码',
    ratios: [{ category: 'market', ratio: 0.5 }],
    priorityWeights: { penalisedLastYear: 3, reported: 2 },
    ...overrides,
  });
const PUBLIC_RANDOM = '7 3 9';
/** Commits, then (the world's clock having moved on) runs with the named source's value. */
async function runA(c: Caller = supervisorA, overrides: Partial<CommitInput> = {}) {
  const committed = await commitA(c, overrides);
  advance(60_000);
  const d = await c.draws.run({ drawId: committed.id, publicRandom: PUBLIC_RANDOM });
  if (!d.output || !d.inputs) throw new Error('the draw did not run');
  return { ...d, output: d.output, inputs: d.inputs };
}

describe('draws.commit', () => {
  it('freezes the unit library and the inspectors and publishes their digests before any random value', async () => {
    const d = await commitA();
    expect(d.stage).toBe('committed');
    // 甲区: the world's supermarket plus five market venues (one also a small hotel, drawn as a market).
    expect(d.units.map((u) => u.id).sort()).toEqual([world.venues.A, ...extraVenues].sort());
    expect(d.units.every((u) => u.category === 'market' && u.jurisdictionId === world.j.districtA && u.regionId === world.j.districtA)).toBe(true);
    expect(d.units.find((u) => u.id === penalised)).toMatchObject({ penalisedLastYear: true, reported: false });
    expect(d.units.find((u) => u.id === reported)).toMatchObject({ penalisedLastYear: false, reported: true });
    expect(d.inspectors.map((i) => i.id).sort()).toEqual([world.users.inspectorA1.id, world.users.inspectorA2.id].sort());
    expect(d.commitment).toMatchObject({ algorithmVersion: 'fb-draw-2', drawId: d.id, unitCount: 6, inspectorCount: 2, randomSource: '2026-03-01 福彩3D 第2026056期 开奖号码' });
    expect(d.output).toBeNull();
    expect(d.inputs).toBeNull();
    // The commitment is public at once; the lists and the secret seed are not.
    const pub = await world.public().public.draws.get({ id: d.id });
    expect(pub).toMatchObject({ stage: 'committed', inputs: null, output: null, verification: null, commitment: { unitsDigest: d.commitment!.unitsDigest, serverSeedHash: d.commitment!.serverSeedHash } });
    expect(JSON.stringify(pub)).not.toContain(world.venues.A);
    expect((await world.public().public.draws.list({ limit: 50, offset: 0 })).items.map((x) => x.id)).toContain(d.id);
    expect(await countAuditEntries(world.db.db, { entity: 'draw', entityId: d.id, action: 'commit' })).toBe(1);
  });

  it('refuses other roles, other districts and inputs the kernel rejects, storing nothing', async () => {
    const before = await countRows(world.db.db, draws);
    await expectRefusal(commitA(world.as('inspectorA1')), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(commitA(supervisorA, { jurisdictionId: world.j.districtB }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(commitA(supervisorA, { ratios: [{ category: 'market', ratio: 1.5 }] }), 'BAD_REQUEST', 'DRAW.INVALID_INPUTS');
    await expectRefusal(commitA(supervisorA, { priorityWeights: { penalisedLastYear: 0, reported: 1 } }), 'BAD_REQUEST', 'DRAW.INVALID_INPUTS');
    await expectRefusal(commitA(supervisorA, { ratios: [{ category: 'no_such_category', ratio: 0.1 }] }), 'BAD_REQUEST', 'DRAW.EMPTY_LIBRARY');
    await expectInvalidInput(commitA(supervisorA, { randomSource: ' ' }), 'randomSource');
    expect(await countRows(world.db.db, draws)).toBe(before);
  });

  it('previews the library and the pool a commitment would freeze, in scope only', async () => {
    const p = await supervisorA.draws.preview({ jurisdictionId: world.j.districtA, categories: ['market'] });
    expect(p.byCategory).toEqual([{ category: 'market', units: 6, penalised: 1, reported: 1 }]);
    expect(p.inspectors).toHaveLength(2);
    await expectRefusal(supervisorA.draws.preview({ jurisdictionId: world.j.districtB, categories: ['market'] }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
  });
});

describe('draws.run', () => {
  it('runs the committed lists with the random value given after the commitment, once', async () => {
    const d = await runA();
    expect(d.stage).toBe('drawn');
    expect(d.output.selections).toHaveLength(3); // ceil(0.5 × 6)
    for (const s of d.output.selections) expect([...s.inspectorIds].sort()).toEqual([world.users.inspectorA1.id, world.users.inspectorA2.id].sort());
    expect(d.output).toMatchObject({ drawId: d.id, publicRandom: PUBLIC_RANDOM, unitCount: 6, inspectorCount: 2, unitsDigest: d.commitment!.unitsDigest, inspectorsDigest: d.commitment!.inspectorsDigest });
    expect(d.inputs.serverSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(d.publishedAt).toBeNull();
    expect(await countAuditEntries(world.db.db, { entity: 'draw', entityId: d.id, action: 'run' })).toBe(1);
    await expectRefusal(supervisorA.draws.run({ drawId: d.id, publicRandom: '1 2 3' }), 'CONFLICT', 'DRAW.ALREADY_DRAWN');
    expect((await supervisorA.draws.get({ drawId: d.id })).output?.seed).toBe(d.output.seed);
  });

  it('refuses a run at the commitment’s own instant, out of scope, by another role, or of no commitment', async () => {
    const c = await commitA();
    await expectRefusal(supervisorA.draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM }), 'BAD_REQUEST', 'DRAW.RANDOM_BEFORE_COMMIT');
    advance(1000);
    await expectRefusal(world.as('supervisorB').draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(supervisorA.draws.run({ drawId: randomUUID(), publicRandom: PUBLIC_RANDOM }), 'NOT_FOUND', 'DRAW.NOT_FOUND');
    await expectInvalidInput(supervisorA.draws.run({ drawId: c.id, publicRandom: '' }), 'publicRandom');
    expect((await supervisorA.draws.get({ drawId: c.id })).stage).toBe('committed');
  });

  it('refuses lists changed after the commitment', async () => {
    const c = await commitA();
    advance(1000);
    await world.db.db.execute(`update draws set inputs = jsonb_set(inputs, '{units}', (inputs -> 'units') - 0) where id = '${c.id}'`);
    await expectRefusal(supervisorA.draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM }), 'BAD_REQUEST', 'DRAW.COMMITMENT_MISMATCH');
  });
});

describe('draws.planInspections', () => {
  it('plans one inspection per drawn unit with its pair, once, after the run', async () => {
    // Its own category: the planned inspections make their pairs previous inspectors of these units.
    for (let i = 0; i < 3; i++) {
      await insertVenue(world.db.db, { name: `甲区网吧${i}`, address: `甲区网吧路${i}号`, categories: ['small_internet_cafe'], jurisdictionId: world.j.gridA, publicToken: randomBytes(16).toString('hex') });
    }
    const c = await commitA(supervisorA, { ratios: [{ category: 'small_internet_cafe', ratio: 0.5 }] });
    await expectRefusal(supervisorA.draws.planInspections({ drawId: c.id, plannedFor: '2026-03-10' }), 'BAD_REQUEST', 'DRAW.NOT_DRAWN');
    advance(1000);
    const d = await supervisorA.draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM });
    await expectRefusal(world.as('supervisorB').draws.planInspections({ drawId: d.id, plannedFor: '2026-03-10' }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').draws.planInspections({ drawId: d.id, plannedFor: '2026-03-10' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const { inspectionIds } = await supervisorA.draws.planInspections({ drawId: d.id, plannedFor: '2026-03-10' });
    expect(inspectionIds).toHaveLength(d.output!.selections.length);
    const got = await supervisorA.draws.get({ drawId: d.id });
    expect(got.inspections.map((i) => i.venueId).sort()).toEqual(d.output!.selections.map((s) => s.unitId).sort());
    for (const s of d.output!.selections) {
      const i = got.inspections.find((x) => x.venueId === s.unitId)!;
      const full = await supervisorA.inspections.get({ id: i.id });
      expect(full.inspection).toMatchObject({ source: 'double_random', sourceRef: d.id, status: 'planned', plannedFor: '2026-03-10' });
      expect(full.inspection.team.map((m) => m.userId)).toEqual([...s.inspectorIds]);
    }
    expect(got.names.venues[d.output!.selections[0]!.unitId]?.name).toBeTruthy();
    await expectRefusal(supervisorA.draws.planInspections({ drawId: d.id, plannedFor: '2026-03-10' }), 'CONFLICT', 'DRAW.ALREADY_PLANNED');
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
    const c = await commitA(supervisorA, { ratios: [{ category: 'hotel_check', ratio: 1 }] });
    advance(1000);
    const refused = await expectRefusal(supervisorA.draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM }), 'BAD_REQUEST', 'DRAW.CANNOT_STAFF');
    expect(refused).toMatchObject({ cause: { domain: { details: { unitId: venue, eligibleInspectors: 1 } } } });
    expect(await countRows(world.db.db, draws)).toBe(before + 1);
    expect((await supervisorA.draws.get({ drawId: c.id })).stage).toBe('committed');
  });
});

describe('draws.verify / publish / get / list', () => {
  it('verifies the stored draw and detects a changed result', async () => {
    const d = await runA();
    expect(await supervisorA.draws.verify({ drawId: d.id })).toEqual({ ok: true, seed: d.output.seed, selections: 3 });
    const tampered = await runA();
    const first = tampered.output.selections[0]!;
    const swapped = { ...first, inspectorIds: [first.inspectorIds[1], first.inspectorIds[0]] };
    const tamper = `update draws set output = jsonb_set(output, '{selections,0}', '${JSON.stringify(swapped)}'::jsonb) where id = '${tampered.id}'`;
    // A drawn result cannot be rewritten (trigger) ...
    await expect(world.db.db.execute(tamper)).rejects.toThrow();
    // ... and if someone with the database's keys did, verification would point at it.
    await world.db.db.execute('alter table draws disable trigger draws_commitment_fixed');
    await world.db.db.execute(tamper);
    await world.db.db.execute('alter table draws enable trigger draws_commitment_fixed');
    const verdict = await supervisorA.draws.verify({ drawId: tampered.id });
    expect(verdict).toMatchObject({ ok: false, error: { code: 'DRAW.VERIFICATION_FAILED', details: { field: 'selections', index: 0 } } });
    await expectRefusal(world.as('supervisorB').draws.verify({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
  });

  it('publishes once, only after the run; the published draw is frozen and still verifies', async () => {
    const c = await commitA();
    await expectRefusal(supervisorA.draws.publish({ drawId: c.id }), 'BAD_REQUEST', 'DRAW.NOT_DRAWN');
    advance(1000);
    const d = await supervisorA.draws.run({ drawId: c.id, publicRandom: PUBLIC_RANDOM });
    await expectRefusal(world.as('supervisorB').draws.publish({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').draws.publish({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const published = await supervisorA.draws.publish({ drawId: d.id });
    expect(published.publishedAt).toBe(world.now.toISOString());
    await expectRefusal(supervisorA.draws.publish({ drawId: d.id }), 'CONFLICT', 'DRAW.ALREADY_PUBLISHED');
    await expect(world.db.db.execute(`update draws set output = '{}'::jsonb where id = '${d.id}'`)).rejects.toThrow();
    expect((await supervisorA.draws.verify({ drawId: d.id })).ok).toBe(true);
    // The public replay reads the row exactly as draws.run stored it.
    expect((await world.public().public.draws.get({ id: d.id })).verification).toMatchObject({ status: 'verified' });
    // A tampered commitment can no longer be written (trigger); the kernel's check is in draw-commitment.test.ts.
    await expect(world.db.db.execute(`update draws set commitment = '{}'::jsonb where id = '${d.id}'`)).rejects.toThrow();
    expect(await countAuditEntries(world.db.db, { entity: 'draw', entityId: d.id, action: 'publish' })).toBe(1);
    await expectRefusal(supervisorA.draws.publish({ drawId: randomUUID() }), 'NOT_FOUND', 'DRAW.NOT_FOUND');
  });

  it('lists and shows draws of the caller\'s subtree only', async () => {
    const d = await runA();
    const list = await supervisorA.draws.list({ limit: 200 });
    expect(list.map((x) => x.id)).toContain(d.id);
    expect(list.find((x) => x.id === d.id)).toMatchObject({ seed: d.output.seed, selections: 3, stage: 'drawn' });
    expect(await world.as('supervisorB').draws.list({ limit: 200 })).toEqual([]);
    expect((await world.as('supervisorCity').draws.get({ drawId: d.id })).output?.seed).toBe(d.output.seed);
    await expectRefusal(world.as('supervisorB').draws.get({ drawId: d.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('committee').draws.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});
