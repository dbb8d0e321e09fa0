import { z } from 'zod';
import { err, ok, type Result } from '../common/errors';

/**
 * Jurisdiction boundaries as GeoJSON geometry (RFC 7946): a Polygon or a
 * MultiPolygon, positions `[longitude, latitude]` in WGS84 decimal degrees.
 *
 * Chinese web maps (AMap/高德, Tencent) publish GCJ-02 ("Mars") coordinates and
 * Baidu publishes BD-09; both are offset from WGS84 by up to several hundred
 * metres. Firebreak stores and compares WGS84 only (what GPS fixes, the
 * browser's geolocation and GeoJSON give); an importer of GCJ-02 outlines must
 * convert them first. The antimeridian is not handled: a ring is read as drawn.
 */
export type Position = readonly [number, number];
export type LinearRing = readonly Position[];
export interface PolygonGeometry {
  readonly type: 'Polygon';
  /** The first ring is the outline; any further rings are holes. */
  readonly coordinates: readonly LinearRing[];
}
export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly LinearRing[])[];
}
export type Boundary = PolygonGeometry | MultiPolygonGeometry;

/** Bounds on what is stored per jurisdiction (a city's outline at street detail is a few thousand vertices). */
export const BOUNDARY_MAX_VERTICES = 20_000;

const position = z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]).rest(z.number().finite());
const ring = z.array(position).min(4);
const polygon = z.array(ring).min(1);
export const boundarySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);

/** The polygons of a boundary, each as outline + holes. */
export function polygonsOf(b: Boundary): readonly (readonly LinearRing[])[] {
  return b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * A boundary as given (an import file, the database, an admin form), checked:
 * GeoJSON shape, longitude/latitude ranges, every ring closed (first position
 * repeated last) with at least three distinct corners, and the vertex cap.
 * Positions are cut to `[lng, lat]` (an altitude is dropped).
 */
export function parseBoundary(input: unknown): Result<Boundary> {
  const shaped = boundarySchema.safeParse(input);
  if (!shaped.success) {
    return err('JURISDICTION.INVALID_BOUNDARY', 'The boundary must be a GeoJSON Polygon or MultiPolygon in longitude/latitude', '辖区边界须为经纬度表示的 GeoJSON 多边形', {
      issue: shaped.error.issues[0]?.path.join('.') ?? '',
    });
  }
  const g = shaped.data;
  const flat: LinearRing[][] = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((p) => p.map((r) => r.map((q): Position => [q[0], q[1]])));
  let vertices = 0;
  for (const p of flat) {
    for (const r of p) {
      vertices += r.length;
      if (!samePosition(r[0]!, r[r.length - 1]!)) {
        return err('JURISDICTION.INVALID_BOUNDARY', 'Every ring of the boundary must end where it starts', '辖区边界的每个环必须首尾闭合');
      }
      if (new Set(r.slice(0, -1).map((q) => `${q[0]},${q[1]}`)).size < 3) {
        return err('JURISDICTION.INVALID_BOUNDARY', 'Every ring of the boundary needs at least three corners', '辖区边界的每个环至少需要三个顶点');
      }
    }
  }
  if (vertices > BOUNDARY_MAX_VERTICES) {
    return err('JURISDICTION.INVALID_BOUNDARY', `The boundary has more than ${BOUNDARY_MAX_VERTICES} vertices; simplify it first`, `辖区边界顶点超过 ${BOUNDARY_MAX_VERTICES} 个，请先简化`);
  }
  return ok(g.type === 'Polygon' ? { type: 'Polygon', coordinates: flat[0]! } : { type: 'MultiPolygon', coordinates: flat });
}

export interface BBox {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

export function boundaryBBox(b: Boundary): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const p of polygonsOf(b)) {
    // Holes lie inside the outline: the outline alone bounds the polygon.
    for (const [lng, lat] of p[0] ?? []) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return { minLng, minLat, maxLng, maxLat };
}

/** Twice the signed area of a ring in degree units (positive: counter-clockwise). */
export function ringSignedArea2(r: LinearRing): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return s;
}

/** RFC 7946 winding: outlines counter-clockwise, holes clockwise. */
export function withRightHandRule(b: Boundary): Boundary {
  const orient = (p: readonly LinearRing[]) => p.map((r, i) => ((ringSignedArea2(r) > 0) === (i === 0) ? r : [...r].reverse()));
  return b.type === 'Polygon' ? { type: 'Polygon', coordinates: orient(b.coordinates) } : { type: 'MultiPolygon', coordinates: b.coordinates.map(orient) };
}
