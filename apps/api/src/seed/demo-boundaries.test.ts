import { describe, expect, it } from 'vitest';
import { boundaryBBox, buildJurisdictionTree, indexBoundaries, locateJurisdiction, parseBoundary, pointInBoundary, ringSignedArea2, type JurisdictionRow } from '@firebreak/domain';
import { DEMO_BOUNDARIES, STREET_VENUE_CENTRES, VENUE_SCATTER_DEG } from './demo-boundaries';
import { DEMO_CITY, DEMO_DISTRICTS, DEMO_PROVINCE } from './demo-city';
import { demoVenues, type GridPlace } from './demo-venues';
import { seededRandom } from './random';

// The demo tree as the seed builds it, with names for ids (unique per level in the demo city).
const rows: JurisdictionRow[] = [
  { id: DEMO_PROVINCE, parentId: null, level: 'province', name: DEMO_PROVINCE },
  { id: DEMO_CITY, parentId: DEMO_PROVINCE, level: 'city', name: DEMO_CITY },
];
const grids: GridPlace[] = [];
for (const d of DEMO_DISTRICTS) {
  rows.push({ id: d.name, parentId: DEMO_CITY, level: 'district', name: d.name });
  for (const s of d.streets) {
    rows.push({ id: s.name, parentId: d.name, level: 'street', name: s.name });
    for (const c of s.communities) {
      rows.push({ id: c, parentId: s.name, level: 'community', name: c });
      const gridId = `${c}#1`;
      rows.push({ id: gridId, parentId: c, level: 'grid', name: gridId });
      grids.push({ gridId, district: d.name, street: s.name, community: c, centre: STREET_VENUE_CENTRES[s.name]! });
    }
  }
}
const built = buildJurisdictionTree(rows);
if (!built.ok) throw new Error(built.error.message);
const tree = built.value;
const index = indexBoundaries(DEMO_BOUNDARIES.map((b) => [b.name, b.boundary] as const));
const boundaryOf = (name: string) => DEMO_BOUNDARIES.find((b) => b.name === name)!.boundary;
const streetOfGrid = new Map(grids.map((g) => [g.gridId, g.street]));

describe('the demo city outlines', () => {
  it('draws the city, every district and every street, each a valid right-hand-rule polygon', () => {
    const names = [DEMO_CITY, ...DEMO_DISTRICTS.flatMap((d) => [d.name, ...d.streets.map((s) => s.name)])];
    expect(DEMO_BOUNDARIES.map((b) => b.name).sort()).toEqual(names.sort());
    for (const b of DEMO_BOUNDARIES) {
      expect(parseBoundary(b.boundary).ok, b.name).toBe(true);
      if (b.boundary.type === 'Polygon') expect(ringSignedArea2(b.boundary.coordinates[0]!), b.name).toBeGreaterThan(0);
    }
    for (const d of DEMO_DISTRICTS) for (const s of d.streets) expect(STREET_VENUE_CENTRES[s.name], s.name).toBeDefined();
  });

  it('puts every demo venue in its own street, district and city (as the seed places them)', () => {
    const venues = demoVenues(grids, 320, seededRandom(20260301));
    for (const v of venues) {
      const street = streetOfGrid.get(v.jurisdictionId)!;
      const district = tree.parentOf(street)!;
      const at = { lat: v.lat, lng: v.lng };
      expect(pointInBoundary(at, boundaryOf(street)), `${v.name} in ${street}`).toBe('inside');
      expect(pointInBoundary(at, boundaryOf(district)), `${v.name} in ${district}`).toBe('inside');
      expect(pointInBoundary(at, boundaryOf(DEMO_CITY)), v.name).toBe('inside');
      expect(locateJurisdiction(tree, index, at), v.name).toMatchObject({ found: true, jurisdictionId: street, onEdge: false });
    }
  });

  it('keeps each street’s whole scatter square inside its outline', () => {
    for (const [street, c] of Object.entries(STREET_VENUE_CENTRES)) {
      for (const dLat of [-1, 0, 1]) {
        for (const dLng of [-1, 0, 1]) {
          const at = { lat: c.lat + dLat * VENUE_SCATTER_DEG, lng: c.lng + dLng * VENUE_SCATTER_DEG };
          expect(locateJurisdiction(tree, index, at), `${street} ${dLat},${dLng}`).toMatchObject({ found: true, jurisdictionId: street });
        }
      }
    }
  });

  it('tiles: every point of the city lies in exactly one street, and in the district above it', () => {
    const box = boundaryBBox(boundaryOf(DEMO_CITY));
    let inCity = 0;
    // A 0.0013° lattice: off every border vertex's decimals, so no sample lands exactly on a border.
    for (let lng = box.minLng + 0.00065; lng < box.maxLng; lng += 0.0013) {
      for (let lat = box.minLat + 0.00065; lat < box.maxLat; lat += 0.0013) {
        const at = { lat, lng };
        if (pointInBoundary(at, boundaryOf(DEMO_CITY)) === 'outside') continue;
        inCity++;
        const streets = DEMO_BOUNDARIES.filter((b) => b.level === 'street' && pointInBoundary(at, b.boundary) === 'inside');
        const districts = DEMO_BOUNDARIES.filter((b) => b.level === 'district' && pointInBoundary(at, b.boundary) === 'inside');
        expect(streets.length, `${lng},${lat}`).toBe(1);
        expect(districts.map((d) => d.name), `${lng},${lat}`).toEqual([tree.parentOf(streets[0]!.name)]);
      }
    }
    expect(inCity).toBeGreaterThan(10_000);
  });

  it('hands the corner 湖滨, 文晖 and 江南 share to the first in tree order and names the others', () => {
    const onLine = locateJurisdiction(tree, index, { lng: 120.1725, lat: 30.24 });
    expect(onLine).toMatchObject({ found: true, jurisdictionId: '湖滨街道', onEdge: true, alsoContaining: ['文晖街道', '江南街道'] });
  });
});
