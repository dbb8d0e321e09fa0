/**
 * The region ranking a fire safety committee office uses to assess districts
 * ("各地区考核排名", DOMAIN.md §7: regions are assessed and ranked). No seed fixes the
 * formula, so the indicators and their weights are configuration [U]; these
 * defaults score what the seeds' monthly bulletins report on: hazards remediated,
 * hazards left overdue, units inspected and high-risk units checked by experts.
 */
export interface RegionFigures {
  readonly regionId: string;
  readonly unitsInspected: number;
  readonly hazardsFound: number;
  readonly hazardsRemediated: number;
  readonly hazardsOpen: number;
  readonly hazardsOverdue: number;
  readonly highRiskUnits: number;
  readonly highRiskUnitsExpertChecked: number;
}

export const REGION_INDICATORS = ['remediation', 'timeliness', 'coverage', 'expertCheck'] as const;
export type RegionIndicator = (typeof REGION_INDICATORS)[number];

export interface RegionAssessmentConfig {
  /** Points each indicator (a rate in [0, 1]) is worth; they need not sum to 100. */
  readonly weights: Readonly<Record<RegionIndicator, number>>;
}

export const DEFAULT_REGION_ASSESSMENT: RegionAssessmentConfig = {
  weights: { remediation: 40, timeliness: 30, coverage: 20, expertCheck: 10 },
};

export const REGION_INDICATOR_LABELS: Readonly<Record<RegionIndicator, { zh: string; en: string }>> = {
  remediation: { zh: '隐患整改率', en: 'Remediation rate' },
  timeliness: { zh: '按期整改率', en: 'On time' },
  coverage: { zh: '检查覆盖', en: 'Inspection coverage' },
  expertCheck: { zh: '高危单位专家检查率', en: 'High-risk units expert-checked' },
};

export interface RankedRegion {
  readonly regionId: string;
  /** 1 for the best; regions with equal scores share a rank (1, 1, 3). */
  readonly rank: number;
  /** Sum of weight × rate, rounded to one decimal. */
  readonly score: number;
  /** Each indicator's rate in [0, 1], rounded to three decimals. */
  readonly rates: Readonly<Record<RegionIndicator, number>>;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** A rate with nothing to measure counts as met: a district with no hazards has none unremediated. */
const rate = (part: number, whole: number) => (whole <= 0 ? 1 : Math.min(1, Math.max(0, part / whole)));

/**
 * Scores and ranks regions on the same period's figures. Coverage is relative:
 * units inspected over the most any region inspected (a region with no venue
 * figures cannot be compared otherwise). Ties keep the input order.
 */
export function rankRegions(regions: readonly RegionFigures[], config: RegionAssessmentConfig = DEFAULT_REGION_ASSESSMENT): RankedRegion[] {
  const most = Math.max(0, ...regions.map((r) => r.unitsInspected));
  const scored = regions.map((r, i) => {
    const rates: Record<RegionIndicator, number> = {
      remediation: rate(r.hazardsRemediated, r.hazardsFound),
      // Overdue among the open ones; no open hazard means none is late.
      timeliness: 1 - (r.hazardsOpen <= 0 ? 0 : rate(r.hazardsOverdue, r.hazardsOpen)),
      coverage: most === 0 ? 0 : r.unitsInspected / most,
      expertCheck: rate(r.highRiskUnitsExpertChecked, r.highRiskUnits),
    };
    const score = REGION_INDICATORS.reduce((s, k) => s + config.weights[k] * rates[k], 0);
    return { i, regionId: r.regionId, score: round(score, 1), rates: Object.fromEntries(REGION_INDICATORS.map((k) => [k, round(rates[k], 3)])) as Record<RegionIndicator, number> };
  });
  const ordered = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  return ordered.map((r) => ({ regionId: r.regionId, rank: 1 + ordered.filter((o) => o.score > r.score).length, score: r.score, rates: r.rates }));
}
