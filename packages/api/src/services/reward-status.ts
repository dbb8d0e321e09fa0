import type { RewardState, RewardStatus } from '@firebreak/domain';
import { findLatestClaim, findRewardByReportId } from '@firebreak/db';

import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, type IntakeDeps } from './receipt-access';
import { DomainFailure } from '../application/failure';

/** Statuses from which the amount has been approved by a second person and may be told to the reporter. */
const AMOUNT_SHOWN: readonly RewardStatus[] = ['approved', 'notified', 'claimed', 'paid', 'expired'];

export interface PublicRewardStatus {
  readonly status: RewardStatus;
  /** Integer fen; null until approved. */
  readonly amountFen: number | null;
  readonly claimWindowEnd: string | null;
  readonly claim: { readonly status: string; readonly submittedAt: string } | null;
}

/**
 * The reward behind a receipt as the reporter may see it: its status, the
 * amount once approved and the claim window. Null when the report has no
 * reward (yet). Never who assessed, determined or approved it.
 */
export async function rewardStatus(deps: IntakeDeps, clientKey: string, receipt: string): Promise<{ reward: PublicRewardStatus | null }> {
  const row = await lookupReceipt(deps, clientKey, receipt);
  const reward = await findRewardByReportId(deps.db, row?.id ?? NIL_ID);
  if (!row) throw new DomainFailure(RECEIPT_NOT_FOUND);
  if (!reward) return { reward: null };
  const state = reward.state as unknown as RewardState;
  const claim = await findLatestClaim(deps.db, reward.id);
  return {
    reward: {
      status: state.status,
      amountFen: AMOUNT_SHOWN.includes(state.status) ? (state.determination?.amountFen ?? null) : null,
      claimWindowEnd: state.claimWindowEnd,
      claim: claim ? { status: claim.status, submittedAt: claim.submittedAt.toISOString() } : null,
    },
  };
}
