import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, setJurisdictionBoundary } from '@firebreak/db';
import type { Boundary } from '@firebreak/domain';
import { createWorld, type World } from '../../testing/world';
import { newKey } from '../../testing/intake-fixtures';
import { expectRefusal } from '../../testing/expect-refusal';

// The test world: venue A at (30.0, 120.0) in 甲区's grid, venue B at (30.1, 120.1) in 乙街道.
let world: World;
const rect = (x0: number, y0: number, x1: number, y1: number): Boundary => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
// 甲街道 is drawn with a wobbly south edge (a point every 0.001°), so simplification has something to drop.
const wobblyStreetA: Boundary = {
  type: 'Polygon',
  coordinates: [
    [
      ...Array.from({ length: 101 }, (_, i) => [119.95 + i * 0.001, 29.95 + (i % 2) * 0.000001] as [number, number]),
      [120.05, 30.05],
      [119.95, 30.05],
      [119.95, 29.95],
    ],
  ],
};

beforeAll(async () => {
  world = await createWorld();
  const db = world.db.db;
  await setJurisdictionBoundary(db, world.j.city, rect(119.95, 29.95, 120.25, 30.25));
  await setJurisdictionBoundary(db, world.j.districtA, rect(119.95, 29.95, 120.05, 30.25));
  await setJurisdictionBoundary(db, world.j.districtB, rect(120.05, 29.95, 120.25, 30.25));
  await setJurisdictionBoundary(db, world.j.streetA, wobblyStreetA);
  world.services.reference.invalidate();
}, 120_000);
afterAll(async () => world?.close());

const pointReport = (lat: number, lng: number, over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  riskCategory: 'ebike_indoor',
  description: '楼道里停放电动车充电',
  location: { lat, lng, address: '地图上选的位置' },
  ...over,
});

async function storedJurisdiction(reportId: string): Promise<string> {
  const rows = await world.db.db.select({ id: schema.reports.id, jurisdictionId: schema.reports.jurisdictionId }).from(schema.reports);
  return rows.find((r) => r.id === reportId)!.jurisdictionId;
}

describe('point routing by drawn boundaries', () => {
  it('previews a pin by the deepest drawn jurisdiction containing it, with its path and why', async () => {
    const out = await world.public().public.preview({ location: { lat: 30.02, lng: 120.01 } });
    expect(out).toMatchObject({ served: true, basis: 'boundary', jurisdiction: { id: world.j.streetA, name: '甲街道' }, path: ['测试省', '测试市', '甲区', '甲街道'] });
    expect(out.basisLabel).toEqual({ zh: '按位置所在的辖区范围', en: 'the jurisdiction whose area this place lies in' });
    // Undrawn streets leave the district in charge; a gap between drawn streets too.
    expect(await world.public().public.preview({ location: { lat: 30.15, lng: 120.15 } })).toMatchObject({ basis: 'boundary', jurisdiction: { id: world.j.districtB } });
    expect(await world.public().public.preview({ location: { lat: 30.15, lng: 120.0 } })).toMatchObject({ basis: 'boundary', jurisdiction: { id: world.j.districtA } });
  });

  it('files a point-only report where the preview said, and a venue report at its venue wherever the pin is', async () => {
    const filed = await world.public().public.reports.submit(pointReport(30.02, 120.01));
    expect(await storedJurisdiction(filed.reportId)).toBe(world.j.streetA);
    // The reporter sees where it went when tracking by receipt.
    const tracked = await world.public().public.reports.track({ receipt: filed.receipt });
    expect(tracked.handledBy).toEqual({ name: '甲街道', path: ['测试省', '测试市', '甲区', '甲街道'] });
    // The venue wins over the point: B sits in 乙街道 although the pin is in 甲街道.
    const atVenue = await world.public().public.reports.submit(pointReport(30.02, 120.01, { venueId: world.venues.B }));
    expect(await storedJurisdiction(atVenue.reportId)).toBe(world.j.streetB);
  });

  it('falls back past the boundaries when none contains the point: nearest venue, then the city', async () => {
    // Outside the drawn city (north of 30.25) but inside the served area, 1 km from no venue.
    const outside = await world.public().public.reports.submit(pointReport(30.27, 120.0));
    expect(await storedJurisdiction(outside.reportId)).toBe(world.j.city);
    expect(await world.public().public.preview({ location: { lat: 30.27, lng: 120.0 } })).toMatchObject({ basis: 'city_root', jurisdiction: { id: world.j.city } });
  });

  it('reads a redrawn boundary once the reference data reloads', async () => {
    await setJurisdictionBoundary(world.db.db, world.j.streetA, rect(119.95, 29.95, 120.05, 30.01));
    world.services.reference.invalidate();
    expect(await world.public().public.preview({ location: { lat: 30.02, lng: 120.01 } })).toMatchObject({ basis: 'boundary', jurisdiction: { id: world.j.districtA } });
    await setJurisdictionBoundary(world.db.db, world.j.streetA, wobblyStreetA);
    world.services.reference.invalidate();
    expect(await world.public().public.preview({ location: { lat: 30.02, lng: 120.01 } })).toMatchObject({ jurisdiction: { id: world.j.streetA } });
  });
});

describe('public.jurisdictions.boundaries', () => {
  it('gives the city’s drawn outlines, parents first, simplified, with a box around them', async () => {
    const map = await world.public().public.jurisdictions.boundaries();
    expect(map.root).toEqual({ id: world.j.city, name: '测试市', level: 'city' });
    expect(map.areas.map((a) => [a.name, a.depth])).toEqual([
      ['测试市', 0],
      ['甲区', 1],
      ['甲街道', 2],
      ['乙区', 1],
    ]);
    expect(map.bbox).toEqual({ minLng: 119.95, minLat: 29.95, maxLng: 120.25, maxLat: 30.25 });
    const street = map.areas.find((a) => a.id === world.j.streetA)!;
    if (street.boundary.type !== 'Polygon') throw new Error('Polygon expected');
    expect(street.boundary.coordinates[0]!.length).toBeLessThan(10);
    const exact = await world.public().public.jurisdictions.boundaries({ toleranceDeg: 0 });
    const stored = exact.areas.find((a) => a.id === world.j.streetA)!.boundary;
    expect(stored).toEqual(wobblyStreetA);
  });

  it('draws any subtree by its root, and refuses an unknown root and a silly tolerance', async () => {
    const district = await world.public().public.jurisdictions.boundaries({ rootId: world.j.districtA });
    expect(district.areas.map((a) => [a.name, a.depth])).toEqual([
      ['甲区', 0],
      ['甲街道', 1],
    ]);
    const undrawn = await world.public().public.jurisdictions.boundaries({ rootId: world.j.streetB });
    expect(undrawn).toMatchObject({ root: { name: '乙街道' }, areas: [], bbox: null });
    await expectRefusal(world.public().public.jurisdictions.boundaries({ rootId: '00000000-0000-4000-8000-000000000009' }), 'NOT_FOUND', 'JURISDICTION.NOT_FOUND');
    await expect(world.public().public.jurisdictions.boundaries({ toleranceDeg: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public({ locale: 'en' }).public.jurisdictions.boundaries({ rootId: '00000000-0000-4000-8000-000000000009' })).rejects.toMatchObject({ message: 'No such jurisdiction' });
  });
});

describe('mapAreas.boundaries: the same outlines for staff, scoped', () => {
  it('gives a district inspector their own district, and refuses another district and the public', async () => {
    const own = await world.as('inspectorA1').mapAreas.boundaries({});
    expect(own.root.id).toBe(world.j.districtA);
    expect(own.areas.map((a) => a.name)).toEqual(['甲区', '甲街道']);
    await expectRefusal(world.as('inspectorA1').mapAreas.boundaries({ jurisdictionId: world.j.districtB }), 'FORBIDDEN', /OUT_OF_SCOPE|SCOPE/);
    await expect(world.public().mapAreas.boundaries({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // A unit account has no dashboard.
    await expect(world.as('unitA').mapAreas.boundaries({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
