import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determineMajorHazard, type DeterminationInput, type HazardElementInput } from './determine-major-hazard';
import { GB35181_2017 } from './gb35181-2017';
import { VENUE_CLASSES, type VenueClass } from './rule-table';

const T = GB35181_2017;
const el = (code: string, correctableImmediately = false): HazardElementInput => ({ code, correctableImmediately });

function decide(input: DeterminationInput) {
  const r = determineMajorHazard(T, input);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('determineMajorHazard on GB 35181-2017', () => {
  it('any direct element that cannot be corrected at once is a major hazard', () => {
    const d = decide({ venueClasses: ['crowded'], elements: [el('7.1.1'), el('6.5')], exclusions: [] });
    expect(d).toEqual({
      version: '2017',
      major: true,
      decidedBy: { rule: 'direct', elements: ['6.5'] },
      counted: ['6.5', '7.1.1'],
      droppedCorrectable: [],
      exclusions: [],
    });
  });

  it('drops elements correctable immediately before anything else', () => {
    const d = decide({ venueClasses: ['crowded'], elements: [el('6.8', true), el('7.3.6')], exclusions: [] });
    expect(d.major).toBe(false);
    expect(d.decidedBy).toEqual({ rule: 'none', elements: [] });
    expect(d.counted).toEqual(['7.3.6']);
    expect(d.droppedCorrectable).toEqual(['6.8']);
  });

  it('stops on an exclusion even with a direct element', () => {
    const d = decide({ venueClasses: ['crowded'], elements: [el('6.6'), el('7.3.1', true)], exclusions: ['cannot_cause_major_fire', 'stopped_operating'] });
    expect(d.major).toBe(false);
    expect(d.decidedBy).toEqual({ rule: 'excluded', elements: [] });
    expect(d.exclusions).toEqual(['stopped_operating', 'cannot_cause_major_fire']);
    expect(d.counted).toEqual(['6.6']);
    expect(d.droppedCorrectable).toEqual(['7.3.1']);
  });

  it('crowded venue: 3 evacuation/smoke/wiring elements are major, 2 are not', () => {
    const three = decide({ venueClasses: ['crowded'], elements: [el('7.3.6'), el('7.5'), el('7.9.3')], exclusions: [] });
    expect(three.decidedBy).toEqual({ rule: 'crowded_3_evacuation', elements: ['7.3.6', '7.5', '7.9.3'] });
    const two = decide({ venueClasses: ['crowded'], elements: [el('7.3.6'), el('7.5'), el('7.9.3', true)], exclusions: [] });
    expect(two.major).toBe(false);
  });

  it('the evacuation combination needs a crowded venue', () => {
    const d = decide({ venueClasses: ['other'], elements: [el('7.3.6'), el('7.5'), el('7.9.3')], exclusions: [] });
    expect(d.major).toBe(false);
  });

  it('flammable-goods venue: 3 of the lane/separation/fixed-system set', () => {
    const d = decide({ venueClasses: ['flammable_goods'], elements: [el('7.1.1'), el('7.4.6'), el('7.1.3')], exclusions: [] });
    expect(d.decidedBy).toEqual({ rule: 'flammable_3_core', elements: ['7.1.1', '7.1.3', '7.4.6'] });
  });

  it('crowded, flammable-goods or important venues: 4 of any comprehensive elements', () => {
    const four = [el('7.2.1'), el('7.6.2'), el('7.8.2'), el('7.7.2')];
    const d = decide({ venueClasses: ['important'], elements: four, exclusions: [] });
    expect(d.decidedBy).toEqual({ rule: 'key_venue_4_any', elements: ['7.2.1', '7.6.2', '7.7.2', '7.8.2'] });
    expect(decide({ venueClasses: ['other'], elements: four, exclusions: [] }).major).toBe(false);
  });

  it('other venues: 6 of any', () => {
    const five = ['7.1.4', '7.2.2', '7.3.10', '7.4.1', '7.6.1'].map((c) => el(c));
    expect(decide({ venueClasses: ['other'], elements: five, exclusions: [] }).major).toBe(false);
    const six = decide({ venueClasses: ['other'], elements: [...five, el('7.9.1')], exclusions: [] });
    expect(six.decidedBy.rule).toBe('any_venue_6_any');
    expect(six.decidedBy.elements).toHaveLength(6);
  });

  it('an element reported twice counts once, and counts if any report is not correctable', () => {
    const d = decide({ venueClasses: ['crowded'], elements: [el('7.3.6', true), el('7.3.6'), el('7.5'), el('7.5')], exclusions: [] });
    expect(d.counted).toEqual(['7.3.6', '7.5']);
    expect(d.droppedCorrectable).toEqual([]);
  });

  it('refuses unknown element and exclusion codes and an empty venue class list', () => {
    const unknown = determineMajorHazard(T, { venueClasses: ['crowded'], elements: [el('6.11'), el('7.3.6'), el('8.1', true)], exclusions: [] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error).toMatchObject({ code: 'GB35181.UNKNOWN_ELEMENT', details: { version: '2017', codes: ['6.11', '8.1'] } });
      expect(unknown.error.messageZh).toContain('6.11');
    }
    const exclusion = determineMajorHazard(T, { venueClasses: ['crowded'], elements: [], exclusions: ['closed_for_lunch'] });
    expect(!exclusion.ok && exclusion.error.code).toBe('GB35181.UNKNOWN_EXCLUSION');
    const noVenue = determineMajorHazard(T, { venueClasses: [], elements: [el('6.1')], exclusions: [] });
    expect(!noVenue.ok && noVenue.error.code).toBe('GB35181.VENUE_CLASS_REQUIRED');
  });
});

describe('determineMajorHazard properties', () => {
  const codes = T.elements.map((e) => e.code);
  const elementArb = fc.record({ code: fc.constantFrom(...codes), correctableImmediately: fc.boolean() });
  const venueArb = fc.uniqueArray(fc.constantFrom<VenueClass>(...VENUE_CLASSES), { minLength: 1, maxLength: 4 });
  // Weighted towards comprehensive elements so that combinations are actually reached.
  const comprehensiveCodes = T.elements.filter((e) => e.chapter === 'comprehensive').map((e) => e.code);
  const elementsArb = fc.array(
    fc.oneof(
      { weight: 1, arbitrary: elementArb },
      { weight: 4, arbitrary: fc.record({ code: fc.constantFrom(...comprehensiveCodes), correctableImmediately: fc.boolean() }) },
    ),
    { maxLength: 12 },
  );

  it('adding a non-correctable element without exclusions never turns major into not major', () => {
    fc.assert(
      fc.property(venueArb, elementsArb, fc.constantFrom(...codes), (venueClasses, elements, added) => {
        const before = decide({ venueClasses, elements, exclusions: [] });
        const after = decide({ venueClasses, elements: [...elements, el(added)], exclusions: [] });
        if (before.major) expect(after.major).toBe(true);
      }),
    );
  });

  it('does not depend on the order of elements, venue classes or exclusions', () => {
    const exclusionsArb = fc.uniqueArray(fc.constantFrom(...T.exclusions.map((e) => e.code)), { maxLength: 2 });
    fc.assert(
      fc.property(
        venueArb,
        elementsArb,
        exclusionsArb,
        fc.infiniteStream(fc.nat()),
        (venueClasses, elements, exclusions, stream) => {
          const shuffle = <X>(xs: readonly X[]): X[] => {
            const out = [...xs];
            const it = stream[Symbol.iterator]();
            for (let i = out.length - 1; i > 0; i--) {
              const j = it.next().value! % (i + 1);
              [out[i], out[j]] = [out[j]!, out[i]!];
            }
            return out;
          };
          const a = decide({ venueClasses, elements, exclusions });
          const b = decide({ venueClasses: shuffle(venueClasses), elements: shuffle(elements), exclusions: shuffle(exclusions) });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('reaches every outcome of the table under random inputs (the generators are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(venueArb, elementsArb, (venueClasses, elements) => {
        seen.add(decide({ venueClasses, elements, exclusions: [] }).decidedBy.rule);
      }),
      { numRuns: 2000, seed: 35181 },
    );
    expect([...seen].sort()).toEqual(['any_venue_6_any', 'crowded_3_evacuation', 'direct', 'flammable_3_core', 'key_venue_4_any', 'none'].sort());
  });
});
