import { z } from 'zod';
import { err, ok, type Result } from '../common/errors';
import { MAX_FEN } from './money';

/** Hazard severity a reward tier is keyed on (一般 / 较大 / 重大火灾隐患). */
export const REWARD_SEVERITIES = ['general', 'serious', 'major'] as const;
export type RewardSeverity = (typeof REWARD_SEVERITIES)[number];

/**
 * Exclusions a rule set may switch on (DOMAIN.md §6). Each maps to one flag of
 * `RewardFacts.exclusionFlags`; a flag only excludes when its code is listed.
 */
export const REWARD_EXCLUSIONS = [
  'fire_agency_staff_or_relative',
  'unit_responsible_person',
  'hazard_already_known',
  'under_inspection',
  'malicious_or_false',
] as const;
export type RewardExclusion = (typeof REWARD_EXCLUSIONS)[number];

export const ANONYMOUS_POLICIES = ['refuse', 'identify_at_claim', 'allow'] as const;
export type AnonymousPolicy = (typeof ANONYMOUS_POLICIES)[number];

const fen = z.int().min(0).max(MAX_FEN);

export const rewardTierSchema = z
  .object({
    severity: z.enum(REWARD_SEVERITIES),
    /** When present the tier applies only to these risk categories and wins over a tier without them. */
    riskCategories: z.array(z.string().min(1)).min(1).optional(),
    minFen: fen,
    maxFen: fen,
    baseFen: fen,
  })
  .superRefine((t, ctx) => {
    if (!(t.minFen <= t.baseFen && t.baseFen <= t.maxFen)) {
      ctx.addIssue({ code: 'custom', message: 'tier must satisfy minFen <= baseFen <= maxFen', path: ['baseFen'] });
    }
  });
export type RewardTier = z.infer<typeof rewardTierSchema>;

export const fineShareSchema = z
  .object({
    /** Whole percent of the fine (e.g. 50, or 15 for the work-safety style rule). */
    percent: z.int().min(1).max(100),
    minFen: fen,
    maxFen: fen,
  })
  .superRefine((f, ctx) => {
    if (f.minFen > f.maxFen) ctx.addIssue({ code: 'custom', message: 'fineShare.minFen must not exceed maxFen', path: ['minFen'] });
  });
export type FineShare = z.infer<typeof fineShareSchema>;

/** Same shape as TimeLimitConfig.claimWindow in calendar/time-limits.ts. */
export const claimWindowSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working_days'), n: z.int().min(1).max(366) }),
  z.object({ unit: z.literal('days'), n: z.int().min(1).max(366) }),
  z.object({ unit: z.literal('months'), n: z.int().min(1).max(24) }),
]);

export const rewardRulesSchema = z
  .object({
    version: z.string().min(1),
    /** China-local date from which this version applies. */
    effectiveFrom: z.iso.date(),
    tiers: z.array(rewardTierSchema).min(1),
    fineShare: fineShareSchema.optional(),
    /** Kept in the data so the rule is visible to auditors; no other policy is supported. */
    firstValidReporterOnly: z.literal(true),
    jointSplit: z.literal('equal'),
    exclusions: z.array(z.enum(REWARD_EXCLUSIONS)),
    anonymousPolicy: z.enum(ANONYMOUS_POLICIES),
    /** Extra percent for internal whistleblowers [U]; 0 switches it off. */
    whistleblowerUpliftPercent: z.int().min(0).max(100),
    claimWindow: claimWindowSchema,
    /** Annual cap per reporter; null means no cap. */
    yearlyCapPerReporterFen: fen.nullable(),
  })
  .superRefine((r, ctx) => {
    // Two tiers matching the same (severity, category) would make the amount depend on list order.
    const generic = new Set<string>();
    const specific = new Set<string>();
    r.tiers.forEach((t, i) => {
      if (!t.riskCategories) {
        if (generic.has(t.severity)) {
          ctx.addIssue({ code: 'custom', message: `more than one tier for severity ${t.severity} without riskCategories`, path: ['tiers', i] });
        }
        generic.add(t.severity);
        return;
      }
      for (const c of t.riskCategories) {
        const key = `${t.severity}/${c}`;
        if (specific.has(key)) {
          ctx.addIssue({ code: 'custom', message: `risk category ${c} appears in more than one ${t.severity} tier`, path: ['tiers', i] });
        }
        specific.add(key);
      }
    });
    if (new Set(r.exclusions).size !== r.exclusions.length) {
      ctx.addIssue({ code: 'custom', message: 'exclusions must not repeat', path: ['exclusions'] });
    }
  });
export type RewardRules = z.infer<typeof rewardRulesSchema>;

/** Validates admin-supplied rules; REWARD_RULES.INVALID carries the flattened issues. */
export function parseRewardRules(input: unknown): Result<RewardRules> {
  const parsed = rewardRulesSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err('REWARD_RULES.INVALID', 'Reward rules are invalid', '奖励规则配置不合法', {
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
