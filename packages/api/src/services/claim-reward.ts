import { z } from 'zod';
import { createRewardClaim, type RewardClaimState, type RewardState } from '@firebreak/domain';
import { findRewardByReportId } from '@firebreak/db';
import { runCreate } from '../kernel/run-transition';

import { lookupReceipt, NIL_ID, RECEIPT_NOT_FOUND, type IntakeDeps } from './receipt-access';
import { reporterActor } from './reporter-actor';
import { rewardRulesById } from './reward-rules';
import { DomainFailure } from '../application/failure';

export const claimIdentitySchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().regex(/^[0-9]{17}[0-9Xx]$/, { message: 'Invalid ID number' }),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'Invalid phone number' }),
});

export const claimPaymentSchema = z.object({
  method: z.enum(['bank', 'alipay', 'wechat']),
  account: z.string().trim().min(3).max(64),
  /** For bank transfers: the bank's name. */
  bank: z.string().trim().max(60).optional(),
});

export type ClaimIdentity = z.infer<typeof claimIdentitySchema>;
export type ClaimPayment = z.infer<typeof claimPaymentSchema>;

export interface FiledClaim {
  readonly claimId: string;
  readonly status: RewardClaimState['status'];
  readonly submittedAt: string;
}

const NO_REWARD = { code: 'REWARD.NOT_FOUND', message: 'This report has no reward to claim', messageZh: '该举报暂无可申领的奖励' };

/**
 * A reporter claims the reward behind their receipt. Whether an anonymous
 * reporter must identify, the claim window and the reward's status are the
 * kernel's (createRewardClaim) under the reward rules the amount was
 * determined with. Identity and payment details are sealed into the claim row,
 * each bound to its column and the claim's id.
 */
export async function claimReward(
  deps: IntakeDeps,
  clientKey: string,
  input: { receipt: string; identity?: ClaimIdentity | undefined; payment: ClaimPayment },
): Promise<FiledClaim> {
  const row = await lookupReceipt(deps, clientKey, input.receipt);
  const reward = await findRewardByReportId(deps.db, row?.id ?? NIL_ID);
  if (!row) throw new DomainFailure(RECEIPT_NOT_FOUND);
  if (!reward) throw new DomainFailure(NO_REWARD);

  const rewardState = reward.state as unknown as RewardState;
  // The claim is judged by the rule set the amount was determined with, so the
  // anonymous policy and the claim window always match the amount.
  const rules = await rewardRulesById(deps.db, reward.rewardRuleId);

  const claimId = deps.services.newId();
  const { sealer } = deps.services;
  const sealedIdentity = sealer.seal({ identity: input.identity ?? null }, `claims.sealed_identity:${claimId}`);
  const sealedPayment = sealer.seal(input.payment, `claims.sealed_payment:${claimId}`);
  const actor = reporterActor(row.whistleblower ? 'whistleblower' : 'public', row.id);
  const now = deps.clock();

  const created = await runCreate<RewardClaimState, 'claim'>(
    deps,
    actor,
    'claim',
    (k) =>
      createRewardClaim(
        {
          reward: rewardState,
          sealedRef: `claims:${claimId}`,
          identityGiven: input.identity !== undefined,
          paymentDetailsGiven: true,
          anonymousPolicy: rules.anonymousPolicy,
        },
        // The claim's id is fixed up front: the sealed columns are bound to it.
        { ...k, newId: () => claimId },
      ),
    (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, rewardId: s.rewardId, sealedIdentity, sealedPayment, submittedAt: now }),
  );
  return { claimId: created.id, status: created.state.status, submittedAt: now.toISOString() };
}
