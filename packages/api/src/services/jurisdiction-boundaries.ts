import { z } from 'zod';
import { boundaryBBox, cataloguedError, parseBoundary, simplifyBoundary, type BBox, type Boundary, type JurisdictionLevel, type JurisdictionTree } from '@firebreak/domain';
import { listSubtreeBoundaries, type Db } from '@firebreak/db';
import { DomainFailure } from '../application/failure';
import { cityRoot } from './report-jurisdiction';

export const boundariesInput = z
  .object({
    /** The subtree to draw; the city when absent (what the public portal shows). */
    rootId: z.uuid().optional(),
    /** Douglas–Peucker tolerance in degrees (1e-4 ≈ 11 m); 0 sends the stored outlines. */
    toleranceDeg: z.number().min(0).max(0.01).default(0.0001),
  })
  .default({ toleranceDeg: 0.0001 });
export type BoundariesInput = z.infer<typeof boundariesInput>;

export interface MapArea {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: JurisdictionLevel;
  readonly name: string;
  /** Levels below the root (0 for the root itself), so a map can style districts and streets apart. */
  readonly depth: number;
  readonly boundary: Boundary;
}

export interface BoundariesMap {
  readonly root: { readonly id: string; readonly name: string; readonly level: JurisdictionLevel };
  /** Drawn jurisdictions of the subtree, the root first, then in tree order (parents before children). */
  readonly areas: readonly MapArea[];
  /** The box around every outline; null when nothing in the subtree is drawn. */
  readonly bbox: BBox | null;
}

/**
 * The drawn outlines of one subtree, simplified for drawing (routing always
 * uses the stored ones). Public data: administrative areas are published
 * anyway. The console's dashboard calls the same function for the caller's
 * own subtree.
 */
export async function subtreeBoundaries(db: Db, tree: JurisdictionTree, input: BoundariesInput): Promise<BoundariesMap> {
  const rootId = input.rootId ?? cityRoot(tree);
  const root = rootId === null ? undefined : tree.node(rootId);
  if (!root) throw new DomainFailure(cataloguedError('JURISDICTION.NOT_FOUND'));
  const rootDepth = tree.ancestors(root.id).length;
  const order = new Map([root.id, ...tree.descendants(root.id)].map((id, i) => [id, i]));
  const rows = (await listSubtreeBoundaries(db, root.id)).filter((r) => order.has(r.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const areas: MapArea[] = [];
  let bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number } | null = null;
  for (const r of rows) {
    const node = tree.node(r.id);
    const parsed = parseBoundary(r.boundary);
    if (!node || !parsed.ok) continue;
    const boundary = input.toleranceDeg > 0 ? simplifyBoundary(parsed.value, input.toleranceDeg) : parsed.value;
    const b = boundaryBBox(boundary);
    bbox = bbox === null ? { ...b } : { minLng: Math.min(bbox.minLng, b.minLng), minLat: Math.min(bbox.minLat, b.minLat), maxLng: Math.max(bbox.maxLng, b.maxLng), maxLat: Math.max(bbox.maxLat, b.maxLat) };
    areas.push({ id: node.id, parentId: node.parentId, level: node.level, name: node.name, depth: tree.ancestors(node.id).length - rootDepth, boundary });
  }
  return { root: { id: root.id, name: root.name, level: root.level }, areas, bbox };
}
