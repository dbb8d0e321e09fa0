import { describe, expect, it } from 'vitest';
import { buildJurisdictionTree } from '../org/build-jurisdiction-tree';
import type { JurisdictionRow, JurisdictionTree } from '../org/jurisdiction-tree';
import {
  drawCategoryOf,
  drawCategoryOrder,
  drawInputsFor,
  drawInspectorRoles,
  drawInspectorsFrom,
  drawLookbackStart,
  drawStratumOf,
  drawUnitsFrom,
  type DrawUnitCandidate,
} from './draw-candidates';
import { drawInputsSchema } from './draw-inputs';

const row = (id: string, parentId: string | null, level: string): JurisdictionRow => ({ id, parentId, level, name: id });
const tree: JurisdictionTree = (() => {
  const r = buildJurisdictionTree([row('p', null, 'province'), row('c', 'p', 'city'), row('d1', 'c', 'district'), row('d2', 'c', 'district'), row('s1', 'd1', 'street'), row('m1', 's1', 'community'), row('g1', 'm1', 'grid')]);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
})();

const venue = (over: Partial<DrawUnitCandidate> = {}): DrawUnitCandidate => ({
  id: 'v1',
  categories: ['hotel'],
  jurisdictionId: 'd1',
  penalisedSince: false,
  reportedSince: false,
  previousInspectorIds: [],
  ...over,
});

describe('drawLookbackStart', () => {
  it('is one year (365 days) before the draw', () => {
    expect(drawLookbackStart(new Date('2026-03-01T08:00:00.000Z')).toISOString()).toBe('2025-03-01T08:00:00.000Z');
    // A leap year is 366 days: the window is a fixed 365 days, not the calendar date a year back.
    expect(drawLookbackStart(new Date('2025-03-01T00:00:00.000Z')).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(drawLookbackStart(new Date('2024-12-31T00:00:00.000Z')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('categories', () => {
  it('lists the categories the ratios name, once each, in first-named order', () => {
    expect(drawCategoryOrder([{ category: 'b' }, { category: 'a' }, { category: 'b' }])).toEqual(['b', 'a']);
  });

  it('draws a venue of several categories under the first category the ratios name, not the venue’s own order', () => {
    expect(drawCategoryOf(['restaurant', 'hotel'], ['hotel', 'restaurant'])).toBe('restaurant');
    expect(drawCategoryOf(['hotel', 'restaurant'], ['restaurant', 'hotel'])).toBe('hotel');
    expect(drawCategoryOf(['hotel'], ['shop'])).toBeNull();
  });
});

describe('drawStratumOf', () => {
  it('places anything below a district in its district, a district in itself, anything above for itself', () => {
    expect(drawStratumOf(tree, 'g1')).toBe('d1');
    expect(drawStratumOf(tree, 's1')).toBe('d1');
    expect(drawStratumOf(tree, 'd2')).toBe('d2');
    expect(drawStratumOf(tree, 'c')).toBe('c');
  });
});

describe('drawInspectorRoles', () => {
  it('has a police station draw its own officers and everyone else fire inspectors', () => {
    expect(drawInspectorRoles('police_officer')).toEqual(['police_officer']);
    expect(drawInspectorRoles('inspector')).toEqual(['inspector']);
    expect(drawInspectorRoles('fire_supervisor')).toEqual(['inspector']);
  });
});

describe('drawUnitsFrom', () => {
  it('makes each venue one unit, in its district, with its flags and previous inspectors', () => {
    const units = drawUnitsFrom(
      [venue({ id: 'v1', categories: ['hotel', 'restaurant'], jurisdictionId: 'g1', penalisedSince: true, previousInspectorIds: ['i1'] }), venue({ id: 'v2', categories: ['restaurant'], jurisdictionId: 'd2', reportedSince: true })],
      ['restaurant', 'hotel'],
      tree,
    );
    expect(units).toEqual([
      { id: 'v1', category: 'restaurant', jurisdictionId: 'd1', regionId: 'd1', penalisedLastYear: true, reported: false, previousInspectorIds: ['i1'] },
      { id: 'v2', category: 'restaurant', jurisdictionId: 'd2', regionId: 'd2', penalisedLastYear: false, reported: true, previousInspectorIds: [] },
    ]);
  });

  it('leaves out a venue of no category the ratios name', () => {
    expect(drawUnitsFrom([venue({ categories: ['shop'] })], ['hotel'], tree)).toEqual([]);
  });
});

describe('drawInspectorsFrom', () => {
  it('places each inspector in the district they work in', () => {
    expect(drawInspectorsFrom([{ id: 'i1', jurisdictionId: 's1', departmentId: 'dep' }], tree)).toEqual([{ id: 'i1', regionId: 'd1', departmentId: 'dep' }]);
  });
});

describe('drawInputsFor', () => {
  it('always excludes previous inspectors (conflict of interest), leaves cross-region to the operator, and drops an absent stratum', () => {
    const inputs = drawInputsFor({
      drawId: 'draw-1',
      publicRandom: '12345',
      ratios: [{ category: 'hotel', ratio: 0.1 }, { category: 'shop', ratio: 0.2, jurisdictionId: 'd1' }, { category: 'bar', ratio: 0.3, jurisdictionId: undefined }],
      priorityWeights: { penalisedLastYear: 2, reported: 1 },
      crossRegion: true,
    });
    expect(inputs.parameters.inspectorConflicts).toEqual({ excludePreviousInspector: true, crossRegion: true });
    expect(inputs.parameters.ratios).toEqual([{ category: 'hotel', ratio: 0.1 }, { category: 'shop', ratio: 0.2, jurisdictionId: 'd1' }, { category: 'bar', ratio: 0.3 }]);
    expect(Object.keys(inputs.parameters.ratios[2]!)).not.toContain('jurisdictionId');
    expect(drawInputsSchema.safeParse(inputs).success).toBe(true);
  });
});
