import type { Label } from '../projections/labels';
import type { JurisdictionTree } from '../org/jurisdiction-tree';
import { boundaryBBox, type BBox, type Boundary } from './boundary';
import { pointInBoundary, type LngLat } from './point-in-boundary';

/**
 * How exactly the jurisdiction found fits the point:
 * - `leaf`: the jurisdiction has no children, it is as deep as the tree goes;
 * - `children_unmapped`: it has children, none with a boundary (communities and
 *   grids are seldom drawn), so the nearest mapped level handles it;
 * - `between_children`: some children are mapped, none contains the point (a gap
 *   in the drawing), so the parent that does contain it handles it.
 */
export type LocatePrecision = 'leaf' | 'children_unmapped' | 'between_children';

export type JurisdictionAtPoint =
  | {
      readonly found: true;
      readonly jurisdictionId: string;
      readonly precision: LocatePrecision;
      /** The point is on the chosen jurisdiction's border. */
      readonly onEdge: boolean;
      /** Others at the same depth that contain it too (a point on a shared border); the chosen one is first in tree order. */
      readonly alsoContaining: readonly string[];
    }
  | { readonly found: false; readonly reason: 'no_boundaries' | 'outside_boundaries' | 'invalid_point' };

export const LOCATE_FAILURE_LABELS: Readonly<Record<'no_boundaries' | 'outside_boundaries' | 'invalid_point', Label>> = {
  no_boundaries: { zh: '辖区尚未绘制边界', en: 'no jurisdiction has a boundary yet' },
  outside_boundaries: { zh: '该位置不在任何辖区边界内', en: 'the place is outside every jurisdiction boundary' },
  invalid_point: { zh: '坐标无效', en: 'the coordinates are not valid' },
};

/** Boundaries by jurisdiction id, with their boxes computed once (build it when the tree is loaded, not per request). */
export interface BoundaryIndex {
  readonly size: number;
  has(id: string): boolean;
  get(id: string): Boundary | undefined;
  entries(): Iterable<readonly [string, { readonly boundary: Boundary; readonly bbox: BBox }]>;
}

export function indexBoundaries(boundaries: Iterable<readonly [string, Boundary]>): BoundaryIndex {
  const map = new Map<string, { boundary: Boundary; bbox: BBox }>();
  for (const [id, boundary] of boundaries) map.set(id, { boundary, bbox: boundaryBBox(boundary) });
  return {
    size: map.size,
    has: (id) => map.has(id),
    get: (id) => map.get(id)?.boundary,
    entries: () => map.entries(),
  };
}

/**
 * Which jurisdiction handles a point: the deepest jurisdiction whose boundary
 * contains it (borders included). A jurisdiction whose boundary pokes out of a
 * mapped ancestor's counts only where the ancestor contains the point too, so a
 * careless drawing cannot pull reports across a district line. When several at
 * the same depth contain the point (it is on their shared border), the one whose
 * interior holds it wins, then the first in tree order; the others are listed.
 * No boundary at all, or none containing the point: not found, with the reason.
 */
export function locateJurisdiction(tree: JurisdictionTree, boundaries: BoundaryIndex, point: LngLat): JurisdictionAtPoint {
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng) || Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
    return { found: false, reason: 'invalid_point' };
  }
  if (boundaries.size === 0) return { found: false, reason: 'no_boundaries' };
  const side = new Map<string, 'inside' | 'edge'>();
  for (const [id, { boundary, bbox }] of boundaries.entries()) {
    if (!tree.has(id)) continue;
    const s = pointInBoundary(point, boundary, bbox);
    if (s !== 'outside') side.set(id, s);
  }
  const consistent = [...side.keys()].filter((id) => tree.ancestors(id).every((a) => !boundaries.has(a) || side.has(a)));
  if (consistent.length === 0) return { found: false, reason: 'outside_boundaries' };

  const depth = (id: string) => tree.ancestors(id).length;
  const deepest = Math.max(...consistent.map(depth));
  let tied = consistent.filter((id) => depth(id) === deepest);
  if (tied.length > 1) {
    const order = treeOrder(tree);
    tied = tied.sort((a, b) => (side.get(a) === side.get(b) ? order.get(a)! - order.get(b)! : side.get(a) === 'inside' ? -1 : 1));
  }
  const chosen = tied[0]!;
  const children = tree.childrenOf(chosen);
  const precision: LocatePrecision = children.length === 0 ? 'leaf' : children.some((c) => boundaries.has(c)) ? 'between_children' : 'children_unmapped';
  return { found: true, jurisdictionId: chosen, precision, onEdge: side.get(chosen) === 'edge', alsoContaining: tied.slice(1) };
}

function treeOrder(tree: JurisdictionTree): Map<string, number> {
  const order = new Map<string, number>();
  for (const root of tree.roots) {
    order.set(root, order.size);
    for (const id of tree.descendants(root)) order.set(id, order.size);
  }
  return order;
}
