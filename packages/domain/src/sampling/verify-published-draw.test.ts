import { describe, expect, it } from 'vitest';
import type { DrawInputs, DrawInspector, DrawUnit } from './draw-inputs';
import { unitTuple } from './draw-population';
import { runDraw } from './run-draw';
import { verifyPublishedDraw } from './verify-published-draw';

const units: DrawUnit[] = Array.from({ length: 4 }, (_, i) => ({
  id: `u${i}`,
  category: 'small_shop',
  jurisdictionId: 'j',
  regionId: 'r',
  penalisedLastYear: false,
  reported: i === 1,
  previousInspectorIds: i === 2 ? ['i0'] : [],
}));
const inspectors: DrawInspector[] = Array.from({ length: 3 }, (_, i) => ({ id: `i${i}`, regionId: 'r', departmentId: 'd' }));
const inputs: DrawInputs = {
  algorithmVersion: 'fb-draw-1',
  drawId: 'draw-1',
  publicRandom: 'lottery 1 2 3',
  parameters: { ratios: [{ category: 'small_shop', ratio: 0.5 }], priorityWeights: { penalisedLastYear: 1, reported: 3 }, inspectorConflicts: { excludePreviousInspector: true, crossRegion: false } },
};

const flagsSince = '2025-03-02T02:00:00.000Z';

function output() {
  const r = runDraw(inputs, units, inspectors);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as unknown as Record<string, unknown>;
}

describe('verifyPublishedDraw', () => {
  it('verifies lists stored as objects or as the published tuples', () => {
    expect(verifyPublishedDraw({ inputs: { draw: inputs, units, inspectors, flagsSince }, output: output() })).toMatchObject({ status: 'verified', selections: 2 });
    expect(verifyPublishedDraw({ inputs: { draw: inputs, units: units.map(unitTuple), inspectors: inspectors.map((i) => [i.id, i.regionId, i.departmentId]), flagsSince }, output: output() })).toMatchObject({
      status: 'verified',
    });
  });

  it('reports a changed list as a mismatch of its digest', () => {
    const changed = units.map((u, i) => (i === 3 ? { ...u, reported: true } : u));
    expect(verifyPublishedDraw({ inputs: { draw: inputs, units: changed, inspectors, flagsSince }, output: output() })).toMatchObject({
      status: 'mismatch',
      error: { code: 'DRAW.VERIFICATION_FAILED', details: { field: 'unitsDigest' } },
    });
  });

  it('says what is missing when the stored material cannot be replayed', () => {
    expect(verifyPublishedDraw({ inputs: { draw: inputs }, output: output() })).toEqual({ status: 'not_replayable', missing: ['inputs.units', 'inputs.inspectors'] });
    expect(verifyPublishedDraw({ inputs: { units, inspectors }, output: output() })).toEqual({ status: 'not_replayable', missing: ['inputs.draw'] });
  });
});
