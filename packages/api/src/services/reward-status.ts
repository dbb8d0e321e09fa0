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
  /**
   * How the amount was set, once a second person approved it: the rule set's
   * version and every factor with the sentence the rules engine wrote for it
   * (both languages) and its signed effect in fen.
   */
  readonly explanation: {
    readonly rulesVersion: string;
    readonly factors: readonly { readonly code: string; readonly zh: string; readonly en: string; readonly effectFen: number | null }[];
  } | null;
  /** Why no reward is paid: the assessment's reasons (ineligible) or the withholding officer's reason (withheld). */
  readonly refusalReasons: readonly string[];
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
      explanation:
        AMOUNT_SHOWN.includes(state.status) && state.determination
          ? {
              rulesVersion: state.determination.rulesVersion,
              factors: state.determination.factors.map((f) => ({ code: f.code, zh: f.zh, en: f.en, effectFen: f.effectFen })),
            }
          : null,
      refusalReasons: refusalReasons(state),
    },
  };
}

function refusalReasons(state: RewardState): string[] {
  if (state.status === 'withheld' && state.withholding) return [state.withholding.reason];
  if (state.status === 'ineligible' && state.assessment && !state.assessment.eligible) return [...state.assessment.reasons];
  return [];
}
