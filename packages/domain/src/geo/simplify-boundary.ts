import { polygonsOf, type Boundary, type LinearRing, type Position } from './boundary';

/**
 * Douglas–Peucker on each ring with `toleranceDeg` (1e-4 ≈ 11 m): what a map
 * needs to draw an outline at city zoom, not what routing uses (routing keeps
 * the stored boundary). Rings keep their first and last position and at least
 * four positions, so the result is still a valid closed ring; coordinates are
 * rounded to 6 decimals (≈ 0.1 m) to keep the payload small.
 */
export function simplifyBoundary(b: Boundary, toleranceDeg: number): Boundary {
  const ring = (r: LinearRing): LinearRing => {
    const kept = r.length <= 4 ? r : douglasPeucker(r, toleranceDeg);
    const out = (kept.length >= 4 ? kept : r).map((q): Position => [round6(q[0]), round6(q[1])]);
    return out;
  };
  const polygons = polygonsOf(b).map((p) => p.map(ring));
  return b.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function douglasPeucker(points: LinearRing, tolerance: number): Position[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  // A closed ring's ends coincide: split at the point farthest from the start so the baseline is not a point.
  let far = 0;
  let farD = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const d = (points[i]![0] - points[0]![0]) ** 2 + (points[i]![1] - points[0]![1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, points.length - 1],
  ];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(points[i]!, points[a]!, points[b]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}
