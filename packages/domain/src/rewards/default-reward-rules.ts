import { REWARD_EXCLUSIONS, type RewardRules } from './reward-rules';

/**
 * Default rule sets. Every figure is configuration seeded from local rules the
 * domain brief cites (DOMAIN.md §6); the ones marked [U] are unconfirmed and
 * meant to be replaced by each city's admin. All amounts are integer fen.
 */

/** Tiered by severity: general 50–500 yuan, serious 500–2,000 [U], major up to 5,000 yuan. */
export const DEFAULT_REWARD_RULES: RewardRules = {
  version: 'default-2025.1',
  effectiveFrom: '2025-01-01',
  tiers: [
    { severity: 'general', minFen: 5_000, maxFen: 50_000, baseFen: 10_000 },
    // Blocked exits and shut-off facilities are the urgent categories (24-hour verification); paid more [U].
    { severity: 'general', riskCategories: ['evacuation_blocked', 'facilities_disabled'], minFen: 10_000, maxFen: 50_000, baseFen: 20_000 },
    { severity: 'serious', minFen: 50_000, maxFen: 200_000, baseFen: 100_000 }, // [U]
    { severity: 'major', minFen: 100_000, maxFen: 500_000, baseFen: 300_000 }, // base [U], cap 5,000 yuan
  ],
  firstValidReporterOnly: true,
  jointSplit: 'equal',
  exclusions: [...REWARD_EXCLUSIONS],
  anonymousPolicy: 'identify_at_claim',
  whistleblowerUpliftPercent: 20, // [U]
  claimWindow: { unit: 'working_days', n: 30 },
  yearlyCapPerReporterFen: 2_000_000, // 20,000 yuan [U]
};

/** City style: 50% of the fine when one was imposed, 50–10,000 yuan; anonymous reports refused; 90-day claim window [U]. */
export const CITY_FINE_SHARE_REWARD_RULES: RewardRules = {
  version: 'city-fine-share-example.1',
  effectiveFrom: '2025-01-01',
  tiers: [
    { severity: 'general', minFen: 5_000, maxFen: 200_000, baseFen: 10_000 },
    { severity: 'serious', minFen: 5_000, maxFen: 500_000, baseFen: 50_000 },
    { severity: 'major', minFen: 5_000, maxFen: 1_000_000, baseFen: 200_000 },
  ],
  fineShare: { percent: 50, minFen: 5_000, maxFen: 1_000_000 },
  firstValidReporterOnly: true,
  jointSplit: 'equal',
  exclusions: [...REWARD_EXCLUSIONS],
  anonymousPolicy: 'refuse',
  whistleblowerUpliftPercent: 0,
  claimWindow: { unit: 'days', n: 90 },
  yearlyCapPerReporterFen: 5_000_000, // 50,000 yuan [U]
};

/** Work-safety style (安全生产领域举报奖励): 15% of the fine, at least 3,000 and at most 300,000 yuan; 3-month claim window. */
export const WORK_SAFETY_STYLE_REWARD_RULES: RewardRules = {
  version: 'work-safety-style-example.1',
  effectiveFrom: '2025-01-01',
  tiers: [
    { severity: 'general', minFen: 5_000, maxFen: 30_000_000, baseFen: 20_000 }, // base [U]
    { severity: 'serious', minFen: 5_000, maxFen: 30_000_000, baseFen: 100_000 }, // base [U]
    { severity: 'major', minFen: 300_000, maxFen: 30_000_000, baseFen: 300_000 },
  ],
  fineShare: { percent: 15, minFen: 300_000, maxFen: 30_000_000 },
  firstValidReporterOnly: true,
  jointSplit: 'equal',
  exclusions: [...REWARD_EXCLUSIONS],
  anonymousPolicy: 'identify_at_claim',
  whistleblowerUpliftPercent: 0,
  claimWindow: { unit: 'months', n: 3 },
  yearlyCapPerReporterFen: null,
};

export const REWARD_RULE_EXAMPLES: readonly RewardRules[] = [
  DEFAULT_REWARD_RULES,
  CITY_FINE_SHARE_REWARD_RULES,
  WORK_SAFETY_STYLE_REWARD_RULES,
];
