import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainInvariantError } from '../common/errors';
import { computeReward, selectTier, type RewardFacts } from './compute-reward';
import { CITY_FINE_SHARE_REWARD_RULES, DEFAULT_REWARD_RULES, WORK_SAFETY_STYLE_REWARD_RULES } from './default-reward-rules';
import { REWARD_EXCLUSIONS, REWARD_SEVERITIES, rewardRulesSchema, type RewardRules } from './reward-rules';

const facts = (over: Partial<RewardFacts> = {}): RewardFacts => ({
  severity: 'general',
  riskCategory: 'illegal_storage',
  fineFen: null,
  isFirstValidReporter: true,
  jointReporters: 1,
  reporterKind: 'public',
  anonymous: false,
  exclusionFlags: {
    isFireAgencyStaffOrRelative: false,
    isUnitResponsiblePerson: false,
    hazardAlreadyKnown: false,
    underInspection: false,
    maliciousOrFalse: false,
  },
  alreadyPaidThisYearFen: 0,
  ...over,
});
const flags = (over: Partial<RewardFacts['exclusionFlags']>): RewardFacts['exclusionFlags'] => ({ ...facts().exclusionFlags, ...over });
const codes = (r: { factors: readonly { code: string }[] }) => r.factors.map((f) => f.code);
const effectSum = (r: { factors: readonly { effectFen: number | null }[] }) => r.factors.reduce((s, f) => s + (f.effectFen ?? 0), 0);
const rules = (over: Partial<RewardRules>): RewardRules => ({ ...DEFAULT_REWARD_RULES, ...over });

describe('computeReward: eligibility', () => {
  const cases: [keyof RewardFacts['exclusionFlags'], string][] = [
    ['isFireAgencyStaffOrRelative', 'EXCLUDED_FIRE_AGENCY_STAFF'],
    ['isUnitResponsiblePerson', 'EXCLUDED_UNIT_RESPONSIBLE_PERSON'],
    ['hazardAlreadyKnown', 'EXCLUDED_HAZARD_ALREADY_KNOWN'],
    ['underInspection', 'EXCLUDED_UNDER_INSPECTION'],
    ['maliciousOrFalse', 'EXCLUDED_MALICIOUS_OR_FALSE'],
  ];
  it.each(cases)('%s excludes the reporter with %s', (flag, code) => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ exclusionFlags: flags({ [flag]: true }) }));
    expect(r).toMatchObject({ eligible: false, amountFen: 0, perReporterFen: 0 });
    expect(codes(r)).toEqual([code]);
    expect(r.factors[0]!.zh).toMatch(/不予奖励/);
    expect(r.factors[0]!.effectFen).toBeNull();
  });

  it('ignores an exclusion flag the rule set does not switch on', () => {
    const r = computeReward(rules({ exclusions: ['malicious_or_false'] }), facts({ exclusionFlags: flags({ hazardAlreadyKnown: true }) }));
    expect(r.eligible).toBe(true);
    expect(r.amountFen).toBe(10_000);
  });

  it('lists every reason when several apply', () => {
    const r = computeReward(
      DEFAULT_REWARD_RULES,
      facts({ isFirstValidReporter: false, exclusionFlags: flags({ underInspection: true, maliciousOrFalse: true }) }),
    );
    expect(codes(r)).toEqual(['EXCLUDED_UNDER_INSPECTION', 'EXCLUDED_MALICIOUS_OR_FALSE', 'NOT_FIRST_VALID_REPORTER']);
  });

  it('rewards only the first valid reporter', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ isFirstValidReporter: false }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(['NOT_FIRST_VALID_REPORTER']);
  });

  it('refuses anonymous reports where the city refuses them', () => {
    const r = computeReward(CITY_FINE_SHARE_REWARD_RULES, facts({ anonymous: true }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(['ANONYMOUS_REFUSED']);
  });

  it('pays anonymous reporters who identify at claim time, and says so', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ anonymous: true }));
    expect(r.eligible).toBe(true);
    expect(r.factors[0]).toMatchObject({ code: 'ANONYMOUS_IDENTIFY_AT_CLAIM', effectFen: null });
    expect(r.factors[0]!.zh).toMatch(/领奖时须提供真实身份/);
  });

  it('pays anonymous reporters where allowed', () => {
    const r = computeReward(rules({ anonymousPolicy: 'allow' }), facts({ anonymous: true }));
    expect(r.eligible).toBe(true);
    expect(codes(r)[0]).toBe('ANONYMOUS_ALLOWED');
  });

  it('is not eligible when no tier covers the severity', () => {
    const onlyGeneral = rules({ tiers: DEFAULT_REWARD_RULES.tiers.filter((t) => t.severity === 'general') });
    const r = computeReward(onlyGeneral, facts({ severity: 'major' }));
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(['NO_TIER']);
  });
});

describe('computeReward: amount', () => {
  it('pays the tier base for a general hazard (default rules: 100 yuan)', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts());
    expect(r).toMatchObject({ eligible: true, amountFen: 10_000, perReporterFen: 10_000, rulesVersion: 'default-2025.1' });
    expect(r.factors).toEqual([expect.objectContaining({ code: 'TIER_BASE', effectFen: 10_000 })]);
    expect(r.factors[0]!.zh).toContain('100.00元');
    expect(r.factors[0]!.en).toContain('CNY 100.00');
  });

  it('prefers a tier naming the risk category over the general tier', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ riskCategory: 'evacuation_blocked' }));
    expect(r.amountFen).toBe(20_000);
    expect(selectTier(DEFAULT_REWARD_RULES.tiers, 'general', 'facilities_disabled')?.baseFen).toBe(20_000);
    expect(selectTier(DEFAULT_REWARD_RULES.tiers, 'general', 'ebike_indoor')?.baseFen).toBe(10_000);
  });

  it('pays a major hazard at most 5,000 yuan under the defaults', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ severity: 'major', reporterKind: 'whistleblower' }));
    expect(r.amountFen).toBe(360_000);
    expect(r.amountFen).toBeLessThanOrEqual(500_000);
  });

  it('replaces the base with 50% of the fine (city style)', () => {
    const r = computeReward(CITY_FINE_SHARE_REWARD_RULES, facts({ fineFen: 200_000 }));
    expect(r.amountFen).toBe(100_000);
    expect(r.factors.map((f) => [f.code, f.effectFen])).toEqual([
      ['TIER_BASE', 10_000],
      ['FINE_SHARE', 90_000],
    ]);
  });

  it('rounds the fine share down to the fen', () => {
    const r = computeReward(CITY_FINE_SHARE_REWARD_RULES, facts({ fineFen: 33_333 }));
    expect(r.amountFen).toBe(16_666);
    expect(r.factors[1]!.zh).toContain('不足一分舍去');
  });

  it('uses the tier base when the city pays a fine share but no fine was imposed', () => {
    const r = computeReward(CITY_FINE_SHARE_REWARD_RULES, facts({ fineFen: null }));
    expect(codes(r)).toEqual(['TIER_BASE']);
    expect(r.amountFen).toBe(10_000);
  });

  it('raises a small fine share to the fine-share minimum (work-safety style: 3,000 yuan)', () => {
    const r = computeReward(WORK_SAFETY_STYLE_REWARD_RULES, facts({ fineFen: 500_000 }));
    expect(codes(r)).toEqual(['TIER_BASE', 'FINE_SHARE', 'FINE_SHARE_MIN']);
    expect(r.amountFen).toBe(300_000);
    expect(r.factors[2]!.effectFen).toBe(300_000 - 75_000);
  });

  it('caps a large fine share at the fine-share maximum (work-safety style: 300,000 yuan)', () => {
    const r = computeReward(WORK_SAFETY_STYLE_REWARD_RULES, facts({ severity: 'major', fineFen: 300_000_000 }));
    expect(codes(r)).toEqual(['TIER_BASE', 'FINE_SHARE', 'FINE_SHARE_MAX']);
    expect(r.amountFen).toBe(30_000_000);
  });

  it('adds the whistleblower uplift', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ reporterKind: 'whistleblower' }));
    expect(r.amountFen).toBe(12_000);
    expect(r.factors[1]).toMatchObject({ code: 'WHISTLEBLOWER_UPLIFT', effectFen: 2_000 });
  });

  it('gives public reporters no uplift', () => {
    expect(codes(computeReward(DEFAULT_REWARD_RULES, facts({ reporterKind: 'public' })))).not.toContain('WHISTLEBLOWER_UPLIFT');
  });

  it('raises an amount below the tier minimum', () => {
    const r = computeReward(
      rules({
        tiers: [{ severity: 'general', minFen: 20_000, maxFen: 50_000, baseFen: 20_000 }],
        fineShare: { percent: 50, minFen: 1_000, maxFen: 100_000 },
      }),
      facts({ fineFen: 10_000 }),
    );
    expect(codes(r)).toEqual(['TIER_BASE', 'FINE_SHARE', 'TIER_MIN']);
    expect(r.amountFen).toBe(20_000);
  });

  it('caps at the tier maximum', () => {
    const r = computeReward(
      rules({ tiers: [{ severity: 'major', minFen: 100_000, maxFen: 500_000, baseFen: 500_000 }] }),
      facts({ severity: 'major', reporterKind: 'whistleblower' }),
    );
    expect(codes(r)).toEqual(['TIER_BASE', 'WHISTLEBLOWER_UPLIFT', 'TIER_MAX']);
    expect(r.amountFen).toBe(500_000);
    expect(r.factors[2]!.effectFen).toBe(-100_000);
  });

  it('lets a cap win over a floor that is set higher', () => {
    const r = computeReward(
      rules({
        tiers: [{ severity: 'general', minFen: 80_000, maxFen: 90_000, baseFen: 80_000 }],
        fineShare: { percent: 10, minFen: 0, maxFen: 50_000 },
      }),
      facts({ fineFen: 100_000 }),
    );
    expect(codes(r)).toEqual(['TIER_BASE', 'FINE_SHARE', 'TIER_MIN', 'FINE_SHARE_MAX']);
    expect(r.amountFen).toBe(50_000);
  });

  it('limits the amount to what remains of the annual cap', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ severity: 'major', alreadyPaidThisYearFen: 1_950_000 }));
    expect(r.amountFen).toBe(50_000);
    expect(r.factors.at(-1)).toMatchObject({ code: 'YEARLY_CAP', effectFen: -250_000 });
  });

  it('pays nothing once the annual cap is used up', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ alreadyPaidThisYearFen: 2_000_000 }));
    expect(r).toMatchObject({ eligible: false, amountFen: 0, perReporterFen: 0 });
    expect(codes(r)).toEqual(['TIER_BASE', 'YEARLY_CAP', 'NOTHING_PAYABLE']);
    expect(effectSum(r)).toBe(0);
  });

  it('has no annual cap when the rules set none', () => {
    const r = computeReward(WORK_SAFETY_STYLE_REWARD_RULES, facts({ severity: 'major', alreadyPaidThisYearFen: 90_000_000 }));
    expect(r.amountFen).toBe(300_000);
  });

  it('counts a joint report once and splits it equally, rounding down', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ jointReporters: 3 }));
    expect(r).toMatchObject({ eligible: true, amountFen: 10_000, perReporterFen: 3_333 });
    const split = r.factors.at(-1)!;
    expect(split).toMatchObject({ code: 'JOINT_SPLIT', effectFen: null });
    expect(split.zh).toContain('余数 1 分不予发放');
  });

  it('applies the annual cap to each joint reporter', () => {
    const r = computeReward(DEFAULT_REWARD_RULES, facts({ severity: 'major', jointReporters: 2, alreadyPaidThisYearFen: 1_997_000 }));
    expect(r).toMatchObject({ amountFen: 6_000, perReporterFen: 3_000 });
    expect(codes(r)).toEqual(['TIER_BASE', 'YEARLY_CAP', 'JOINT_SPLIT']);
  });

  it('pays nothing when a joint split leaves less than a fen each', () => {
    const r = computeReward(rules({ tiers: [{ severity: 'general', minFen: 0, maxFen: 10, baseFen: 2 }] }), facts({ jointReporters: 3 }));
    expect(r).toMatchObject({ eligible: false, amountFen: 0, perReporterFen: 0 });
    expect(r.factors.at(-1)).toMatchObject({ code: 'NOTHING_PAYABLE', effectFen: -2 });
  });

  it('refuses malformed facts as a programmer error', () => {
    expect(() => computeReward(DEFAULT_REWARD_RULES, facts({ jointReporters: 0 }))).toThrow(DomainInvariantError);
    expect(() => computeReward(DEFAULT_REWARD_RULES, facts({ fineFen: 12.5 }))).toThrow(DomainInvariantError);
    expect(() => computeReward(DEFAULT_REWARD_RULES, facts({ alreadyPaidThisYearFen: -1 }))).toThrow(DomainInvariantError);
  });
});

// ---- properties ----------------------------------------------------------

const fenArb = fc.integer({ min: 0, max: 50_000_000 });
const tierArb = (severity: (typeof REWARD_SEVERITIES)[number], riskCategories?: string[]) =>
  fc.tuple(fenArb, fenArb, fenArb).map(([a, b, c]) => {
    const [minFen, baseFen, maxFen] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return riskCategories ? { severity, riskCategories, minFen, maxFen, baseFen } : { severity, minFen, maxFen, baseFen };
  });

const rulesArb: fc.Arbitrary<RewardRules> = fc
  .record({
    general: tierArb('general'),
    serious: fc.option(tierArb('serious'), { nil: undefined }),
    major: tierArb('major'),
    urgent: fc.option(tierArb('general', ['evacuation_blocked']), { nil: undefined }),
    fineShare: fc.option(
      fc.tuple(fc.integer({ min: 1, max: 100 }), fenArb, fenArb).map(([percent, a, b]) => ({ percent, minFen: Math.min(a, b), maxFen: Math.max(a, b) })),
      { nil: undefined },
    ),
    exclusions: fc.subarray([...REWARD_EXCLUSIONS]),
    anonymousPolicy: fc.constantFrom('refuse' as const, 'identify_at_claim' as const, 'allow' as const),
    whistleblowerUpliftPercent: fc.integer({ min: 0, max: 100 }),
    yearlyCapPerReporterFen: fc.option(fenArb, { nil: null }),
  })
  .map((g) => {
    const tiers = [g.general, g.major, ...(g.serious ? [g.serious] : []), ...(g.urgent ? [g.urgent] : [])];
    const r: RewardRules = {
      ...DEFAULT_REWARD_RULES,
      version: 'prop',
      tiers,
      exclusions: g.exclusions,
      anonymousPolicy: g.anonymousPolicy,
      whistleblowerUpliftPercent: g.whistleblowerUpliftPercent,
      yearlyCapPerReporterFen: g.yearlyCapPerReporterFen,
      ...(g.fineShare ? { fineShare: g.fineShare } : {}),
    };
    return rewardRulesSchema.parse(r);
  });

const factsArb: fc.Arbitrary<RewardFacts> = fc.record({
  severity: fc.constantFrom(...REWARD_SEVERITIES),
  riskCategory: fc.constantFrom('evacuation_blocked', 'illegal_storage', 'ebike_indoor'),
  fineFen: fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null }),
  isFirstValidReporter: fc.boolean(),
  jointReporters: fc.integer({ min: 1, max: 12 }),
  reporterKind: fc.constantFrom('public' as const, 'whistleblower' as const),
  anonymous: fc.boolean(),
  exclusionFlags: fc.record({
    isFireAgencyStaffOrRelative: fc.boolean(),
    isUnitResponsiblePerson: fc.boolean(),
    hazardAlreadyKnown: fc.boolean(),
    underInspection: fc.boolean(),
    maliciousOrFalse: fc.boolean(),
  }),
  alreadyPaidThisYearFen: fc.integer({ min: 0, max: 60_000_000 }),
});

describe('computeReward: properties', () => {
  it('never exceeds a cap, is never negative, and the joint split sums to at most the whole', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (r, f) => {
        const out = computeReward(r, f);
        expect(Number.isInteger(out.amountFen) && Number.isInteger(out.perReporterFen)).toBe(true);
        expect(out.amountFen).toBeGreaterThanOrEqual(0);
        expect(out.perReporterFen).toBeGreaterThanOrEqual(0);
        expect(out.perReporterFen * f.jointReporters).toBeLessThanOrEqual(out.amountFen);
        expect(out.eligible).toBe(out.perReporterFen > 0);
        const tier = selectTier(r.tiers, f.severity, f.riskCategory);
        if (out.eligible) {
          expect(tier).toBeDefined();
          expect(out.amountFen).toBeLessThanOrEqual(tier!.maxFen);
          if (r.fineShare && f.fineFen !== null && f.fineFen > 0) expect(out.amountFen).toBeLessThanOrEqual(r.fineShare.maxFen);
          if (r.yearlyCapPerReporterFen !== null) {
            const remaining = Math.max(0, r.yearlyCapPerReporterFen - f.alreadyPaidThisYearFen);
            expect(out.perReporterFen).toBeLessThanOrEqual(remaining);
            if (f.jointReporters === 1) expect(out.amountFen).toBeLessThanOrEqual(remaining);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('explains the amount: the factor effects add up to it, and every factor has both languages', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (r, f) => {
        const out = computeReward(r, f);
        expect(effectSum(out)).toBe(out.amountFen);
        expect(out.factors.length).toBeGreaterThan(0);
        for (const factor of out.factors) {
          expect(factor.zh.length).toBeGreaterThan(0);
          expect(factor.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is not eligible whenever an enabled exclusion applies', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (r, f) => {
        const excluded =
          (r.exclusions.includes('fire_agency_staff_or_relative') && f.exclusionFlags.isFireAgencyStaffOrRelative) ||
          (r.exclusions.includes('malicious_or_false') && f.exclusionFlags.maliciousOrFalse) ||
          !f.isFirstValidReporter ||
          (f.anonymous && r.anonymousPolicy === 'refuse');
        if (excluded) expect(computeReward(r, f).eligible).toBe(false);
      }),
    );
  });
});

describe('computeReward: the sentences a reporter reads', () => {
  it('name risk categories by their catalog names, never by code, in every rule set and severity', () => {
    for (const ruleSet of [DEFAULT_REWARD_RULES, CITY_FINE_SHARE_REWARD_RULES, WORK_SAFETY_STYLE_REWARD_RULES]) {
      for (const severity of REWARD_SEVERITIES) {
        for (const riskCategory of ['evacuation_blocked', 'illegal_storage', 'ebike_indoor']) {
          const r = computeReward(ruleSet, facts({ severity, riskCategory, fineFen: 500_000 }));
          for (const f of r.factors) {
            expect(f.zh, f.code).not.toMatch(/[a-z]+_[a-z]+/);
            expect(f.en, f.code).not.toMatch(/\b[a-z]+_[a-z]+\b/);
          }
        }
      }
    }
  });
});
