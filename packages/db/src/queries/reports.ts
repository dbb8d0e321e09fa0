import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../database';
import { attachments, reports } from '../schema/reports';
import { claims, rewards } from '../schema/rewards';
import { apiKeys } from '../schema/users';

/**
 * Reads behind the public intake: the report a receipt leads to, the reward
 * and claims a reporter may ask about, and the rows the kernel needs to
 * decide on a claim (reward rules) or spot duplicates. Writes of lifecycle
 * rows go through insertEntity/saveTransition, never through here.
 */

export interface ReceiptReportRow {
  readonly id: string;
  readonly version: number;
  readonly jurisdictionId: string;
  readonly whistleblower: boolean;
  readonly state: Record<string, unknown>;
}

/** The report stored under a receipt's lookup hash, or null. */
export async function findReportByReceiptHash(db: Db, receiptHash: string): Promise<ReceiptReportRow | null> {
  const [row] = await db
    .select({ id: reports.id, version: reports.version, jurisdictionId: reports.jurisdictionId, whistleblower: reports.whistleblower, state: reports.state })
    .from(reports)
    .where(eq(reports.receiptHash, receiptHash))
    .limit(1);
  return row ?? null;
}

/** Where an Open311 key's reports land when they cannot be located more precisely. */
export async function findApiKeyJurisdiction(db: Db, apiKeyId: string): Promise<string | null> {
  const [row] = await db.select({ jurisdictionId: apiKeys.jurisdictionId }).from(apiKeys).where(eq(apiKeys.id, apiKeyId)).limit(1);
  return row?.jurisdictionId ?? null;
}

export interface AttachmentLink {
  readonly id: string;
  readonly entity: string | null;
  readonly entityId: string | null;
}

export function findAttachments(db: Db, ids: readonly string[]): Promise<AttachmentLink[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: attachments.id, entity: attachments.entity, entityId: attachments.entityId }).from(attachments).where(inArray(attachments.id, [...ids]));
}

/** Ties uploads to what they evidence; only uploads not yet tied to anything are taken. Returns how many. */
export async function attachUploads(db: Db, ids: readonly string[], entity: string, entityId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const updated = await db
    .update(attachments)
    .set({ entity, entityId })
    .where(and(inArray(attachments.id, [...ids]), isNull(attachments.entity)))
    .returning({ id: attachments.id });
  return updated.length;
}

export interface RewardRow {
  readonly id: string;
  readonly version: number;
  readonly jurisdictionId: string;
  readonly status: string;
  readonly state: Record<string, unknown>;
  readonly rewardRuleId: string | null;
}

/** The one reward a report can have (rewards_report_uq), or null. */
export async function findRewardByReportId(db: Db, reportId: string): Promise<RewardRow | null> {
  const [row] = await db
    .select({ id: rewards.id, version: rewards.version, jurisdictionId: rewards.jurisdictionId, status: rewards.status, state: rewards.state, rewardRuleId: rewards.rewardRuleId })
    .from(rewards)
    .where(eq(rewards.reportId, reportId))
    .limit(1);
  return row ?? null;
}

/** The newest claim on a reward (status and time only: the sealed parts stay in the table). */
export async function findLatestClaim(db: Db, rewardId: string): Promise<{ id: string; status: string; submittedAt: Date } | null> {
  const [row] = await db
    .select({ id: claims.id, status: claims.status, submittedAt: claims.submittedAt })
    .from(claims)
    .where(eq(claims.rewardId, rewardId))
    .orderBy(desc(claims.submittedAt), desc(claims.createdAt))
    .limit(1);
  return row ?? null;
}

export interface DuplicateCheckRow {
  readonly id: string;
  readonly venueId: string | null;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly riskCategory: string | null;
  readonly submittedAt: Date;
  readonly status: string;
}

/** Reports of one risk category received in [from, to], the pool the kernel's duplicate check compares against. */
export function listReportsForDuplicateCheck(db: Db, input: { riskCategory: string; from: Date; to: Date; limit?: number }): Promise<DuplicateCheckRow[]> {
  return db
    .select({ id: reports.id, venueId: reports.venueId, lat: reports.lat, lng: reports.lng, riskCategory: reports.riskCategory, submittedAt: reports.submittedAt, status: reports.status })
    .from(reports)
    .where(and(eq(reports.riskCategory, input.riskCategory), gte(reports.submittedAt, input.from), lte(reports.submittedAt, input.to)))
    .orderBy(desc(reports.submittedAt))
    .limit(input.limit ?? 500);
}
