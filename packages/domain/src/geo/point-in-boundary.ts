import { boundaryBBox, polygonsOf, type BBox, type Boundary, type LinearRing } from './boundary';

export interface LngLat {
  readonly lat: number;
  readonly lng: number;
}

export type RingSide = 'inside' | 'outside' | 'edge';

/**
 * How close (degrees, about 1 mm) a point must be to an edge to count as on it:
 * coordinates typed or stored with 6-7 decimals land on a shared border exactly
 * only up to rounding.
 */
export const EDGE_TOLERANCE_DEG = 1e-8;

function onSegment(p: LngLat, a: readonly [number, number], b: readonly [number, number]): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.abs(p.lng - ax) <= EDGE_TOLERANCE_DEG && Math.abs(p.lat - ay) <= EDGE_TOLERANCE_DEG;
  // Distance from the segment, clamped to its ends.
  const t = Math.max(0, Math.min(1, ((p.lng - ax) * dx + (p.lat - ay) * dy) / len2));
  const ex = ax + t * dx - p.lng;
  const ey = ay + t * dy - p.lat;
  return ex * ex + ey * ey <= EDGE_TOLERANCE_DEG * EDGE_TOLERANCE_DEG;
}

/**
 * Where a point lies against one closed ring: even-odd ray casting towards +lng,
 * with points on an edge (or a corner) reported as 'edge'. Half-open vertex
 * rule (a vertex counts for the edge above it), so a ray through a corner is
 * counted once.
 */
export function pointInRing(p: LngLat, ring: LinearRing): RingSide {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    if (onSegment(p, a, b)) return 'edge';
    if (a[1] > p.lat !== b[1] > p.lat) {
      const x = a[0] + ((p.lat - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
      if (p.lng < x) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/**
 * Where a point lies against a Polygon or MultiPolygon: inside an outline and in
 * none of its holes is 'inside'; on an outline or on a hole's rim is 'edge' (the
 * border belongs to the area on both sides of it; callers decide between them).
 */
export function pointInBoundary(p: LngLat, b: Boundary, bbox: BBox = boundaryBBox(b)): RingSide {
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) return 'outside';
  const t = EDGE_TOLERANCE_DEG;
  if (p.lng < bbox.minLng - t || p.lng > bbox.maxLng + t || p.lat < bbox.minLat - t || p.lat > bbox.maxLat + t) return 'outside';
  let edge = false;
  for (const polygon of polygonsOf(b)) {
    const [outline, ...holes] = polygon;
    if (!outline) continue;
    const side = pointInRing(p, outline);
    if (side === 'outside') continue;
    if (side === 'edge') {
      edge = true;
      continue;
    }
    let inHole = false;
    for (const hole of holes) {
      const h = pointInRing(p, hole);
      if (h === 'edge') edge = true;
      if (h !== 'outside') {
        inHole = true;
        break;
      }
    }
    if (!inHole) return 'inside';
  }
  return edge ? 'edge' : 'outside';
}

/** Inside or on the border. */
export function boundaryContains(b: Boundary, p: LngLat): boolean {
  return pointInBoundary(p, b) !== 'outside';
}
