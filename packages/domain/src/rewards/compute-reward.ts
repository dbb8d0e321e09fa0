import { z } from 'zod';
import { DomainInvariantError } from '../common/errors';
import { MAX_FEN, assertFen, percentOfFen } from './money';
import { rewardFactor, type RewardFactor } from './reward-factors';
import { REWARD_EXCLUSIONS, REWARD_SEVERITIES, type RewardExclusion, type RewardRules, type RewardSeverity, type RewardTier } from './reward-rules';

/** What the reward officer's determination is based on, gathered from the report, hazard and enforcement records. */
export interface RewardFacts {
  readonly severity: RewardSeverity;
  readonly riskCategory: string;
  /** Fine imposed for the reported hazard, or null when none was imposed. */
  readonly fineFen: number | null;
  readonly isFirstValidReporter: boolean;
  /** Number of people on a joint report (1 for a single reporter). */
  readonly jointReporters: number;
  readonly reporterKind: 'public' | 'whistleblower';
  readonly anonymous: boolean;
  readonly exclusionFlags: {
    readonly isFireAgencyStaffOrRelative: boolean;
    readonly isUnitResponsiblePerson: boolean;
    readonly hazardAlreadyKnown: boolean;
    readonly underInspection: boolean;
    readonly maliciousOrFalse: boolean;
  };
  /**
   * Already paid to this reporter in the current calendar year. For a joint report
   * pass the highest figure among the joint reporters, so the cap holds for each.
   */
  readonly alreadyPaidThisYearFen: number;
}

const fen = z.int().min(0).max(MAX_FEN);
/** For the API to validate facts it assembles from stored records. */
export const rewardFactsSchema = z.object({
  severity: z.enum(REWARD_SEVERITIES),
  riskCategory: z.string().min(1),
  fineFen: fen.nullable(),
  isFirstValidReporter: z.boolean(),
  jointReporters: z.int().min(1).max(1000),
  reporterKind: z.enum(['public', 'whistleblower']),
  anonymous: z.boolean(),
  exclusionFlags: z.object({
    isFireAgencyStaffOrRelative: z.boolean(),
    isUnitResponsiblePerson: z.boolean(),
    hazardAlreadyKnown: z.boolean(),
    underInspection: z.boolean(),
    maliciousOrFalse: z.boolean(),
  }),
  alreadyPaidThisYearFen: fen,
});

export interface RewardComputation {
  readonly eligible: boolean;
  /** The reward for the report as a whole (0 when not eligible). */
  readonly amountFen: number;
  /** Each joint reporter's equal share, rounded down; perReporterFen × jointReporters <= amountFen. */
  readonly perReporterFen: number;
  /** In order of application; the non-null effectFen values sum to amountFen. */
  readonly factors: readonly RewardFactor[];
  readonly rulesVersion: string;
}

/**
 * Applies a rule set to the facts of one substantiated report. Order, so that a
 * cap always wins over a floor:
 *   eligibility (exclusions, first valid reporter, anonymity, a matching tier) →
 *   tier base → fine share (replaces the base when a fine was imposed) and its
 *   minimum → whistleblower uplift → tier minimum → fine-share cap → tier cap →
 *   per-reporter annual cap → equal split between joint reporters.
 * Every percentage rounds down to the fen. Throws DomainInvariantError only for
 * malformed facts (non-integer money, fewer than one reporter): the caller
 * assembles facts from validated records, never from raw user input.
 */
export function computeReward(rules: RewardRules, facts: RewardFacts): RewardComputation {
  assertFacts(facts);
  const refusals: RewardFactor[] = [];
  for (const exclusion of REWARD_EXCLUSIONS) {
    if (rules.exclusions.includes(exclusion) && exclusionApplies(exclusion, facts)) refusals.push(rewardFactor.excluded(exclusion));
  }
  if (rules.firstValidReporterOnly && !facts.isFirstValidReporter) refusals.push(rewardFactor.notFirstValidReporter());
  if (facts.anonymous && rules.anonymousPolicy === 'refuse') refusals.push(rewardFactor.anonymous('refuse'));
  const tier = selectTier(rules.tiers, facts.severity, facts.riskCategory);
  if (!tier) refusals.push(rewardFactor.noTier(facts.severity, facts.riskCategory));
  if (refusals.length > 0 || !tier) {
    return { eligible: false, amountFen: 0, perReporterFen: 0, factors: refusals, rulesVersion: rules.version };
  }

  const factors: RewardFactor[] = [];
  if (facts.anonymous) factors.push(rewardFactor.anonymous(rules.anonymousPolicy));
  let amount = tier.baseFen;
  factors.push(rewardFactor.tierBase(tier));

  const share = rules.fineShare;
  const shareApplies = share !== undefined && facts.fineFen !== null && facts.fineFen > 0;
  if (share && shareApplies && facts.fineFen !== null) {
    const shareFen = percentOfFen(facts.fineFen, share.percent);
    factors.push(rewardFactor.fineShare(share.percent, facts.fineFen, shareFen, shareFen - amount));
    amount = shareFen;
    if (amount < share.minFen) {
      factors.push(rewardFactor.fineShareMin(share.minFen, share.minFen - amount));
      amount = share.minFen;
    }
  }

  if (facts.reporterKind === 'whistleblower' && rules.whistleblowerUpliftPercent > 0) {
    const uplift = percentOfFen(amount, rules.whistleblowerUpliftPercent);
    if (uplift > 0) {
      factors.push(rewardFactor.whistleblowerUplift(rules.whistleblowerUpliftPercent, uplift));
      amount += uplift;
    }
  }

  if (amount < tier.minFen) {
    factors.push(rewardFactor.tierMin(tier.minFen, tier.minFen - amount));
    amount = tier.minFen;
  }
  if (share && shareApplies && amount > share.maxFen) {
    factors.push(rewardFactor.fineShareMax(share.maxFen, share.maxFen - amount));
    amount = share.maxFen;
  }
  if (amount > tier.maxFen) {
    factors.push(rewardFactor.tierMax(tier.maxFen, tier.maxFen - amount));
    amount = tier.maxFen;
  }

  const n = facts.jointReporters;
  const cap = rules.yearlyCapPerReporterFen;
  if (cap !== null) {
    const remaining = Math.max(0, cap - facts.alreadyPaidThisYearFen);
    // Each reporter's share must fit their remaining allowance, so the whole may be at most n shares of it.
    const wholeCap = remaining * n;
    if (amount > wholeCap) {
      factors.push(rewardFactor.yearlyCap(cap, remaining, n, wholeCap - amount));
      amount = wholeCap;
    }
  }

  const perReporter = (amount - (amount % n)) / n;
  if (n > 1) factors.push(rewardFactor.jointSplit(n, amount, perReporter));
  if (perReporter === 0) {
    factors.push({ ...rewardFactor.nothingPayable(), effectFen: amount > 0 ? -amount : null });
    return { eligible: false, amountFen: 0, perReporterFen: 0, factors, rulesVersion: rules.version };
  }
  return { eligible: true, amountFen: amount, perReporterFen: perReporter, factors, rulesVersion: rules.version };
}

/** A tier naming the risk category wins over the severity's general tier. */
export function selectTier(tiers: readonly RewardTier[], severity: RewardSeverity, riskCategory: string): RewardTier | undefined {
  let general: RewardTier | undefined;
  for (const t of tiers) {
    if (t.severity !== severity) continue;
    if (t.riskCategories) {
      if (t.riskCategories.includes(riskCategory)) return t;
    } else if (!general) {
      general = t;
    }
  }
  return general;
}

function exclusionApplies(exclusion: RewardExclusion, facts: RewardFacts): boolean {
  const f = facts.exclusionFlags;
  switch (exclusion) {
    case 'fire_agency_staff_or_relative':
      return f.isFireAgencyStaffOrRelative;
    case 'unit_responsible_person':
      return f.isUnitResponsiblePerson;
    case 'hazard_already_known':
      return f.hazardAlreadyKnown;
    case 'under_inspection':
      return f.underInspection;
    case 'malicious_or_false':
      return f.maliciousOrFalse;
  }
}

function assertFacts(facts: RewardFacts): void {
  if (facts.fineFen !== null) assertFen(facts.fineFen, 'fineFen');
  assertFen(facts.alreadyPaidThisYearFen, 'alreadyPaidThisYearFen');
  if (!Number.isInteger(facts.jointReporters) || facts.jointReporters < 1 || facts.jointReporters > 1000) {
    throw new DomainInvariantError('REWARD.INVALID_FACTS', `jointReporters must be an integer in [1, 1000], got ${facts.jointReporters}`);
  }
}
