import { addChinaMonths } from '../calendar/china-date';
import { err, ok, type Result } from '../common/errors';
import { DEFAULT_BLACKLIST_RULES, type BlacklistEvent, type BlacklistRules } from './blacklist-rules';

export interface BlacklistExitInput {
  readonly enteredAt: Date;
  readonly now: Date;
  /** Hazards of the unit not yet closed (销号). */
  readonly openHazards: number;
  /** The unit's record; any event after entry restarts the clean period. */
  readonly events: readonly BlacklistEvent[];
  /** When the unit applied to leave (信用修复申请), or null. */
  readonly appliedAt: Date | null;
}

export interface BlacklistExitCondition {
  readonly code: 'hazards_closed' | 'clean_period' | 'application';
  readonly label: { readonly zh: string; readonly en: string };
  readonly met: boolean;
}

export interface BlacklistExitCheck {
  readonly conditions: readonly BlacklistExitCondition[];
  /** Start of the current clean period: entry, or the last event since. */
  readonly cleanSince: Date;
  /** First instant at which the clean period is long enough. */
  readonly eligibleFrom: Date;
}

/**
 * Exit needs every hazard closed, a minimum period without new events, and the
 * unit's application (each switchable in the rules). Code:
 * ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE, listing every unmet condition.
 */
export function checkBlacklistRemoval(
  input: BlacklistExitInput,
  rules: BlacklistRules = DEFAULT_BLACKLIST_RULES,
): Result<BlacklistExitCheck> {
  const now = input.now.getTime();
  const last = Math.max(input.enteredAt.getTime(), ...input.events.map((e) => e.at.getTime()).filter((t) => t <= now));
  const cleanSince = new Date(last);
  const eligibleFrom = addChinaMonths(cleanSince, rules.exit.minCleanMonths);
  const months = rules.exit.minCleanMonths;

  const conditions: BlacklistExitCondition[] = [
    {
      code: 'hazards_closed',
      label: { zh: '火灾隐患全部整改销号', en: 'All hazards closed' },
      met: !rules.exit.requireAllHazardsClosed || input.openHazards === 0,
    },
    {
      code: 'clean_period',
      label: { zh: `连续${months}个月无新的失信或违法记录`, en: `${months} months without a new violation` },
      met: now >= eligibleFrom.getTime(),
    },
    {
      code: 'application',
      label: { zh: '单位提出移出申请', en: 'The unit has applied' },
      met: !rules.exit.requireApplication || (input.appliedAt !== null && input.appliedAt.getTime() <= now),
    },
  ];
  const unmet = conditions.filter((c) => !c.met);
  if (unmet.length > 0) {
    return err(
      'ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE',
      `Not yet eligible to leave the blacklist: ${unmet.map((c) => c.label.en).join('; ')}`,
      `暂不符合移出消防安全失信黑名单的条件：${unmet.map((c) => c.label.zh).join('；')}`,
      { unmet: unmet.map((c) => c.code), openHazards: input.openHazards, eligibleFrom: eligibleFrom.toISOString() },
    );
  }
  return ok({ conditions, cleanSince, eligibleFrom });
}
