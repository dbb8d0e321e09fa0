import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJurisdictionTree, type JurisdictionTreeOptions } from './build-jurisdiction-tree';
import { JURISDICTION_LEVELS } from './jurisdiction-levels';
import type { JurisdictionRow, JurisdictionTree } from './jurisdiction-tree';

const row = (id: string, parentId: string | null, level: string, name = id): JurisdictionRow => ({ id, parentId, level, name });

const SAMPLE: JurisdictionRow[] = [
  row('p', null, 'province', '黑龙江省'),
  row('c1', 'p', 'city', '牡丹江市'),
  row('c2', 'p', 'city', '哈尔滨市'),
  row('d1', 'c1', 'district', '东安区'),
  row('d2', 'c1', 'district', '爱民区'),
  row('s1', 'd1', 'street', '七星街道'),
  row('m1', 's1', 'community', '七星社区'),
  row('g1', 'm1', 'grid', '第一网格'),
  row('g2', 'm1', 'grid', '第二网格'),
  row('d3', 'c2', 'district', '道里区'),
];

function build(rows: readonly JurisdictionRow[], options?: JurisdictionTreeOptions): JurisdictionTree {
  const r = buildJurisdictionTree(rows, options);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function failure(rows: readonly JurisdictionRow[], options?: JurisdictionTreeOptions) {
  const r = buildJurisdictionTree(rows, options);
  if (r.ok) throw new Error('expected a validation error');
  return r.error;
}

describe('buildJurisdictionTree validation', () => {
  it('refuses an empty list', () => {
    expect(failure([]).code).toBe('JURISDICTION.EMPTY');
  });

  it('refuses blank ids and names', () => {
    expect(failure([row('', null, 'province', 'x')]).code).toBe('JURISDICTION.INVALID_ROW');
    expect(failure([row('p', null, 'province', '  ')])).toMatchObject({ code: 'JURISDICTION.INVALID_ROW', details: { ids: ['p'] } });
  });

  it('refuses duplicate ids', () => {
    expect(failure([...SAMPLE, row('d2', 'c1', 'district')])).toMatchObject({ code: 'JURISDICTION.DUPLICATE_ID', details: { ids: ['d2'] } });
  });

  it('refuses unknown levels', () => {
    expect(failure([...SAMPLE, row('x', 'd1', 'county')])).toMatchObject({ code: 'JURISDICTION.UNKNOWN_LEVEL', details: { ids: ['x'] } });
  });

  it('refuses unknown parents', () => {
    const e = failure([...SAMPLE, row('x', 'nowhere', 'street'), row('y', 'gone', 'grid')]);
    expect(e).toMatchObject({ code: 'JURISDICTION.UNKNOWN_PARENT', details: { ids: ['x', 'y'] } });
    expect(e.messageZh).toBe('上级辖区不存在');
  });

  it('reports exactly the members of a cycle, including a self-parent', () => {
    const e = failure([...SAMPLE, row('a', 'b', 'street'), row('b', 'c', 'community'), row('c', 'a', 'grid'), row('t', 'a', 'grid')]);
    expect(e.code).toBe('JURISDICTION.CYCLE');
    expect([...(e.details!.ids as string[])].sort()).toEqual(['a', 'b', 'c']);
    expect(failure([row('p', null, 'province'), row('x', 'x', 'city')])).toMatchObject({ code: 'JURISDICTION.CYCLE', details: { ids: ['x'] } });
  });

  it('requires a child exactly one level below its parent', () => {
    const skip = failure([...SAMPLE, row('x', 'd1', 'community')]);
    expect(skip).toMatchObject({ code: 'JURISDICTION.LEVEL_MISMATCH', details: { ids: ['x'] } });
    expect(failure([...SAMPLE, row('y', 'c1', 'city')])).toMatchObject({ code: 'JURISDICTION.LEVEL_MISMATCH', details: { ids: ['y'] } });
    expect(failure([...SAMPLE, row('z', 'd1', 'city')])).toMatchObject({ code: 'JURISDICTION.LEVEL_MISMATCH', details: { ids: ['z'] } });
    expect(failure([row('g', null, 'grid'), row('under', 'g', 'grid')]).code).toBe('JURISDICTION.LEVEL_MISMATCH');
  });

  it('allows a forest only when asked', () => {
    const forest = [...SAMPLE, row('p2', null, 'province', '吉林省'), row('c3', 'p2', 'city', '长春市')];
    expect(failure(forest)).toMatchObject({ code: 'JURISDICTION.MULTIPLE_ROOTS', details: { ids: ['p', 'p2'] } });
    const tree = build(forest, { allowForest: true });
    expect(tree.roots).toEqual(['p', 'p2']);
    expect(tree.contains('p', 'c3')).toBe(false);
    expect(tree.contains('p2', 'c3')).toBe(true);
  });

  it('checks the level of the roots when required', () => {
    const cityDeployment = [row('c', null, 'city', '牡丹江市'), row('d', 'c', 'district', '东安区')];
    expect(build(cityDeployment, { rootLevel: 'city' }).levelOf('c')).toBe('city');
    expect(failure(cityDeployment, { rootLevel: 'province' })).toMatchObject({ code: 'JURISDICTION.ROOT_LEVEL', details: { ids: ['c'] } });
  });
});

describe('jurisdiction tree queries', () => {
  const tree = build([...SAMPLE].reverse());

  it('answers contains for self, descendants, siblings and ancestors', () => {
    expect(tree.contains('p', 'g2')).toBe(true);
    expect(tree.contains('d1', 'd1')).toBe(true);
    expect(tree.contains('d1', 'g1')).toBe(true);
    expect(tree.contains('d2', 'g1')).toBe(false);
    expect(tree.contains('g1', 'd1')).toBe(false);
    expect(tree.contains('c2', 's1')).toBe(false);
  });

  it('puts unknown ids outside everything', () => {
    expect(tree.contains('p', 'ghost')).toBe(false);
    expect(tree.contains('ghost', 'p')).toBe(false);
    expect(tree.contains('ghost', 'ghost')).toBe(false);
    expect(tree.ancestors('ghost')).toEqual([]);
    expect(tree.descendants('ghost')).toEqual([]);
    expect(tree.path('ghost')).toEqual([]);
    expect(tree.levelOf('ghost')).toBeUndefined();
    expect(tree.has('ghost')).toBe(false);
  });

  it('lists ancestors root first, descendants, path names and levels', () => {
    expect(tree.ancestors('g1')).toEqual(['p', 'c1', 'd1', 's1', 'm1']);
    expect(tree.ancestors('p')).toEqual([]);
    expect(tree.descendants('d1').sort()).toEqual(['g1', 'g2', 'm1', 's1']);
    expect(tree.descendants('g2')).toEqual([]);
    expect(tree.path('g2')).toEqual(['黑龙江省', '牡丹江市', '东安区', '七星街道', '七星社区', '第二网格']);
    expect(tree.levelOf('s1')).toBe('street');
    expect(tree.parentOf('p')).toBeNull();
    expect(tree.parentOf('d3')).toBe('c2');
    expect([...tree.childrenOf('c1')].sort()).toEqual(['d1', 'd2']);
    expect(tree.size).toBe(SAMPLE.length);
    expect(tree.node('m1')).toEqual({ id: 'm1', parentId: 's1', level: 'community', name: '七星社区' });
  });

  it('does not let callers change the tree through returned lists', () => {
    const kids = tree.childrenOf('c1') as string[];
    kids.push('intruder');
    tree.descendants('p').push('intruder');
    expect(tree.childrenOf('c1')).toHaveLength(2);
    expect(tree.descendants('p')).not.toContain('intruder');
  });
});

/** Random valid forests: each node either starts a tree at a random level or hangs under an earlier node one level up. */
const forestArb = fc
  .array(fc.record({ parentPick: fc.nat(), rootLevel: fc.integer({ min: 0, max: 5 }), newRoot: fc.integer({ min: 0, max: 9 }) }), {
    minLength: 1,
    maxLength: 60,
  })
  .map((specs) => {
    const rows: JurisdictionRow[] = [];
    const depth: number[] = [];
    specs.forEach((s, i) => {
      const candidates = rows.map((_, j) => j).filter((j) => depth[j]! < 5);
      if (i === 0 || candidates.length === 0 || s.newRoot === 0) {
        depth.push(s.rootLevel);
        rows.push(row(`n${i}`, null, JURISDICTION_LEVELS[s.rootLevel]!, `名称${i}`));
      } else {
        const parent = candidates[s.parentPick % candidates.length]!;
        depth.push(depth[parent]! + 1);
        rows.push(row(`n${i}`, `n${parent}`, JURISDICTION_LEVELS[depth[parent]! + 1]!, `名称${i}`));
      }
    });
    return rows;
  })
  .chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }));

function bruteContains(rows: readonly JurisdictionRow[], a: string, b: string): boolean {
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  let cur: string | null | undefined = b;
  while (cur !== null && cur !== undefined) {
    if (cur === a) return true;
    cur = parent.get(cur);
  }
  return false;
}

describe('jurisdiction tree properties', () => {
  it('contains() agrees with a brute-force walk up the parents for every pair', () => {
    fc.assert(
      fc.property(forestArb, (rows) => {
        const tree = build(rows, { allowForest: true });
        for (const a of rows) for (const b of rows) expect(tree.contains(a.id, b.id)).toBe(bruteContains(rows, a.id, b.id));
      }),
      { numRuns: 200 },
    );
  });

  it('descendants and ancestors are the two sides of contains()', () => {
    fc.assert(
      fc.property(forestArb, (rows) => {
        const tree = build(rows, { allowForest: true });
        for (const a of rows) {
          const below = rows.filter((b) => b.id !== a.id && bruteContains(rows, a.id, b.id)).map((b) => b.id);
          expect([...tree.descendants(a.id)].sort()).toEqual(below.sort());
          const above = tree.ancestors(a.id);
          expect(above.every((x) => tree.contains(x, a.id))).toBe(true);
          expect(above.length).toBe(rows.filter((x) => x.id !== a.id && bruteContains(rows, x.id, a.id)).length);
          expect(tree.path(a.id)).toHaveLength(above.length + 1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects any forest once a row is re-parented one level off', () => {
    fc.assert(
      fc.property(forestArb, fc.nat(), (rows, pick) => {
        const children = rows.filter((r) => r.parentId !== null);
        fc.pre(children.length > 0);
        const victim = children[pick % children.length]!;
        const depth = JURISDICTION_LEVELS.indexOf(victim.level as (typeof JURISDICTION_LEVELS)[number]);
        const wrong = JURISDICTION_LEVELS[depth === 5 ? 4 : depth + 1]!;
        const broken = rows.map((r) => (r === victim ? { ...r, level: wrong } : r));
        const result = buildJurisdictionTree(broken, { allowForest: true });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('JURISDICTION.LEVEL_MISMATCH');
      }),
    );
  });
});
