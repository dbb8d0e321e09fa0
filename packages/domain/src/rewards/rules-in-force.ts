import { err, ok, type Result } from '../common/errors';
import type { TimeLimitConfig } from '../calendar/time-limits';
import type { RewardRules } from './reward-rules';

const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * The rule set in force at `at`: the one with the latest effectiveFrom on or
 * before the China-local date of `at`. A reward is determined under the version
 * in force when the report was received, so later rule changes never reach back.
 */
export function rewardRulesInForce(ruleSets: readonly RewardRules[], at: Date): Result<RewardRules> {
  const day = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  let best: RewardRules | undefined;
  for (const r of ruleSets) {
    if (r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  const rival = best && ruleSets.find((r) => r !== best && r.effectiveFrom === best.effectiveFrom && r.version !== best.version);
  if (best && rival) {
    return err(
      'REWARD_RULES.AMBIGUOUS',
      `Rule sets ${best.version} and ${rival.version} take effect on the same day`,
      `奖励规则 ${best.version} 与 ${rival.version} 生效日期相同，无法确定适用版本`,
      { effectiveFrom: best.effectiveFrom },
    );
  }
  if (!best) return err('REWARD_RULES.NONE_IN_FORCE', `No reward rules in force on ${day}`, `${day} 无生效的奖励规则`, { date: day });
  return ok(best);
}

/** Time limits with the rule set's claim window, for calendar/time-limits.rewardClaimWindowEnd. */
export function withClaimWindow(limits: TimeLimitConfig, rules: RewardRules): TimeLimitConfig {
  return { ...limits, claimWindow: rules.claimWindow };
}
