import type { JurisdictionScope } from '../common/context';
import type { JurisdictionLevel } from './jurisdiction-levels';

/** A row as stored (database, import file); `level` is checked when the tree is built. */
export interface JurisdictionRow {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: string;
  readonly name: string;
}

export interface JurisdictionNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: JurisdictionLevel;
  readonly name: string;
}

/**
 * The validated jurisdiction tree. `contains` is called on every API request, so
 * it is O(1) (pre-order intervals). Unknown ids are outside everything:
 * `contains` answers false and the list queries answer empty, so a stale id
 * can never widen an actor's scope.
 */
export interface JurisdictionTree extends JurisdictionScope {
  readonly roots: readonly string[];
  readonly size: number;
  has(id: string): boolean;
  node(id: string): JurisdictionNode | undefined;
  levelOf(id: string): JurisdictionLevel | undefined;
  parentOf(id: string): string | null | undefined;
  childrenOf(id: string): readonly string[];
  /** True when `jurisdictionId` is `ancestorId` or lies below it. */
  contains(ancestorId: string, jurisdictionId: string): boolean;
  /** Ancestors from the root down to the parent (the node itself excluded). */
  ancestors(id: string): string[];
  /** Every node below `id` in pre-order (the node itself excluded). */
  descendants(id: string): string[];
  /** Display names from the root down to the node itself, e.g. ['某省', '某市', '某区']. */
  path(id: string): string[];
}
