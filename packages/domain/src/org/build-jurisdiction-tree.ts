import { err, ok, type DomainError, type Result } from '../common/errors';
import { isJurisdictionLevel, levelDepth, JURISDICTION_LEVEL_NAMES, type JurisdictionLevel } from './jurisdiction-levels';
import type { JurisdictionNode, JurisdictionRow, JurisdictionTree } from './jurisdiction-tree';

export interface JurisdictionTreeOptions {
  /**
   * Several roots (e.g. a deployment covering two cities). Off by default: a
   * second root usually means a row lost its parent.
   */
  readonly allowForest?: boolean;
  /** Level every root must have (e.g. 'city' for a city deployment); any level when absent. */
  readonly rootLevel?: JurisdictionLevel;
}

type Failure = { ok: false; error: DomainError };

/**
 * Validates rows and builds the tree. Checks run in this order, and the first
 * failing check reports every offending id: empty rows, blank id or name,
 * duplicate id, unknown level, unknown parent, cycle, level mismatch (a child
 * exactly one level below its parent), root level, several roots.
 * Cycles are checked before levels because a cycle can never satisfy the level
 * rule and the cycle is the more useful report.
 */
export function buildJurisdictionTree(
  rows: readonly JurisdictionRow[],
  options: JurisdictionTreeOptions = {},
): Result<JurisdictionTree> {
  if (rows.length === 0) {
    return err('JURISDICTION.EMPTY', 'No jurisdictions given', '未提供任何辖区');
  }

  const blank = rows.filter((r) => r.id.trim() === '' || r.name.trim() === '');
  if (blank.length > 0) {
    return fail('JURISDICTION.INVALID_ROW', 'Jurisdictions need an id and a name', '辖区编号和名称不能为空', blank.map((r) => r.id));
  }

  const byId = new Map<string, JurisdictionRow>();
  const duplicates = new Set<string>();
  for (const r of rows) {
    if (byId.has(r.id)) duplicates.add(r.id);
    else byId.set(r.id, r);
  }
  if (duplicates.size > 0) {
    return fail('JURISDICTION.DUPLICATE_ID', 'Duplicate jurisdiction ids', '辖区编号重复', [...duplicates]);
  }

  const badLevel = rows.filter((r) => !isJurisdictionLevel(r.level));
  if (badLevel.length > 0) {
    return fail('JURISDICTION.UNKNOWN_LEVEL', 'Unknown jurisdiction level', '辖区层级无效', badLevel.map((r) => r.id));
  }
  const nodes = new Map<string, JurisdictionNode>();
  for (const r of rows) nodes.set(r.id, { id: r.id, parentId: r.parentId, level: r.level as JurisdictionLevel, name: r.name });

  const orphans = rows.filter((r) => r.parentId !== null && !byId.has(r.parentId));
  if (orphans.length > 0) {
    return fail('JURISDICTION.UNKNOWN_PARENT', 'Parent jurisdiction not found', '上级辖区不存在', orphans.map((r) => r.id));
  }

  const cycle = findCycleMembers(nodes);
  if (cycle.length > 0) {
    return fail('JURISDICTION.CYCLE', 'Jurisdictions form a cycle', '辖区上下级关系存在循环', cycle);
  }

  const mismatched = rows.filter((r) => {
    if (r.parentId === null) return false;
    const parent = nodes.get(r.parentId)!;
    return levelDepth(r.level as JurisdictionLevel) !== levelDepth(parent.level) + 1;
  });
  if (mismatched.length > 0) {
    return fail(
      'JURISDICTION.LEVEL_MISMATCH',
      'A jurisdiction must be exactly one level below its parent',
      '下级辖区层级必须恰好低于上级辖区一级',
      mismatched.map((r) => r.id),
    );
  }

  const roots = rows.filter((r) => r.parentId === null).map((r) => r.id);
  if (options.rootLevel !== undefined) {
    const wrongRoots = roots.filter((id) => nodes.get(id)!.level !== options.rootLevel);
    if (wrongRoots.length > 0) {
      const want = JURISDICTION_LEVEL_NAMES[options.rootLevel];
      return fail(
        'JURISDICTION.ROOT_LEVEL',
        `Top-level jurisdictions must be of level ${want.en}`,
        `顶级辖区必须为“${want.zh}”级`,
        wrongRoots,
      );
    }
  }
  if (roots.length > 1 && !options.allowForest) {
    return fail('JURISDICTION.MULTIPLE_ROOTS', 'More than one top-level jurisdiction', '存在多个顶级辖区', roots);
  }

  return ok(indexTree(rows, nodes, roots));
}

function fail(code: string, message: string, messageZh: string, ids: string[]): Failure {
  return err(code, message, messageZh, { ids });
}

/** Every node has at most one parent, so walking up either ends at a root or re-enters the current walk. */
function findCycleMembers(nodes: ReadonlyMap<string, JurisdictionNode>): string[] {
  const done = new Set<string>();
  const members: string[] = [];
  for (const start of nodes.keys()) {
    if (done.has(start)) continue;
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let cur: string | null = start;
    while (cur !== null && !done.has(cur) && !onWalk.has(cur)) {
      walk.push(cur);
      onWalk.add(cur);
      cur = nodes.get(cur)!.parentId;
    }
    if (cur !== null && onWalk.has(cur)) members.push(...walk.slice(walk.indexOf(cur)));
    for (const id of walk) done.add(id);
  }
  return members;
}

/**
 * Pre-order numbering: `first[id]` is the node's position, `last[id]` the
 * position of its last descendant, so a subtree is one contiguous range and
 * `contains` is two comparisons.
 */
function indexTree(rows: readonly JurisdictionRow[], nodes: ReadonlyMap<string, JurisdictionNode>, roots: readonly string[]): JurisdictionTree {
  const children = new Map<string, string[]>();
  for (const r of rows) children.set(r.id, []);
  for (const r of rows) if (r.parentId !== null) children.get(r.parentId)!.push(r.id);

  const order: string[] = [];
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  // Iterative so an unexpectedly deep import cannot overflow the stack.
  const stack: { id: string; exiting: boolean }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ id: roots[i]!, exiting: false });
  while (stack.length > 0) {
    const { id, exiting } = stack.pop()!;
    if (exiting) {
      last.set(id, order.length - 1);
      continue;
    }
    first.set(id, order.length);
    order.push(id);
    stack.push({ id, exiting: true });
    const kids = children.get(id)!;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i]!, exiting: false });
  }

  const frozenRoots = Object.freeze([...roots]);

  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    let cur = nodes.get(id)?.parentId ?? null;
    while (cur !== null) {
      out.push(cur);
      cur = nodes.get(cur)!.parentId;
    }
    return out.reverse();
  };

  return {
    roots: frozenRoots,
    size: nodes.size,
    has: (id) => nodes.has(id),
    node: (id) => nodes.get(id),
    levelOf: (id) => nodes.get(id)?.level,
    parentOf: (id) => nodes.get(id)?.parentId,
    childrenOf: (id) => [...(children.get(id) ?? [])],
    contains(ancestorId, jurisdictionId) {
      const a = first.get(ancestorId);
      const b = first.get(jurisdictionId);
      if (a === undefined || b === undefined) return false;
      return a <= b && b <= last.get(ancestorId)!;
    },
    ancestors,
    descendants(id) {
      const a = first.get(id);
      return a === undefined ? [] : order.slice(a + 1, last.get(id)! + 1);
    },
    path(id) {
      const node = nodes.get(id);
      if (!node) return [];
      return [...ancestors(id).map((a) => nodes.get(a)!.name), node.name];
    },
  };
}
