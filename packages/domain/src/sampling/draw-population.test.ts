import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../common/canonical-json';
import type { DrawInspector, DrawUnit } from './draw-inputs';
import { inspectorTuple, prepareDrawPopulation, unitTuple } from './draw-population';

const unitArb: fc.Arbitrary<DrawUnit> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }),
  category: fc.constantFrom('crowded', '宾馆饭店', 'a"b'),
  jurisdictionId: fc.string({ minLength: 1, maxLength: 6 }),
  regionId: fc.string({ minLength: 1, maxLength: 6 }),
  penalisedLastYear: fc.boolean(),
  reported: fc.boolean(),
  previousInspectorIds: fc.array(fc.constantFrom('i-1', 'i-2', 'i-3', '检-4'), { maxLength: 4 }),
});
const inspectorArb: fc.Arbitrary<DrawInspector> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  regionId: fc.string({ minLength: 1, maxLength: 4 }),
  departmentId: fc.string({ minLength: 1, maxLength: 4 }),
});
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sha = (s: string) => bytesToHex(sha256(utf8ToBytes(s)));

describe('prepareDrawPopulation', () => {
  it('digests exactly the documented canonical JSON, streamed or not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(unitArb, { selector: (u) => u.id, maxLength: 40 }), fc.uniqueArray(inspectorArb, { selector: (x) => x.id, maxLength: 10 }), (units, inspectors) => {
        const r = prepareDrawPopulation(units, inspectors);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.unitsDigest).toBe(sha(canonicalJson([...units].sort(byId).map(unitTuple))));
        expect(r.value.inspectorsDigest).toBe(sha(canonicalJson([...inspectors].sort(byId).map(inspectorTuple))));
        expect(r.value.units.map((u) => u.id)).toEqual([...units].sort(byId).map((u) => u.id));
      }),
      { numRuns: 200 },
    );
  });

  it('streams a list longer than one hashing chunk to the same digest', () => {
    const units: DrawUnit[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `unit-${String(i).padStart(5, '0')}`,
      category: 'crowded',
      jurisdictionId: 'district-0000000000000000000000000000000001',
      regionId: 'region-0000000000000000000000000000000001',
      penalisedLastYear: i % 3 === 0,
      reported: i % 5 === 0,
      previousInspectorIds: i % 2 ? ['inspector-b', 'inspector-a'] : [],
    }));
    const r = prepareDrawPopulation(units, []);
    expect(r.ok && r.value.unitsDigest).toBe(sha(canonicalJson(units.map(unitTuple))));
  });

  it('treats previous inspectors as a set: order and repeats do not change the digest', () => {
    const base = { id: 'u', category: 'c', jurisdictionId: 'j', regionId: 'r', penalisedLastYear: false, reported: false };
    const a = prepareDrawPopulation([{ ...base, previousInspectorIds: ['i-2', 'i-1', 'i-2'] }], []);
    const b = prepareDrawPopulation([{ ...base, previousInspectorIds: ['i-1', 'i-2'] }], []);
    expect(a.ok && b.ok && a.value.unitsDigest === b.value.unitsDigest).toBe(true);
    expect(unitTuple({ ...base, previousInspectorIds: ['i-2', 'i-1', 'i-2'] })[6]).toEqual(['i-1', 'i-2']);
  });

  it('changes the digest when any field of any unit changes', () => {
    const units: DrawUnit[] = [
      { id: 'u-1', category: 'c', jurisdictionId: 'j', regionId: 'r', penalisedLastYear: false, reported: false, previousInspectorIds: [] },
      { id: 'u-2', category: 'c', jurisdictionId: 'j', regionId: 'r', penalisedLastYear: false, reported: false, previousInspectorIds: ['i-1'] },
    ];
    const digest = (list: DrawUnit[]) => {
      const r = prepareDrawPopulation(list, []);
      return r.ok ? r.value.unitsDigest : r.error.code;
    };
    const original = digest(units);
    const variants: Partial<DrawUnit>[] = [{ category: 'd' }, { jurisdictionId: 'k' }, { regionId: 's' }, { penalisedLastYear: true }, { reported: true }, { previousInspectorIds: ['i-9'] }];
    for (const v of variants) expect(digest([units[0]!, { ...units[1]!, ...v }])).not.toBe(original);
  });

  it('names the first invalid entry', () => {
    const r = prepareDrawPopulation([{ id: 'u', category: 'c', jurisdictionId: 'j', regionId: 'r', penalisedLastYear: 'yes' as unknown as boolean, reported: false, previousInspectorIds: [] }], []);
    expect(!r.ok && r.error).toMatchObject({ code: 'DRAW.INVALID_UNIT', details: { index: 0 } });
  });
});
