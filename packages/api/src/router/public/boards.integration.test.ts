import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnforcementAction,
  createListing,
  runDraw,
  transitionEnforcementAction,
  transitionListing,
  unitTuple,
  type DrawInputs,
  type DrawInspector,
  type DrawUnit,
  type EnforcementActionState,
  type ListingState,
} from '@firebreak/domain';
import { schema } from '@firebreak/db';
import { runCreate, runTransition } from '../../kernel/run-transition';
import { createWorld, type World } from '../../testing/world';
import { actorOf, chinaDateAfter, orderedHazard } from '../../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const deps = () => ({ db: world.db.db, services: world.services, clock: () => world.now });

async function publishedListing(hazardId: string): Promise<string> {
  const supervisor = await actorOf(world, 'supervisorA');
  const committee = await actorOf(world, 'committee');
  const created = await runCreate<ListingState, 'listing'>(
    deps(),
    supervisor,
    'listing',
    (k) => createListing({ jurisdictionId: world.j.gridA, venueId: world.venues.A, hazardIds: [hazardId], reason: '重大火灾隐患逾期未整改' }, k),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: s.venueId, hazardId, listedByDepartmentId: world.d.committee }),
  );
  await runTransition<ListingState, 'listing'>(deps(), committee, 'listing', created.id, (s, k) =>
    transitionListing(s, { type: 'list', listingRef: '测消安委督〔2026〕1号', rectificationDueDate: chinaDateAfter(world, 60) }, k),
  );
  await runTransition<ListingState, 'listing'>(deps(), committee, 'listing', created.id, (s, k) => transitionListing(s, { type: 'publish' }, k));
  return created.id;
}

async function exposureAction(hazardId: string, upTo: 'decided' | 'executed'): Promise<string> {
  const inspector = await actorOf(world, 'inspectorA1');
  const supervisor = await actorOf(world, 'supervisorA');
  const created = await runCreate<EnforcementActionState, 'enforcement'>(
    deps(),
    inspector,
    'enforcement',
    (k) =>
      createEnforcementAction(
        { jurisdictionId: world.j.gridA, kind: 'public_exposure', target: 'unit', subjectName: '甲区好又多超市', venueId: world.venues.A, hazardIds: [hazardId], facts: '拒不整改安全出口上锁问题' },
        k,
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: world.venues.A, hazardId, kind: 'exposure', departmentId: world.d.brigadeA }),
  );
  const step = (a: typeof inspector, f: Parameters<typeof runTransition<EnforcementActionState, 'enforcement'>>[4]) =>
    runTransition<EnforcementActionState, 'enforcement'>(deps(), a, 'enforcement', created.id, f);
  await step(supervisor, (s, k) => transitionEnforcementAction(s, { type: 'decide', decisionRef: '甲消曝字〔2026〕1号' }, k));
  if (upTo === 'executed') {
    await step(inspector, (s, k) => transitionEnforcementAction(s, { type: 'serve', receiptRef: '送达回证-1' }, k));
    await step(inspector, (s, k) => transitionEnforcementAction(s, { type: 'execute', outcome: '已在本地媒体曝光' }, k));
  }
  return created.id;
}

describe('public.exposure.list', () => {
  it('shows published listings and executed exposures with public hazard views only, newest first, paged', async () => {
    const listedHazard = await orderedHazard(world, 'A', '疏散楼梯被封堵');
    const listingId = await publishedListing(listedHazard);
    world.now = new Date(world.now.getTime() + 3_600_000);
    const exposedHazard = await orderedHazard(world, 'A', '消防设施停用');
    const exposureId = await exposureAction(exposedHazard, 'executed');
    await exposureAction(await orderedHazard(world, 'A', '尚未执行的曝光'), 'decided');

    const board = await world.public().public.exposure.list({ limit: 10, offset: 0 });
    expect(board.items.map((i) => [i.source, i.id])).toEqual([
      ['enforcement', exposureId],
      ['listing', listingId],
    ]);
    expect(board.nextOffset).toBeNull();
    expect(board.items[0]).toMatchObject({ label: { zh: '曝光' }, venue: { name: '甲区好又多超市' }, hazards: [{ id: exposedHazard, description: '消防设施停用' }] });
    expect(board.items[1]).toMatchObject({ label: { zh: '重大火灾隐患挂牌督办' }, hazards: [{ id: listedHazard }] });
    const serialized = JSON.stringify(board);
    for (const secret of ['拒不整改安全出口上锁问题', '甲消曝字', '王监督', '孙大队长', '送达回证', world.j.gridA]) expect(serialized).not.toContain(secret);

    const first = await world.public().public.exposure.list({ limit: 1, offset: 0 });
    expect(first.items.map((i) => i.id)).toEqual([exposureId]);
    expect(first.nextOffset).toBe(1);
    const second = await world.public().public.exposure.list({ limit: 1, offset: 1 });
    expect(second.items.map((i) => i.id)).toEqual([listingId]);
  });

  it('refuses page sizes above 50 and negative offsets', async () => {
    await expect(world.public().public.exposure.list({ limit: 51, offset: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.exposure.list({ limit: 10, offset: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('public.draws', () => {
  const units: DrawUnit[] = Array.from({ length: 6 }, (_, i) => ({
    id: `unit-${i}`,
    category: 'market',
    jurisdictionId: 'district-a',
    regionId: 'region-a',
    penalisedLastYear: i === 0,
    reported: false,
    previousInspectorIds: [],
  }));
  const inspectors: DrawInspector[] = Array.from({ length: 4 }, (_, i) => ({ id: `insp-${i}`, regionId: 'region-a', departmentId: 'brigade-a' }));

  async function storeDraw(opts: { published: boolean; tamper?: boolean }): Promise<string> {
    const id = randomUUID();
    const inputs: DrawInputs = {
      algorithmVersion: 'fb-draw-1',
      drawId: id,
      publicRandom: '2026-03-01 福利彩票 03 11 19 24 28 30 07',
      parameters: {
        ratios: [{ category: 'market', ratio: 0.5 }],
        priorityWeights: { penalisedLastYear: 2, reported: 1 },
        inspectorConflicts: { excludePreviousInspector: true, crossRegion: false },
      },
    };
    const run = runDraw(inputs, units, inspectors);
    if (!run.ok) throw new Error(run.error.message);
    const output = opts.tamper ? { ...run.value, selections: [...run.value.selections].reverse() } : run.value;
    await world.db.db.insert(schema.draws).values({
      id,
      jurisdictionId: world.j.districtA,
      kind: 'units',
      inputs: { draw: inputs, units: units.map(unitTuple), inspectors, flagsSince: '2025-03-02T00:00:00.000Z' },
      output: output as unknown as Record<string, unknown>,
      publishedAt: opts.published ? world.now : null,
    });
    return id;
  }

  it('lists published draws and lets anyone re-run one through the kernel’s verifyDraw', async () => {
    const good = await storeDraw({ published: true });
    const hidden = await storeDraw({ published: false });
    const list = await world.public().public.draws.list({ limit: 10, offset: 0 });
    expect(list.items.map((d) => d.id)).toContain(good);
    expect(list.items.map((d) => d.id)).not.toContain(hidden);
    const draw = await world.public().public.draws.get({ id: good });
    expect(draw.jurisdiction).toEqual({ id: world.j.districtA, name: '甲区' });
    expect(draw.verification).toMatchObject({ status: 'verified', selections: 3 });
    expect(draw.inputs).toHaveProperty('units');
  });

  it('reports a tampered result as a mismatch, pointing at the place', async () => {
    const tampered = await storeDraw({ published: true, tamper: true });
    const draw = await world.public().public.draws.get({ id: tampered });
    expect(draw.verification).toMatchObject({ status: 'mismatch', error: { code: 'DRAW.VERIFICATION_FAILED', details: { field: 'selections' } } });
  });

  it('does not show unpublished draws and refuses malformed ids', async () => {
    const hidden = await storeDraw({ published: false });
    await expect(world.public().public.draws.get({ id: hidden })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { domain: { code: 'DRAW.NOT_FOUND' } } });
    await expect(world.public().public.draws.get({ id: 'draw-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.draws.list({ limit: 0, offset: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
