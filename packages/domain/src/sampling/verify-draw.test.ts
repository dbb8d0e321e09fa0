import { describe, expect, it } from 'vitest';
import type { DrawInputs, DrawInspector, DrawUnit } from './draw-inputs';
import { runDraw, type DrawOutput } from './run-draw';
import { verifyDraw } from './verify-draw';

const units: DrawUnit[] = Array.from({ length: 60 }, (_, i) => ({
  id: `u-${i}`,
  category: i % 3 ? 'crowded' : 'key_unit',
  jurisdictionId: `d-${i % 2}`,
  regionId: i % 2 ? 'north' : 'south',
  penalisedLastYear: i % 4 === 0,
  reported: i % 9 === 0,
  previousInspectorIds: i % 5 ? [] : ['i-1'],
}));
const inspectors: DrawInspector[] = Array.from({ length: 6 }, (_, i) => ({ id: `i-${i}`, regionId: i % 2 ? 'north' : 'south', departmentId: 'fire' }));
const inputs: DrawInputs = {
  algorithmVersion: 'fb-draw-1',
  drawId: 'draw-7',
  publicRandom: 'lottery 2025-07-01: 03 11 19 24 30 / 07',
  parameters: {
    ratios: [
      { category: 'crowded', ratio: 0.1 },
      { category: 'key_unit', ratio: 0.05 },
    ],
    priorityWeights: { penalisedLastYear: 2, reported: 3 },
    inspectorConflicts: { excludePreviousInspector: true, crossRegion: true },
  },
};

function published(): DrawOutput {
  const r = runDraw(inputs, units, inspectors);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const failure = (r: ReturnType<typeof verifyDraw>) => (r.ok ? null : { code: r.error.code, field: r.error.details!.field, index: r.error.details!.index });

describe('verifyDraw', () => {
  it('confirms an untouched draw', () => {
    const out = published();
    const r = verifyDraw(inputs, [...units].reverse(), inspectors, JSON.parse(JSON.stringify(out)) as DrawOutput);
    expect(r).toEqual({ ok: true, value: { seed: out.seed, selections: out.selections.length } });
  });

  it('points at a swapped inspector', () => {
    const out = published();
    const selections = out.selections.map((s, i) => (i === 2 ? { ...s, inspectorIds: [s.inspectorIds[1], s.inspectorIds[0]] as const } : s));
    expect(failure(verifyDraw(inputs, units, inspectors, { ...out, selections }))).toEqual({ code: 'DRAW.VERIFICATION_FAILED', field: 'selections', index: 2 });
  });

  it('points at a dropped selection', () => {
    const out = published();
    expect(failure(verifyDraw(inputs, units, inspectors, { ...out, selections: out.selections.slice(1) }))).toMatchObject({ field: 'selections.length' });
  });

  it('points at the unit digest when the published list is not the one drawn from', () => {
    const out = published();
    const edited = units.map((u) => (u.id === 'u-3' ? { ...u, penalisedLastYear: !u.penalisedLastYear } : u));
    expect(failure(verifyDraw(inputs, edited, inspectors, out))).toMatchObject({ field: 'unitsDigest' });
  });

  it('points at the public random value when it was changed after the fact', () => {
    const out = published();
    expect(failure(verifyDraw({ ...inputs, publicRandom: 'another result' }, units, inspectors, out))).toMatchObject({ field: 'publicRandom' });
  });

  it('points at a stratum count that was edited', () => {
    const out = published();
    const strata = out.strata.map((s, i) => (i === 0 ? { ...s, drawn: s.drawn + 1 } : s));
    expect(failure(verifyDraw(inputs, units, inspectors, { ...out, strata }))).toEqual({ code: 'DRAW.VERIFICATION_FAILED', field: 'strata', index: 0 });
  });

  it('passes on the recomputation error when the inputs cannot be drawn at all', () => {
    const r = verifyDraw({ ...inputs, algorithmVersion: 'fb-draw-99' }, units, inspectors, published());
    expect(!r.ok && r.error.code).toBe('DRAW.UNSUPPORTED_ALGORITHM');
  });
});
