import { haversineMeters, indexBoundaries, locateJurisdiction, parseBoundary, type BoundaryIndex, type JurisdictionTree, type LocatePrecision } from '@firebreak/domain';
import { findApiKeyJurisdiction, findVenueById, listJurisdictionBoundaries, listVenuesNear, type Db } from '@firebreak/db';
import { DomainFailure } from '../application/failure';

/** How far a located report may be from a venue and still land in that venue's jurisdiction. */
export const NEAREST_VENUE_METERS = 2_000;

const METERS_PER_DEGREE_LAT = 111_320;

export type JurisdictionBasis = 'venue' | 'boundary' | 'nearest_venue' | 'api_key' | 'city_root';

export interface ReportPlacement {
  readonly jurisdictionId: string;
  readonly basis: JurisdictionBasis;
  /** The located venue the report was placed by (basis nearest_venue). */
  readonly nearestVenue?: { readonly name: string; readonly address: string };
  /** How the boundary fitted (basis boundary): see the kernel's locateJurisdiction. */
  readonly boundary?: { readonly precision: LocatePrecision; readonly onEdge: boolean };
}

/**
 * The drawn boundaries, indexed once per loaded tree: the reference cache makes
 * a new tree whenever it reloads (after an admin change or its TTL), and the
 * boundaries are read again with it.
 */
const boundaryIndexes = new WeakMap<JurisdictionTree, Promise<BoundaryIndex>>();

export function boundaryIndexFor(db: Db, tree: JurisdictionTree): Promise<BoundaryIndex> {
  let index = boundaryIndexes.get(tree);
  if (!index) {
    index = listJurisdictionBoundaries(db).then((rows) =>
      // The database only checks the type; a stored shape the kernel cannot read is left out, not fatal to intake.
      indexBoundaries(rows.flatMap((r) => {
        const parsed = parseBoundary(r.boundary);
        return parsed.ok ? [[r.id, parsed.value] as const] : [];
      })),
    );
    index.catch(() => boundaryIndexes.delete(tree));
    boundaryIndexes.set(tree, index);
  }
  return index;
}

/**
 * Which jurisdiction a new report belongs to, most precise first:
 *  1. the named venue's jurisdiction;
 *  2. the deepest jurisdiction whose drawn boundary contains the point (the
 *     nearest drawn ancestor where the lower levels are not drawn);
 *  3. where no boundary contains it (none drawn yet), the nearest located venue
 *     within 2 km;
 *  4. the Open311 key's jurisdiction (a hotline's own area);
 *  5. the city root: the first city-level node of the tree (a province root
 *     otherwise), where the city's duty desk triages it.
 */
export async function placeReport(
  db: Db,
  tree: JurisdictionTree,
  input: {
    venueId: string | null;
    location: { lat: number; lng: number };
    apiKeyId: string | null;
    /** The named venue when the caller has already read it (saves a round trip). */
    venue?: { readonly id: string; readonly jurisdictionId: string } | null;
  },
): Promise<ReportPlacement> {
  if (input.venueId !== null) {
    const venue = input.venue?.id === input.venueId ? input.venue : await findVenueById(db, input.venueId);
    if (!venue) throw new DomainFailure({ code: 'VENUE.NOT_FOUND', message: 'The venue does not exist', messageZh: '所选场所不存在' });
    return { jurisdictionId: venue.jurisdictionId, basis: 'venue' };
  }
  const located = locateJurisdiction(tree, await boundaryIndexFor(db, tree), input.location);
  if (located.found) {
    return { jurisdictionId: located.jurisdictionId, basis: 'boundary', boundary: { precision: located.precision, onEdge: located.onEdge } };
  }
  const near = await nearestVenue(db, input.location);
  if (near !== null) return { jurisdictionId: near.jurisdictionId, basis: 'nearest_venue', nearestVenue: { name: near.name, address: near.address } };
  if (input.apiKeyId !== null) {
    const keyed = await findApiKeyJurisdiction(db, input.apiKeyId);
    if (keyed !== null && tree.has(keyed)) return { jurisdictionId: keyed, basis: 'api_key' };
  }
  const root = cityRoot(tree);
  if (root === null) {
    throw new DomainFailure({ code: 'SERVER.NO_JURISDICTIONS', message: 'No jurisdictions are configured', messageZh: '系统尚未配置辖区' });
  }
  return { jurisdictionId: root, basis: 'city_root' };
}

async function nearestVenue(db: Db, at: { lat: number; lng: number }): Promise<{ jurisdictionId: string; name: string; address: string } | null> {
  const latDelta = NEAREST_VENUE_METERS / METERS_PER_DEGREE_LAT;
  // Near the poles a degree of longitude shrinks to nothing; cap the box instead of dividing by ~0.
  const lngDelta = Math.min(180, latDelta / Math.max(Math.cos((at.lat * Math.PI) / 180), 0.01));
  const candidates = await listVenuesNear(db, { lat: at.lat, lng: at.lng, latDelta, lngDelta });
  let best: { jurisdictionId: string; name: string; address: string; meters: number } | null = null;
  for (const v of candidates) {
    if (v.lat === null || v.lng === null) continue;
    const meters = haversineMeters(at, { lat: v.lat, lng: v.lng });
    if (meters <= NEAREST_VENUE_METERS && (best === null || meters < best.meters)) best = { jurisdictionId: v.jurisdictionId, name: v.name, address: v.address, meters };
  }
  return best;
}

/** The shallowest city-level node in tree order, else the first root. */
export function cityRoot(tree: JurisdictionTree): string | null {
  for (const root of tree.roots) {
    if (tree.levelOf(root) === 'city') return root;
    const city = tree.descendants(root).find((id) => tree.levelOf(id) === 'city');
    if (city !== undefined) return city;
  }
  return tree.roots[0] ?? null;
}
