import { DEFAULT_REWARD_RULES, parseRewardRules, rewardRulesInForce, type JurisdictionTree, type RewardRules } from '@firebreak/domain';
import { listPublishedRewardRules, type Db } from '@firebreak/db';
import { toTRPCError } from '../trpc';

/**
 * The reward rules that govern a report in `jurisdictionId` received at `at`:
 * the nearest jurisdiction (itself, then its ancestors) with published rules
 * in force wins, then the default set (null jurisdiction), then the kernel's
 * built-in defaults when nothing was ever configured. Which version applies
 * within a set is the kernel's rewardRulesInForce; a stored set that fails the
 * kernel's schema is skipped rather than trusted.
 */
export async function rewardRulesFor(db: Db, tree: JurisdictionTree, jurisdictionId: string, at: Date): Promise<RewardRules> {
  const chain = [jurisdictionId, ...tree.ancestors(jurisdictionId).reverse()];
  const rows = await listPublishedRewardRules(db, chain);
  const parsedByJurisdiction = new Map<string | null, RewardRules[]>();
  for (const row of rows) {
    const parsed = parseRewardRules(row.rules);
    if (!parsed.ok) continue;
    const list = parsedByJurisdiction.get(row.jurisdictionId) ?? [];
    list.push(parsed.value);
    parsedByJurisdiction.set(row.jurisdictionId, list);
  }
  for (const level of [...chain, null]) {
    const sets = parsedByJurisdiction.get(level);
    if (!sets || sets.length === 0) continue;
    const inForce = rewardRulesInForce(sets, at);
    if (inForce.ok) return inForce.value;
    if (inForce.error.code !== 'REWARD_RULES.NONE_IN_FORCE') throw toTRPCError(inForce.error);
  }
  return DEFAULT_REWARD_RULES;
}
