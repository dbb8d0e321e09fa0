import { DEFAULT_REWARD_RULES, parseRewardRules, rewardRulesInForce, type JurisdictionTree, type RewardRules } from '@firebreak/domain';
import { getRewardRuleRow, listRewardRuleRows, seedDefaultRewardRules, type Db, type RewardRuleRow } from '@firebreak/db';
import { DomainFailure } from '../application/failure';

/** A rule set's China-local effective date as the instant the reward_rules row stores. */
export function effectiveInstant(effectiveFrom: string): Date {
  return new Date(`${effectiveFrom}T00:00:00+08:00`);
}

function parseStored(row: RewardRuleRow): RewardRules {
  const parsed = parseRewardRules(row.rules);
  // Stored sets were validated on the way in; one failing now was edited outside the API.
  if (!parsed.ok) throw new DomainFailure({ ...parsed.error, details: { ...parsed.error.details, ruleSetId: row.id } });
  return parsed.value;
}

/**
 * The rule set a reward in `jurisdictionId` is computed with: walking from the
 * jurisdiction itself up through its ancestors to the default sets (null), the
 * first level whose sets have one in force at `at` (the kernel's
 * rewardRulesInForce) wins. Of versions sharing an effective date only the newest
 * counts (a same-day correction). With `seed`, an empty table first receives the
 * default rules as version 1; without any stored set the built-in defaults apply.
 */
export async function rewardRulesFor(
  db: Db,
  tree: JurisdictionTree,
  jurisdictionId: string,
  at: Date,
  opts: { seed: boolean; now: Date },
): Promise<{ row: RewardRuleRow | null; rules: RewardRules }> {
  let rows = await listRewardRuleRows(db);
  if (rows.length === 0 && opts.seed) {
    await seedDefaultRewardRules(db, {
      rules: DEFAULT_REWARD_RULES,
      effectiveFrom: effectiveInstant(DEFAULT_REWARD_RULES.effectiveFrom),
      now: opts.now,
    });
    rows = await listRewardRuleRows(db);
  }
  const chain: (string | null)[] = [jurisdictionId, ...tree.ancestors(jurisdictionId).reverse(), null];
  for (const level of chain) {
    const candidates: { row: RewardRuleRow; rules: RewardRules }[] = [];
    const seenDates = new Set<string>();
    // rows come newest version first, so the first of each effective date wins.
    for (const row of rows.filter((r) => r.jurisdictionId === level)) {
      const rules = parseStored(row);
      if (seenDates.has(rules.effectiveFrom)) continue;
      seenDates.add(rules.effectiveFrom);
      candidates.push({ row, rules });
    }
    if (candidates.length === 0) continue;
    const chosen = rewardRulesInForce(
      candidates.map((c) => c.rules),
      at,
    );
    if (chosen.ok) return candidates.find((c) => c.rules === chosen.value)!;
    if (chosen.error.code !== 'REWARD_RULES.NONE_IN_FORCE') throw new DomainFailure(chosen.error);
  }
  return { row: null, rules: DEFAULT_REWARD_RULES };
}

/** The rule set a reward was determined with (its claim window applies when notifying). */
export async function rewardRulesById(db: Db, id: string | null): Promise<RewardRules> {
  if (id === null) return DEFAULT_REWARD_RULES;
  return parseStored(await getRewardRuleRow(db, id));
}
