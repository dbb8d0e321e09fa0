import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildJurisdictionTree, type JurisdictionRow } from '../org/index';
import { boundaryBBox, parseBoundary, ringSignedArea2, withRightHandRule, type Boundary, type LinearRing } from './boundary';
import { indexBoundaries, locateJurisdiction } from './locate-jurisdiction';
import { pointInBoundary, pointInRing } from './point-in-boundary';
import { simplifyBoundary } from './simplify-boundary';

const rect = (x0: number, y0: number, x1: number, y1: number): LinearRing => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: LinearRing[]): Boundary => ({ type: 'Polygon', coordinates: rings });
const at = (lng: number, lat: number) => ({ lng, lat });

describe('pointInRing / pointInBoundary', () => {
  const square = rect(0, 0, 10, 10);

  it('tells inside, outside and on the edge (sides and corners)', () => {
    expect(pointInRing(at(5, 5), square)).toBe('inside');
    expect(pointInRing(at(11, 5), square)).toBe('outside');
    expect(pointInRing(at(-0.000001, 5), square)).toBe('outside');
    expect(pointInRing(at(10, 5), square)).toBe('edge');
    expect(pointInRing(at(5, 0), square)).toBe('edge');
    expect(pointInRing(at(0, 0), square)).toBe('edge');
    expect(pointInRing(at(10, 10), square)).toBe('edge');
  });

  it('counts a ray through a vertex once (concave ring, point level with a corner)', () => {
    // An arrow pointing right: the notch corner (6,5) is level with the test points.
    const arrow: LinearRing = [
      [0, 0],
      [10, 5],
      [0, 10],
      [6, 5],
      [0, 0],
    ];
    expect(pointInRing(at(8, 5), arrow)).toBe('inside');
    expect(pointInRing(at(3, 5), arrow)).toBe('outside');
    expect(pointInRing(at(6, 5), arrow)).toBe('edge');
    expect(pointInRing(at(-1, 0), arrow)).toBe('outside');
  });

  it('excludes holes but keeps the hole rim as border, either winding', () => {
    const withHole = poly(square, rect(3, 3, 7, 7));
    expect(pointInBoundary(at(5, 5), withHole)).toBe('outside');
    expect(pointInBoundary(at(1, 1), withHole)).toBe('inside');
    expect(pointInBoundary(at(3, 5), withHole)).toBe('edge');
    const reversed = poly([...square].reverse(), [...rect(3, 3, 7, 7)].reverse());
    expect(pointInBoundary(at(5, 5), reversed)).toBe('outside');
    expect(pointInBoundary(at(8, 8), reversed)).toBe('inside');
  });

  it('reads every polygon of a MultiPolygon, including an island in a hole', () => {
    const multi: Boundary = { type: 'MultiPolygon', coordinates: [[square, rect(3, 3, 7, 7)], [rect(4, 4, 6, 6)], [rect(20, 20, 30, 30)]] };
    expect(pointInBoundary(at(5, 5), multi)).toBe('inside');
    expect(pointInBoundary(at(3.5, 3.5), multi)).toBe('outside');
    expect(pointInBoundary(at(25, 25), multi)).toBe('inside');
    expect(pointInBoundary(at(15, 15), multi)).toBe('outside');
  });

  it('treats a point within a millimetre of an edge as on it, and non-finite points as outside', () => {
    expect(pointInBoundary(at(10 + 5e-9, 5), poly(square))).toBe('edge');
    expect(pointInBoundary(at(10 + 1e-6, 5), poly(square))).toBe('outside');
    expect(pointInBoundary(at(Number.NaN, 5), poly(square))).toBe('outside');
  });

  it('agrees with the rectangle test for any point (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 15, noNaN: true }), fc.double({ min: -5, max: 15, noNaN: true }), (x, y) => {
        const side = pointInBoundary(at(x, y), poly(square));
        const strictly = x > 1e-7 && x < 10 - 1e-7 && y > 1e-7 && y < 10 - 1e-7;
        const out = x < -1e-7 || x > 10 + 1e-7 || y < -1e-7 || y > 10 + 1e-7;
        if (strictly) expect(side).toBe('inside');
        if (out) expect(side).toBe('outside');
      }),
    );
  });
});

describe('parseBoundary', () => {
  it('accepts a Polygon and a MultiPolygon, dropping altitudes', () => {
    const r = parseBoundary({ type: 'Polygon', coordinates: [[[120, 30, 5], [121, 30, 5], [121, 31, 5], [120, 30, 5]]] });
    expect(r).toEqual({ ok: true, value: { type: 'Polygon', coordinates: [[[120, 30], [121, 30], [121, 31], [120, 30]]] } });
    expect(parseBoundary({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(2, 2, 3, 3)]] }).ok).toBe(true);
  });

  it.each([
    ['a point', { type: 'Point', coordinates: [120, 30] }],
    ['latitude out of range', { type: 'Polygon', coordinates: [rect(120, 80, 121, 95)] }],
    ['an open ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }],
    ['a ring of two corners', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0], [1, 0], [0, 0]]] }],
    ['no rings', { type: 'Polygon', coordinates: [] }],
    ['text', 'POLYGON((0 0,1 0,1 1,0 0))'],
  ])('refuses %s with a coded error in both languages', (_name, input) => {
    const r = parseBoundary(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('JURISDICTION.INVALID_BOUNDARY');
      expect(r.error.messageZh).toMatch(/辖区边界/);
    }
  });
});

describe('withRightHandRule / simplifyBoundary / boundaryBBox', () => {
  it('orients outlines counter-clockwise and holes clockwise', () => {
    const fixed = withRightHandRule(poly([...rect(0, 0, 10, 10)].reverse(), rect(3, 3, 7, 7)));
    if (fixed.type !== 'Polygon') throw new Error('type');
    expect(ringSignedArea2(fixed.coordinates[0]!)).toBeGreaterThan(0);
    expect(ringSignedArea2(fixed.coordinates[1]!)).toBeLessThan(0);
  });

  it('drops points within the tolerance, keeps rings closed with four or more positions', () => {
    const wobbly: LinearRing = [[0, 0], [5, 0.00001], [10, 0], [10, 10], [5, 10.00002], [0, 10], [0, 0]];
    const s = simplifyBoundary(poly(wobbly), 0.001);
    if (s.type !== 'Polygon') throw new Error('type');
    expect(s.coordinates[0]).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    const tiny = simplifyBoundary(poly(rect(0, 0, 0.00001, 0.00001)), 1);
    if (tiny.type !== 'Polygon') throw new Error('type');
    expect(tiny.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
    expect(parseBoundary(tiny).ok).toBe(true);
  });

  it('bounds by the outlines', () => {
    expect(boundaryBBox({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(5, -2, 6, 3)]] })).toEqual({ minLng: 0, minLat: -2, maxLng: 6, maxLat: 3 });
  });
});

describe('locateJurisdiction', () => {
  const rows: JurisdictionRow[] = [
    { id: 'city', parentId: null, level: 'city', name: '市' },
    { id: 'east', parentId: 'city', level: 'district', name: '东区' },
    { id: 'west', parentId: 'city', level: 'district', name: '西区' },
    { id: 'e1', parentId: 'east', level: 'street', name: '东一街道' },
    { id: 'e2', parentId: 'east', level: 'street', name: '东二街道' },
    { id: 'e1c', parentId: 'e1', level: 'community', name: '东一社区' },
    { id: 'w1', parentId: 'west', level: 'street', name: '西一街道' },
  ];
  const built = buildJurisdictionTree(rows);
  if (!built.ok) throw new Error(built.error.message);
  const tree = built.value;
  const boundaries = indexBoundaries([
    ['city', poly(rect(0, 0, 20, 10))],
    ['west', poly(rect(0, 0, 10, 10))],
    ['east', poly(rect(10, 0, 20, 10))],
    // Two streets covering the east district's south half only, sharing the line x = 15.
    ['e1', poly(rect(10, 0, 15, 5))],
    ['e2', poly(rect(15, 0, 20, 5))],
    // A street drawn partly outside its district: only its part inside the district counts.
    ['w1', poly(rect(8, 0, 12, 10))],
  ]);

  it('picks the deepest jurisdiction containing the point; communities without boundaries leave it at the street', () => {
    expect(locateJurisdiction(tree, boundaries, at(12, 2))).toEqual({ found: true, jurisdictionId: 'e1', precision: 'children_unmapped', onEdge: false, alsoContaining: [] });
    expect(locateJurisdiction(tree, boundaries, at(17, 2))).toMatchObject({ found: true, jurisdictionId: 'e2', precision: 'leaf' });
  });

  it('falls back to the nearest mapped ancestor in a gap between mapped children', () => {
    expect(locateJurisdiction(tree, boundaries, at(17, 8))).toMatchObject({ found: true, jurisdictionId: 'east', precision: 'between_children' });
  });

  it('decides a point on a shared border by tree order and names the neighbour', () => {
    expect(locateJurisdiction(tree, boundaries, at(15, 2))).toEqual({ found: true, jurisdictionId: 'e1', precision: 'children_unmapped', onEdge: true, alsoContaining: ['e2'] });
  });

  it('prefers the one whose interior holds the point over one whose border it is on', () => {
    const overlapping = indexBoundaries([
      ['e1', poly(rect(10, 0, 15, 5))],
      ['e2', poly(rect(14, 0, 20, 5))],
    ]);
    // (15, 2) is on e1's east border and inside e2 (the drawings overlap): e2, although e1 comes first in the tree.
    expect(locateJurisdiction(tree, overlapping, at(15, 2))).toEqual({ found: true, jurisdictionId: 'e2', precision: 'leaf', onEdge: false, alsoContaining: ['e1'] });
  });

  it('ignores the part of a child that lies outside its mapped parent', () => {
    // (11, 7) is inside w1's drawing but in the east district, not the west one.
    expect(locateJurisdiction(tree, boundaries, at(11, 7))).toMatchObject({ found: true, jurisdictionId: 'east', precision: 'between_children' });
  });

  it('says why when nothing contains the point', () => {
    expect(locateJurisdiction(tree, boundaries, at(25, 5))).toEqual({ found: false, reason: 'outside_boundaries' });
    expect(locateJurisdiction(tree, indexBoundaries([]), at(5, 5))).toEqual({ found: false, reason: 'no_boundaries' });
    expect(locateJurisdiction(tree, boundaries, at(Number.NaN, 5))).toEqual({ found: false, reason: 'invalid_point' });
    expect(locateJurisdiction(tree, boundaries, at(200, 5))).toEqual({ found: false, reason: 'invalid_point' });
  });

  it('uses a mapped child under an unmapped parent, and ignores boundaries of ids not in the tree', () => {
    const partial = indexBoundaries([
      ['e1', poly(rect(10, 0, 15, 5))],
      ['ghost', poly(rect(-100, -100, 100, 100))],
    ]);
    expect(locateJurisdiction(tree, partial, at(12, 2))).toMatchObject({ found: true, jurisdictionId: 'e1' });
    expect(locateJurisdiction(tree, partial, at(17, 2))).toEqual({ found: false, reason: 'outside_boundaries' });
  });
});
