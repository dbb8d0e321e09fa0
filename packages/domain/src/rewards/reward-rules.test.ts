import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES, REWARD_RULE_EXAMPLES } from './default-reward-rules';
import { parseRewardRules } from './reward-rules';

const issuesOf = (input: unknown): string[] => {
  const r = parseRewardRules(input);
  if (r.ok) return [];
  expect(r.error.code).toBe('REWARD_RULES.INVALID');
  expect(r.error.messageZh).toBe('奖励规则配置不合法');
  return (r.error.details!.issues as { path: string; message: string }[]).map((i) => `${i.path}: ${i.message}`);
};

describe('parseRewardRules', () => {
  it.each(REWARD_RULE_EXAMPLES.map((r) => [r.version, r]))('accepts the shipped rule set %s', (_v, rules) => {
    const r = parseRewardRules(rules);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(rules);
  });

  it('keeps the default tiers within the brief: general 50–500 yuan, major up to 5,000 yuan', () => {
    const general = DEFAULT_REWARD_RULES.tiers.find((t) => t.severity === 'general' && !t.riskCategories)!;
    expect([general.minFen, general.maxFen]).toEqual([5_000, 50_000]);
    expect(DEFAULT_REWARD_RULES.tiers.find((t) => t.severity === 'major')!.maxFen).toBe(500_000);
  });

  it('refuses amounts that are not whole fen', () => {
    const bad = { ...DEFAULT_REWARD_RULES, tiers: [{ severity: 'general', minFen: 0.5, maxFen: 100, baseFen: 10 }] };
    expect(issuesOf(bad).join('\n')).toMatch(/^tiers\.0\.minFen/m);
  });

  it('refuses a base outside the tier range', () => {
    const bad = { ...DEFAULT_REWARD_RULES, tiers: [{ severity: 'general', minFen: 100, maxFen: 200, baseFen: 300 }] };
    expect(issuesOf(bad)).toContain('tiers.0.baseFen: tier must satisfy minFen <= baseFen <= maxFen');
  });

  it('refuses two tiers that match the same severity and category', () => {
    const t = { severity: 'general', minFen: 0, maxFen: 100, baseFen: 10 };
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, tiers: [t, t] })[0]).toMatch(/more than one tier for severity general/);
    const s = { ...t, riskCategories: ['ebike_indoor'] };
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, tiers: [s, s] })[0]).toMatch(/ebike_indoor appears in more than one general tier/);
  });

  it('refuses an inverted fine share, unknown exclusions, repeated exclusions and bad dates', () => {
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, fineShare: { percent: 50, minFen: 10, maxFen: 5 } })).toContain(
      'fineShare.minFen: fineShare.minFen must not exceed maxFen',
    );
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, exclusions: ['nepotism'] })[0]).toMatch(/^exclusions\.0/);
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, exclusions: ['under_inspection', 'under_inspection'] })).toContain(
      'exclusions: exclusions must not repeat',
    );
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, effectiveFrom: '2025-02-30' })[0]).toMatch(/^effectiveFrom/);
  });

  it('refuses an unsupported split or first-reporter policy', () => {
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, jointSplit: 'by_share' })[0]).toMatch(/^jointSplit/);
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, firstValidReporterOnly: false })[0]).toMatch(/^firstValidReporterOnly/);
  });

  it('refuses a claim window in an unknown unit', () => {
    expect(issuesOf({ ...DEFAULT_REWARD_RULES, claimWindow: { unit: 'weeks', n: 4 } })[0]).toMatch(/^claimWindow/);
  });
});
