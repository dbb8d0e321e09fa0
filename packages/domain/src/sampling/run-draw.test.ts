import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrawInputs, DrawInspector, DrawUnit } from './draw-inputs';
import { hashId, seedWords, uniform53 } from './mixer';
import { runDraw, type DrawOutput } from './run-draw';

const unit = (id: string, over: Partial<DrawUnit> = {}): DrawUnit => ({
  id,
  category: 'crowded',
  jurisdictionId: 'district-1',
  regionId: 'north',
  penalisedLastYear: false,
  reported: false,
  previousInspectorIds: [],
  ...over,
});
const inspector = (id: string, regionId: string, departmentId = 'fire-1'): DrawInspector => ({ id, regionId, departmentId });

const inputs = (over: Partial<DrawInputs['parameters']> = {}, publicRandom = '2025-07-01 福彩3D 4 7 1'): DrawInputs => ({
  algorithmVersion: 'fb-draw-1',
  drawId: 'draw-2025-07',
  publicRandom,
  parameters: {
    ratios: [{ category: 'crowded', ratio: 0.1 }],
    priorityWeights: { penalisedLastYear: 1, reported: 1 },
    inspectorConflicts: { excludePreviousInspector: true, crossRegion: false },
    ...over,
  },
});

const units100 = Array.from({ length: 100 }, (_, i) => unit(`u-${String(i).padStart(3, '0')}`, { regionId: i % 2 ? 'north' : 'south' }));
const inspectors8 = Array.from({ length: 8 }, (_, i) => inspector(`i-${i}`, i % 2 ? 'north' : 'south'));

function drawOk(i: DrawInputs, u: readonly DrawUnit[], x: readonly DrawInspector[]): DrawOutput {
  const r = runDraw(i, u, x);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('runDraw: reproducibility', () => {
  it('gives an identical output for identical inputs', () => {
    expect(drawOk(inputs(), units100, inspectors8)).toEqual(drawOk(inputs(), units100, inspectors8));
  });

  it('does not depend on the order the lists or ratios are given in', () => {
    const a = drawOk(inputs(), units100, inspectors8);
    const b = drawOk(inputs(), shuffle(units100, 7), shuffle(inspectors8, 3));
    expect(b).toEqual(a);
    const twoRatios = [
      { category: 'crowded', ratio: 0.1 },
      { category: 'crowded', jurisdictionId: 'district-1', ratio: 0.2 },
    ];
    expect(drawOk(inputs({ ratios: twoRatios }), units100, inspectors8)).toEqual(drawOk(inputs({ ratios: [...twoRatios].reverse() }), units100, inspectors8));
  });

  it('changes the seed and the selection when the public random value changes', () => {
    const a = drawOk(inputs(), units100, inspectors8);
    const b = drawOk(inputs({}, '2025-07-02 福彩3D 9 0 3'), units100, inspectors8);
    expect(b.seed).not.toBe(a.seed);
    expect(b.selections.map((s) => s.unitId)).not.toEqual(a.selections.map((s) => s.unitId));
  });

  it('changes the seed when the unit list changes, through its digest', () => {
    const a = drawOk(inputs(), units100, inspectors8);
    const changed = units100.map((u, i) => (i === 50 ? { ...u, reported: true } : u));
    const b = drawOk(inputs(), changed, inspectors8);
    expect(b.unitsDigest).not.toBe(a.unitsDigest);
    expect(b.seed).not.toBe(a.seed);
  });

  it('publishes the exact seed material: sha256(seedMaterial) is the seed', () => {
    const out = drawOk(inputs(), units100, inspectors8);
    expect(bytesToHex(sha256(utf8ToBytes(out.seedMaterial)))).toBe(out.seed);
    expect(JSON.parse(out.seedMaterial)).toEqual({
      algorithmVersion: 'fb-draw-1',
      drawId: 'draw-2025-07',
      inspectorsDigest: out.inspectorsDigest,
      parameters: inputs().parameters,
      publicRandom: '2025-07-01 福彩3D 4 7 1',
      unitsDigest: out.unitsDigest,
    });
  });

  it('agrees with an independent recomputation from the published description', () => {
    const out = drawOk(inputs({ priorityWeights: { penalisedLastYear: 3, reported: 2 } }), units100.map((u, i) => ({ ...u, penalisedLastYear: i % 7 === 0, reported: i % 5 === 0 })), inspectors8);
    const [k0, k1, t0, t1, p0, p1] = seedWords(hexToBytes(out.seed)) as number[];
    const keyOf = (u: DrawUnit) => {
      const a = hashId(u.id, k0!);
      const b = hashId(u.id, k1!);
      const w = (u.penalisedLastYear ? 3 : 1) * (u.reported ? 2 : 1);
      return Math.max(...Array.from({ length: w }, (_, j) => uniform53(a, b, t0!, t1!, j)));
    };
    const ranked = units100
      .map((u, i) => ({ ...u, penalisedLastYear: i % 7 === 0, reported: i % 5 === 0 }))
      .map((u) => ({ id: u.id, key: keyOf(u) }))
      .sort((x, y) => y.key - x.key || (x.id < y.id ? -1 : 1));
    expect(out.selections.map((s) => s.unitId)).toEqual(ranked.slice(0, 10).map((r) => r.id));
    // Pairs: E is the pool ordered by (region, id) minus exclusions; here no exclusions apply.
    const pool = [...inspectors8].sort((x, y) => (x.regionId + x.id < y.regionId + y.id ? -1 : 1)).map((x) => x.id);
    for (const s of out.selections) {
      const a = hashId(s.unitId, k0!);
      const b = hashId(s.unitId, k1!);
      const first = pool[uniform53(a, b, p0!, p1!, 0) % pool.length]!;
      const rest = pool.filter((id) => id !== first);
      expect(s.inspectorIds).toEqual([first, rest[uniform53(a, b, p0!, p1!, 1) % rest.length]]);
    }
  });
});

describe('runDraw: strata and counts', () => {
  it('draws ceil(ratio × population) per stratum with exact arithmetic (0.07 × 100 is 7, not 8)', () => {
    const out = drawOk(inputs({ ratios: [{ category: 'crowded', ratio: 0.07 }] }), units100, inspectors8);
    expect(out.strata).toEqual([{ category: 'crowded', jurisdictionId: 'district-1', ratio: 0.07, population: 100, drawn: 7 }]);
    expect(out.selections).toHaveLength(7);
    const small = drawOk(inputs({ ratios: [{ category: 'crowded', ratio: 0.1 }] }), units100.slice(0, 11), inspectors8);
    expect(small.selections).toHaveLength(2);
  });

  it('draws without replacement, numbering each stratum from rank 1', () => {
    const out = drawOk(inputs({ ratios: [{ category: 'crowded', ratio: 0.5 }] }), units100, inspectors8);
    expect(new Set(out.selections.map((s) => s.unitId)).size).toBe(50);
    expect(out.selections.map((s) => s.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('splits by category and jurisdiction; a jurisdiction ratio overrides the category ratio; unlisted categories are not drawn', () => {
    const units = [
      ...Array.from({ length: 40 }, (_, i) => unit(`a-${i}`, { jurisdictionId: 'd-a' })),
      ...Array.from({ length: 40 }, (_, i) => unit(`b-${i}`, { jurisdictionId: 'd-b' })),
      ...Array.from({ length: 40 }, (_, i) => unit(`k-${i}`, { category: 'key_unit', jurisdictionId: 'd-a' })),
      ...Array.from({ length: 40 }, (_, i) => unit(`o-${i}`, { category: 'other' })),
    ];
    const out = drawOk(
      inputs({
        ratios: [
          { category: 'crowded', ratio: 0.1 },
          { category: 'crowded', jurisdictionId: 'd-b', ratio: 0.25 },
          { category: 'key_unit', ratio: 0.05 },
          { category: 'key_unit', jurisdictionId: 'd-empty', ratio: 0.5 },
        ],
      }),
      units,
      inspectors8,
    );
    expect(out.strata.map((s) => [s.category, s.jurisdictionId, s.population, s.drawn])).toEqual([
      ['crowded', 'd-a', 40, 4],
      ['crowded', 'd-b', 40, 10],
      ['key_unit', 'd-a', 40, 2],
      ['key_unit', 'd-empty', 0, 0],
    ]);
    expect(out.selections.filter((s) => s.category === 'crowded' && s.jurisdictionId === 'd-b').every((s) => s.unitId.startsWith('b-'))).toBe(true);
    expect(out.selections.some((s) => s.unitId.startsWith('o-'))).toBe(false);
    expect(out.unitCount).toBe(160);
  });
});

describe('runDraw: refusals', () => {
  const codeOf = (i: DrawInputs, u = units100, x = inspectors8) => {
    const r = runDraw(i, u, x);
    return r.ok ? 'ok' : r.error.code;
  };

  it.each([
    ['a zero ratio', { ratios: [{ category: 'crowded', ratio: 0 }] }],
    ['a ratio above 1', { ratios: [{ category: 'crowded', ratio: 1.5 }] }],
    ['a ratio finer than 0.01%', { ratios: [{ category: 'crowded', ratio: 0.00005 }] }],
    ['the same stratum twice', { ratios: [{ category: 'crowded', ratio: 0.1 }, { category: 'crowded', ratio: 0.2 }] }],
    ['a fractional weight', { priorityWeights: { penalisedLastYear: 1.5, reported: 1 } }],
    ['no ratios', { ratios: [] }],
  ])('refuses %s as DRAW.INVALID_INPUTS', (_name, params) => {
    expect(codeOf(inputs(params as Partial<DrawInputs['parameters']>))).toBe('DRAW.INVALID_INPUTS');
  });

  it('refuses an algorithm version it does not implement', () => {
    const r = runDraw({ ...inputs(), algorithmVersion: 'fb-draw-0' }, units100, inspectors8);
    expect(!r.ok && r.error).toMatchObject({ code: 'DRAW.UNSUPPORTED_ALGORITHM', details: { supported: ['fb-draw-1', 'fb-draw-2'] } });
  });

  it('refuses duplicate and malformed list entries', () => {
    expect(codeOf(inputs(), [...units100, unit('u-007')])).toBe('DRAW.DUPLICATE_UNIT');
    expect(codeOf(inputs(), units100, [...inspectors8, inspector('i-3', 'x')])).toBe('DRAW.DUPLICATE_INSPECTOR');
    expect(codeOf(inputs(), [...units100, unit('')])).toBe('DRAW.INVALID_UNIT');
    expect(codeOf(inputs(), units100, [...inspectors8, inspector('i-9', '')])).toBe('DRAW.INVALID_INSPECTOR');
  });

  it('cannot staff a stratum when cross-region leaves fewer than two inspectors', () => {
    const r = runDraw(
      inputs({ inspectorConflicts: { excludePreviousInspector: true, crossRegion: true } }),
      units100.map((u) => ({ ...u, regionId: 'north' })),
      [inspector('i-1', 'north'), inspector('i-2', 'north'), inspector('i-3', 'south')],
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'DRAW.CANNOT_STAFF', details: { category: 'crowded', jurisdictionId: 'district-1', eligibleInspectors: 1 } });
      expect(r.error.messageZh).toContain('无法派员');
    }
  });

  it("cannot staff a unit whose only other inspectors were its previous ones", () => {
    const r = runDraw(
      inputs({ ratios: [{ category: 'crowded', ratio: 1 }] }),
      [unit('u-1', { previousInspectorIds: ['i-1', 'i-2'] })],
      [inspector('i-1', 'north'), inspector('i-2', 'south'), inspector('i-3', 'south')],
    );
    expect(!r.ok && r.error.details).toMatchObject({ unitId: 'u-1', eligibleInspectors: 1 });
  });
});

describe('runDraw: statistics', () => {
  it('with equal weights, each unit is drawn at the ratio within 5 standard deviations over many seeds', () => {
    const draws = 1200;
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 25 }), fc.integer({ min: 500, max: 9000 }), fc.string({ minLength: 1, maxLength: 8 }), (n, bp, base) => {
        const units = Array.from({ length: n }, (_, i) => unit(`unit-${i}`));
        const ratio = bp / 10_000;
        const k = Math.ceil((n * bp) / 10_000);
        const p = k / n;
        const counts = new Map<string, number>();
        for (let d = 0; d < draws; d++) {
          for (const s of drawOk(inputs({ ratios: [{ category: 'crowded', ratio }] }, `${base}#${d}`), units, inspectors8).selections) {
            counts.set(s.unitId, (counts.get(s.unitId) ?? 0) + 1);
          }
        }
        const tolerance = 5 * Math.sqrt((p * (1 - p)) / draws) + 1e-9;
        for (const u of units) expect(Math.abs((counts.get(u.id) ?? 0) / draws - p)).toBeLessThanOrEqual(tolerance);
      }),
      // A fixed seed: a 5-sigma test still fails once in ~10^4 runs by chance, and CI must not flake.
      { numRuns: 4, seed: 20261123 },
    );
  });

  it('draws a unit of weight w first with probability w / total weight (Efraimidis–Spirakis)', () => {
    const units = Array.from({ length: 10 }, (_, i) => unit(`unit-${i}`, { penalisedLastYear: i === 0 }));
    const draws = 3000;
    let weightedFirst = 0;
    for (let d = 0; d < draws; d++) {
      const out = drawOk(inputs({ ratios: [{ category: 'crowded', ratio: 0.1 }], priorityWeights: { penalisedLastYear: 3, reported: 1 } }, `w#${d}`), units, inspectors8);
      if (out.selections[0]!.unitId === 'unit-0') weightedFirst++;
    }
    const p = 3 / 12;
    expect(Math.abs(weightedFirst / draws - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / draws));
  });

  it('spreads inspector assignments evenly over the eligible inspectors', () => {
    const inspectors = Array.from({ length: 5 }, (_, i) => inspector(`i-${i}`, 'south'));
    const draws = 3000;
    const counts = new Map<string, number>();
    for (let d = 0; d < draws; d++) {
      const out = drawOk(inputs({ ratios: [{ category: 'crowded', ratio: 1 }] }, `p#${d}`), [unit('u-1')], inspectors);
      for (const id of out.selections[0]!.inspectorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const p = 2 / 5;
    for (const x of inspectors) expect(Math.abs((counts.get(x.id) ?? 0) / draws - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / draws));
  });
});

describe('runDraw: conflict rules', () => {
  const scenario = fc
    .record({
      regions: fc.integer({ min: 1, max: 4 }),
      inspectorRegions: fc.array(fc.nat(3), { minLength: 0, maxLength: 9 }),
      units: fc.array(fc.record({ region: fc.nat(3), previous: fc.array(fc.nat(8), { maxLength: 4 }), penalised: fc.boolean() }), { minLength: 1, maxLength: 25 }),
      crossRegion: fc.boolean(),
      bp: fc.integer({ min: 1, max: 10_000 }),
      publicRandom: fc.string({ minLength: 1 }),
    })
    .map((g) => ({
      inspectors: g.inspectorRegions.map((r, i) => inspector(`i-${i}`, `r-${r % g.regions}`)),
      units: g.units.map((u, i) => unit(`u-${i}`, { regionId: `r-${u.region % g.regions}`, previousInspectorIds: u.previous.map((p) => `i-${p}`), penalisedLastYear: u.penalised })),
      crossRegion: g.crossRegion,
      ratio: g.bp / 10_000,
      bp: g.bp,
      publicRandom: g.publicRandom,
    }));

  it('never assigns a previous inspector, a same-region inspector under crossRegion, or the same inspector twice', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = runDraw(
          inputs({ ratios: [{ category: 'crowded', ratio: s.ratio }], inspectorConflicts: { excludePreviousInspector: true, crossRegion: s.crossRegion }, priorityWeights: { penalisedLastYear: 2, reported: 1 } }, s.publicRandom),
          s.units,
          s.inspectors,
        );
        const byId = new Map(s.inspectors.map((x) => [x.id, x]));
        const eligible = (u: DrawUnit) =>
          s.inspectors.filter((x) => !u.previousInspectorIds.includes(x.id) && !(s.crossRegion && x.regionId === u.regionId)).length;
        if (!r.ok) {
          expect(r.error.code).toBe('DRAW.CANNOT_STAFF');
          const u = s.units.find((x) => x.id === r.error.details!.unitId)!;
          expect(eligible(u)).toBeLessThan(2);
          expect(r.error.details!.eligibleInspectors).toBe(eligible(u));
          return;
        }
        expect(r.value.selections).toHaveLength(Math.ceil((s.units.length * s.bp) / 10_000));
        for (const sel of r.value.selections) {
          const u = s.units.find((x) => x.id === sel.unitId)!;
          const [a, b] = sel.inspectorIds;
          expect(a).not.toBe(b);
          for (const id of [a, b]) {
            expect(byId.has(id)).toBe(true);
            expect(u.previousInspectorIds).not.toContain(id);
            if (s.crossRegion) expect(byId.get(id)!.regionId).not.toBe(u.regionId);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
