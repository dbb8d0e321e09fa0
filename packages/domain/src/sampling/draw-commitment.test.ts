import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DrawInspector, DrawParameters, DrawUnit } from './draw-inputs';
import { checkDrawStep, commitDraw, drawInspectionPlans, drawStageOf, runCommittedDraw, serverSeedHashOf, verifyCommitment, type DrawCommitment } from './draw-commitment';
import { verifyPublishedDraw } from './verify-published-draw';

const units: DrawUnit[] = Array.from({ length: 10 }, (_, i) => ({
  id: `u${String(i).padStart(2, '0')}`,
  category: i < 6 ? 'crowded' : 'key',
  jurisdictionId: 'd1',
  regionId: 'd1',
  penalisedLastYear: i === 3,
  reported: false,
  previousInspectorIds: [],
}));
const inspectors: DrawInspector[] = ['a', 'b', 'c'].map((id) => ({ id, regionId: 'd1', departmentId: 'dep' }));
const parameters: DrawParameters = {
  ratios: [
    { category: 'crowded', ratio: 0.1 },
    { category: 'key', ratio: 0.05 },
  ],
  priorityWeights: { penalisedLastYear: 2, reported: 1 },
  inspectorConflicts: { excludePreviousInspector: true, crossRegion: false },
};
const serverSeed = bytesToHex(new Uint8Array(32).map((_, i) => i * 7));
const committedAt = new Date('2026-12-01T02:00:00Z');
const later = new Date('2026-12-01T03:00:00Z');

function committed(): DrawCommitment {
  const c = commitDraw({ drawId: 'draw-x', parameters, randomSource: '福彩3D 2026-12-01', serverSeedHash: serverSeedHashOf(serverSeed), committedAt }, units, inspectors);
  if (!c.ok) throw new Error(c.error.message);
  return c.value.commitment;
}
const reveal = { publicRandom: '4 7 1', serverSeed };

describe('draw stages', () => {
  it('runs only a committed draw, publishes and plans only a drawn one', () => {
    expect(drawStageOf({ hasOutput: false, publishedAt: null })).toBe('committed');
    expect(drawStageOf({ hasOutput: true, publishedAt: null })).toBe('drawn');
    expect(drawStageOf({ hasOutput: true, publishedAt: new Date() })).toBe('published');
    expect(checkDrawStep('committed', 'run')).toEqual({ ok: true, value: 'drawn' });
    expect(checkDrawStep('drawn', 'run')).toMatchObject({ ok: false, error: { code: 'DRAW.ALREADY_DRAWN' } });
    expect(checkDrawStep('published', 'run')).toMatchObject({ ok: false, error: { code: 'DRAW.ALREADY_DRAWN' } });
    expect(checkDrawStep('committed', 'publish')).toMatchObject({ ok: false, error: { code: 'DRAW.NOT_DRAWN' } });
    expect(checkDrawStep('committed', 'plan_inspections')).toMatchObject({ ok: false, error: { code: 'DRAW.NOT_DRAWN' } });
    expect(checkDrawStep('drawn', 'publish')).toEqual({ ok: true, value: 'published' });
    expect(checkDrawStep('published', 'publish')).toMatchObject({ ok: false, error: { code: 'DRAW.ALREADY_PUBLISHED' } });
    expect(checkDrawStep('published', 'plan_inspections')).toMatchObject({ ok: true });
    expect(checkDrawStep('drawn', 'plan_inspections', { inspectionsPlanned: 3 })).toMatchObject({ ok: false, error: { code: 'DRAW.ALREADY_PLANNED' } });
  });

  it('plans one inspection per drawn unit with its pair', () => {
    expect(drawInspectionPlans({ selections: [{ unitId: 'u1', inspectorIds: ['b', 'a'] }] })).toEqual([{ venueId: 'u1', team: ['b', 'a'] }]);
  });
});

describe('commitDraw', () => {
  it('publishes the lists’ digests, the parameters and the seed hash, and no random value', () => {
    const c = committed();
    expect(c).toMatchObject({ algorithmVersion: 'fb-draw-2', unitCount: 10, inspectorCount: 3, randomSource: '福彩3D 2026-12-01', committedAt: committedAt.toISOString() });
    expect(c.unitsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(c.commitmentDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(c)).not.toContain(serverSeed);
    expect(c).not.toHaveProperty('publicRandom');
  });

  it('refuses bad parameters, an unnamed random source and an empty library', () => {
    const base = { drawId: 'd', parameters, randomSource: 'x', serverSeedHash: serverSeedHashOf(serverSeed), committedAt };
    expect(commitDraw({ ...base, parameters: { ...parameters, ratios: [{ category: 'crowded', ratio: 1.5 }] } }, units, inspectors)).toMatchObject({ ok: false, error: { code: 'DRAW.INVALID_INPUTS' } });
    expect(commitDraw({ ...base, randomSource: '  ' }, units, inspectors)).toMatchObject({ ok: false, error: { code: 'DRAW.RANDOM_SOURCE_REQUIRED' } });
    expect(commitDraw(base, [], inspectors)).toMatchObject({ ok: false, error: { code: 'DRAW.EMPTY_LIBRARY' } });
    expect(commitDraw({ ...base, serverSeedHash: 'nope' }, units, inspectors)).toMatchObject({ ok: false, error: { code: 'DRAW.INVALID_INPUTS' } });
  });
});

describe('runCommittedDraw', () => {
  it('draws ceil(ratio × stratum) units with pairs, honouring its commitment', () => {
    const c = committed();
    const r = runCommittedDraw(c, units, inspectors, reveal, later);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.output.selections).toHaveLength(2); // ceil(0.1 × 6) + ceil(0.05 × 4)
    expect(r.value.output.unitsDigest).toBe(c.unitsDigest);
    expect(r.value.output.seedMaterial).toContain(serverSeed);
    expect(verifyCommitment(c, r.value.inputs, r.value.output, later.toISOString())).toEqual({ ok: true, value: true });
    const published = verifyPublishedDraw({
      inputs: { draw: r.value.inputs, units, inspectors, flagsSince: '' },
      output: r.value.output as unknown as Record<string, unknown>,
      commitment: c as unknown as Record<string, unknown>,
      drawnAt: later.toISOString(),
    });
    expect(published).toMatchObject({ status: 'verified', selections: 2 });
  });

  it('changes with the public random value and the server seed', () => {
    const c = committed();
    const a = runCommittedDraw(c, units, inspectors, reveal, later);
    const b = runCommittedDraw(c, units, inspectors, { ...reveal, publicRandom: '4 7 2' }, later);
    expect(a.ok && b.ok && a.value.output.seed !== b.value.output.seed).toBe(true);
  });

  it('refuses a random value not after the commitment, another seed, or other lists', () => {
    const c = committed();
    expect(runCommittedDraw(c, units, inspectors, reveal, committedAt)).toMatchObject({ ok: false, error: { code: 'DRAW.RANDOM_BEFORE_COMMIT' } });
    expect(runCommittedDraw(c, units, inspectors, { ...reveal, serverSeed: serverSeed.replace(/^00/, '01') }, later)).toMatchObject({ ok: false, error: { code: 'DRAW.SEED_MISMATCH' } });
    expect(runCommittedDraw(c, units.slice(1), inspectors, reveal, later)).toMatchObject({ ok: false, error: { code: 'DRAW.COMMITMENT_MISMATCH' } });
    expect(runCommittedDraw(c, units, inspectors.slice(1), reveal, later)).toMatchObject({ ok: false, error: { code: 'DRAW.COMMITMENT_MISMATCH' } });
    expect(runCommittedDraw({ ...c, randomSource: 'another lottery' }, units, inspectors, reveal, later)).toMatchObject({ ok: false, error: { code: 'DRAW.COMMITMENT_MISMATCH' } });
  });

  it('the public check catches a result that does not honour the published commitment', () => {
    const c = committed();
    const r = runCommittedDraw(c, units, inspectors, reveal, later);
    if (!r.ok) throw new Error(r.error.message);
    const row = { inputs: { draw: r.value.inputs, units, inspectors, flagsSince: '' }, output: r.value.output as unknown as Record<string, unknown> };
    // A commitment re-issued afterwards for the same lists (another seed hash) is refused.
    const other = commitDraw({ drawId: 'draw-x', parameters, randomSource: '福彩3D 2026-12-01', serverSeedHash: serverSeedHashOf('ab'.repeat(32)), committedAt }, units, inspectors);
    if (!other.ok) throw new Error('commit');
    expect(verifyPublishedDraw({ ...row, commitment: other.value.commitment as unknown as Record<string, unknown>, drawnAt: later.toISOString() })).toMatchObject({ status: 'mismatch', error: { details: { field: 'serverSeed' } } });
    expect(verifyPublishedDraw({ ...row, commitment: c as unknown as Record<string, unknown>, drawnAt: committedAt.toISOString() })).toMatchObject({ status: 'mismatch', error: { details: { field: 'drawnAt' } } });
    expect(verifyPublishedDraw({ ...row, commitment: null })).toMatchObject({ status: 'not_replayable', missing: ['commitment'] });
  });
});
