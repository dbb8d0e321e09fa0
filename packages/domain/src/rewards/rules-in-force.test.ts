import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS } from '../calendar/time-limits';
import { CITY_FINE_SHARE_REWARD_RULES, DEFAULT_REWARD_RULES } from './default-reward-rules';
import { rewardRulesInForce, withClaimWindow } from './rules-in-force';

const v = (version: string, effectiveFrom: string) => ({ ...DEFAULT_REWARD_RULES, version, effectiveFrom });

describe('rewardRulesInForce', () => {
  const sets = [v('2025', '2025-01-01'), v('2026', '2026-01-01'), v('2024', '2024-03-01')];

  it('picks the latest version already in force', () => {
    const r = rewardRulesInForce(sets, new Date('2025-07-01T00:00:00Z'));
    expect(r.ok && r.value.version).toBe('2025');
  });

  it('switches at China-local midnight, not UTC midnight', () => {
    // 2025-12-31T16:30Z is 2026-01-01 00:30 in Beijing.
    const r = rewardRulesInForce(sets, new Date('2025-12-31T16:30:00Z'));
    expect(r.ok && r.value.version).toBe('2026');
    const before = rewardRulesInForce(sets, new Date('2025-12-31T15:59:59Z'));
    expect(before.ok && before.value.version).toBe('2025');
  });

  it('has a coded error before the first version', () => {
    const r = rewardRulesInForce(sets, new Date('2024-01-01T00:00:00Z'));
    expect(!r.ok && r.error.code).toBe('REWARD_RULES.NONE_IN_FORCE');
  });

  it('refuses two versions taking effect on the same day', () => {
    const r = rewardRulesInForce([...sets, v('2025-bis', '2025-01-01')], new Date('2025-07-01T00:00:00Z'));
    expect(!r.ok && r.error.code).toBe('REWARD_RULES.AMBIGUOUS');
    // …but not when a later version supersedes both.
    const later = rewardRulesInForce([...sets, v('2025-bis', '2025-01-01')], new Date('2026-07-01T00:00:00Z'));
    expect(later.ok && later.value.version).toBe('2026');
  });
});

describe('withClaimWindow', () => {
  it("carries the rule set's claim window into the time limits", () => {
    const limits = withClaimWindow(DEFAULT_TIME_LIMITS, CITY_FINE_SHARE_REWARD_RULES);
    expect(limits.claimWindow).toEqual({ unit: 'days', n: 90 });
    expect(limits.verificationWorkingDays).toBe(DEFAULT_TIME_LIMITS.verificationWorkingDays);
  });
});
