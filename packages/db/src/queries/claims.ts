import { and, asc, eq, inArray, notLike } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { claims, rewards } from '../schema/rewards';

/** Everything about a claim except the sealed identity and payment details. */
const claimColumns = {
  id: claims.id,
  status: claims.status,
  version: claims.version,
  jurisdictionId: claims.jurisdictionId,
  rewardId: claims.rewardId,
  state: claims.state,
  submittedAt: claims.submittedAt,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
};

export type ClaimRow = { [K in keyof typeof claimColumns]: (typeof claims.$inferSelect)[K] };

export async function getClaimRow(db: Db, id: string): Promise<ClaimRow> {
  const [row] = await db.select(claimColumns).from(claims).where(eq(claims.id, id)).limit(1);
  if (!row) throw new DbError('REWARD_CLAIM.NOT_FOUND', 'No such claim', '领奖申请不存在', { id });
  return row;
}

export async function listClaimsForReward(db: Db, rewardId: string): Promise<ClaimRow[]> {
  return db.select(claimColumns).from(claims).where(eq(claims.rewardId, rewardId)).orderBy(asc(claims.submittedAt), asc(claims.id));
}

/** The claim already holding the reward (accepted or paid), if any: the kernel's `holdingClaimId`. */
export async function findHoldingClaimId(db: Db, rewardId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.rewardId, rewardId), inArray(claims.status, ['accepted', 'paid'])))
    .limit(1);
  return row?.id ?? null;
}

/** Sealed identities given at claim time for a report's reward (opened only by the disclosure read). */
export async function sealedClaimIdentitiesForReport(db: Db, reportId: string): Promise<{ claimId: string; sealedIdentity: string }[]> {
  return db
    .select({ claimId: claims.id, sealedIdentity: claims.sealedIdentity })
    .from(claims)
    .innerJoin(rewards, eq(rewards.id, claims.rewardId))
    .where(and(eq(rewards.reportId, reportId), notLike(claims.sealedIdentity, 'purged:%')))
    .orderBy(asc(claims.submittedAt));
}
