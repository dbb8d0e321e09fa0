import { err, ok, type Result } from '../common/errors';
import { applyExpertOverride } from './apply-expert-override';
import { determineMajorHazard, type DeterminationInput, type MajorHazardDetermination } from './determine-major-hazard';
import { GB35181_2017 } from './gb35181-2017';
import type { RuleTable } from './rule-table';
import { validateCollectiveDecision, type CollectiveDecision, type CollectiveDecisionCheck } from './validate-collective-decision';

/**
 * 重大火灾隐患判定 from request to decision, in one place: which edition of GB 35181 it is
 * made under, the counting rules, the collective decision's quorum, the expert group's
 * override and whether experts took part (which sets the notice deadline on the hazard).
 */

/**
 * GB 35181 rule tables a determination can be made under, by version. A new edition is a
 * new table added here; nothing else changes.
 */
export const GB35181_RULE_TABLES: Readonly<Record<string, RuleTable>> = { [GB35181_2017.version]: GB35181_2017 };

/** The edition used when a request names none. */
export const DEFAULT_GB35181_VERSION = GB35181_2017.version;

/** The rule table of the named edition; GB35181.UNKNOWN_VERSION when none is configured. */
export function gb35181RuleTable(ruleVersion: string, tables: Readonly<Record<string, RuleTable>> = GB35181_RULE_TABLES): Result<RuleTable> {
  const table = Object.hasOwn(tables, ruleVersion) ? tables[ruleVersion] : undefined;
  if (!table) {
    return err('GB35181.UNKNOWN_VERSION', `No GB 35181 rule table for version ${ruleVersion}`, `未配置 GB 35181-${ruleVersion} 判定规则`, {
      ruleVersion,
      available: Object.keys(tables),
    });
  }
  return ok(table);
}

/** A determination held by an expert group (专家组论证) counts as made with experts. */
export function decidedWithExperts(decision: Pick<CollectiveDecision, 'kind'>): boolean {
  return decision.kind === 'expert_group';
}

export interface MajorHazardRequest {
  readonly ruleVersion: string;
  readonly input: DeterminationInput;
  readonly decision: CollectiveDecision;
  /** The expert group's reasoned departure from the counting rules (GB 35181-2017 5.3.4). */
  readonly override?: { readonly major: boolean; readonly reason: string } | undefined;
  /** The id the determination is recorded under; an override cites it as its decision. */
  readonly determinationId: string;
}

export interface MajorHazardDecision {
  readonly table: RuleTable;
  /** What the counting rules say. */
  readonly computed: MajorHazardDetermination;
  /** What was decided: the computed result, or the override of it. */
  readonly result: MajorHazardDetermination;
  readonly quorum: CollectiveDecisionCheck;
  readonly withExperts: boolean;
}

/**
 * Codes, checked in this order: GB35181.UNKNOWN_VERSION, the counting rules' own
 * (determineMajorHazard), the quorum's (DECISION.*), the override's (applyExpertOverride).
 */
export function decideMajorHazard(request: MajorHazardRequest, tables: Readonly<Record<string, RuleTable>> = GB35181_RULE_TABLES): Result<MajorHazardDecision> {
  const table = gb35181RuleTable(request.ruleVersion, tables);
  if (!table.ok) return table;
  const computed = determineMajorHazard(table.value, request.input);
  if (!computed.ok) return computed;
  const quorum = validateCollectiveDecision(request.decision);
  if (!quorum.ok) return quorum;
  let result = computed.value;
  if (request.override) {
    const overridden = applyExpertOverride(computed.value, { ...request.override, decisionId: request.determinationId });
    if (!overridden.ok) return overridden;
    result = overridden.value;
  }
  return ok({ table: table.value, computed: computed.value, result, quorum: quorum.value, withExperts: decidedWithExperts(request.decision) });
}
