import { formatYuan, type RewardClaimState, type RewardState } from '@firebreak/domain';
import type { ClaimRow, RewardRecord } from '@firebreak/db';

/** A reward as staff see it: the kernel state (no reporter identity lives there) and the indexed columns. */
export function rewardView(row: RewardRecord) {
  const state = row.state as unknown as RewardState;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    jurisdictionId: row.jurisdictionId,
    reportId: row.reportId,
    amountFen: row.amountFen,
    amountYuan: row.amountFen === null ? null : formatYuan(row.amountFen),
    rewardRuleId: row.rewardRuleId,
    claimDeadline: row.claimDeadline,
    paidAt: row.paidAt,
    createdAt: row.createdAt,
    state,
  };
}

/** "Why this amount": every factor the rules applied, with its effect in yuan. */
export function amountExplanation(state: RewardState) {
  const d = state.determination;
  if (!d) return null;
  return {
    amountFen: d.amountFen,
    amountYuan: formatYuan(d.amountFen),
    rulesVersion: d.rulesVersion,
    determinedBy: d.by,
    factors: d.factors.map((f) => ({ ...f, effectYuan: f.effectFen === null ? null : formatYuan(f.effectFen) })),
  };
}

/**
 * A claim without anything that could identify the claimant: the sealed columns
 * are never selected, and the envelope reference is dropped as well.
 */
export function claimView(row: ClaimRow) {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    rewardId: row.rewardId,
    jurisdictionId: row.jurisdictionId,
    submittedAt: row.submittedAt,
    state: claimStateView(row.state as unknown as RewardClaimState),
  };
}

export function claimStateView(state: RewardClaimState): Omit<RewardClaimState, 'sealedRef'> {
  const { sealedRef: _sealedRef, ...rest } = state;
  return rest;
}
