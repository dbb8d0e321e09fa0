import { addChinaMonths } from '../calendar/china-date';
import { err, ok, type Result } from '../common/errors';
import { DEFAULT_BLACKLIST_RULES, type BlacklistEvent, type BlacklistRules } from './blacklist-rules';

export interface BlacklistReason {
  readonly code: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The cases or hazards that meet the condition. */
  readonly refIds: readonly string[];
}

/**
 * Which entry conditions the unit's record meets at `now`. Events after `now`
 * are ignored (they are not yet on record). Code: ENFORCEMENT.BLACKLIST_NO_GROUNDS.
 */
export function checkBlacklistEntry(
  input: { readonly events: readonly BlacklistEvent[]; readonly now: Date },
  rules: BlacklistRules = DEFAULT_BLACKLIST_RULES,
): Result<{ readonly reasons: readonly BlacklistReason[] }> {
  const now = input.now.getTime();
  const reasons: BlacklistReason[] = [];
  for (const c of rules.entry) {
    const since = c.windowMonths === null ? Number.NEGATIVE_INFINITY : addChinaMonths(input.now, -c.windowMonths).getTime();
    const matching = input.events.filter((e) => e.kind === c.event && e.at.getTime() <= now && e.at.getTime() > since);
    if (matching.length >= c.minCount) reasons.push({ code: c.code, label: c.label, refIds: matching.map((e) => e.refId) });
  }
  if (reasons.length === 0) {
    return err('ENFORCEMENT.BLACKLIST_NO_GROUNDS', 'The record meets no blacklist entry condition', '该单位不符合列入消防安全失信黑名单的条件', {
      conditions: rules.entry.map((c) => c.code),
    });
  }
  return ok({ reasons });
}
