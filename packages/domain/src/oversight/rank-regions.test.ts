import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION_ASSESSMENT, rankRegions, type RegionFigures } from './rank-regions';

const region = (regionId: string, f: Partial<RegionFigures> = {}): RegionFigures => ({
  regionId,
  unitsInspected: 0,
  hazardsFound: 0,
  hazardsRemediated: 0,
  hazardsOpen: 0,
  hazardsOverdue: 0,
  highRiskUnits: 0,
  highRiskUnitsExpertChecked: 0,
  ...f,
});

describe('rankRegions', () => {
  it('scores remediation, timeliness, coverage and expert checks by their weights', () => {
    const [a, b] = rankRegions([
      region('a', { unitsInspected: 10, hazardsFound: 4, hazardsRemediated: 2, hazardsOpen: 2, hazardsOverdue: 1, highRiskUnits: 2, highRiskUnitsExpertChecked: 1 }),
      region('b', { unitsInspected: 5, hazardsFound: 4, hazardsRemediated: 4 }),
    ]);
    // a: 40·0.5 + 30·0.5 + 20·1 + 10·0.5 = 60; b: 40·1 + 30·1 + 20·0.5 + 10·1 = 90
    expect(a).toEqual({ regionId: 'b', rank: 1, score: 90, rates: { remediation: 1, timeliness: 1, coverage: 0.5, expertCheck: 1 } });
    expect(b).toEqual({ regionId: 'a', rank: 2, score: 60, rates: { remediation: 0.5, timeliness: 0.5, coverage: 1, expertCheck: 0.5 } });
  });

  it('gives equal scores the same rank and keeps their order', () => {
    const out = rankRegions([region('x', { unitsInspected: 3 }), region('y', { unitsInspected: 3 }), region('z', { unitsInspected: 0, hazardsFound: 2 })]);
    expect(out.map((r) => [r.regionId, r.rank])).toEqual([['x', 1], ['y', 1], ['z', 3]]);
    expect(out[2]!.score).toBe(40); // nothing remediated or inspected: only timeliness (none open) and expert checks (no high-risk units) count
  });

  it('takes the weights from configuration', () => {
    const out = rankRegions([region('a', { unitsInspected: 1 }), region('b', { hazardsFound: 1, hazardsRemediated: 1 })], { weights: { ...DEFAULT_REGION_ASSESSMENT.weights, coverage: 100, remediation: 0 } });
    expect(out[0]!.regionId).toBe('a');
    expect(rankRegions([])).toEqual([]);
  });
});
