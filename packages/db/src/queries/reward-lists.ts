import { and, asc, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { DisclosureState, Effect, RewardListState } from '@firebreak/domain';
import type { Db } from '../database';
import { DbError } from '../errors';
import { applyEffectsInTransaction } from '../transitions/apply-effects';
import { disclosureRequests, rewards } from '../schema/rewards';
import { rewardLists } from '../schema/reward-lists';
import { reports } from '../schema/reports';
import { venues } from '../schema/venues';
import { scopedTo } from './audit-read';
import { getRewardRow, type RewardRecord } from './rewards';

/** A paid reward as the yearly list needs it: when, how much, where, what about, which channel. Nothing identifying. */
export interface PaidRewardRow {
  readonly rewardId: string;
  readonly paidAt: Date;
  readonly amountFen: number;
  readonly jurisdictionId: string;
  readonly riskCategory: string | null;
  readonly whistleblower: boolean;
}

export async function paidRewardsForList(db: Db, f: { rootId: string; from: Date; to: Date }): Promise<PaidRewardRow[]> {
  const rows = await db
    .select({
      rewardId: rewards.id,
      paidAt: rewards.paidAt,
      amountFen: rewards.amountFen,
      jurisdictionId: rewards.jurisdictionId,
      riskCategory: reports.riskCategory,
      whistleblower: reports.whistleblower,
    })
    .from(rewards)
    .innerJoin(reports, eq(reports.id, rewards.reportId))
    .where(and(eq(rewards.status, 'paid'), scopedTo(rewards.jurisdictionId, f.rootId), gte(rewards.paidAt, f.from), lt(rewards.paidAt, f.to)))
    .orderBy(asc(rewards.paidAt), asc(rewards.id));
  return rows.flatMap((r) => (r.paidAt && r.amountFen !== null ? [{ ...r, paidAt: r.paidAt, amountFen: r.amountFen }] : []));
}

const listColumns = {
  id: rewardLists.id,
  status: rewardLists.status,
  version: rewardLists.version,
  jurisdictionId: rewardLists.jurisdictionId,
  year: rewardLists.year,
  state: rewardLists.state,
  publishedAt: rewardLists.publishedAt,
  updatedAt: rewardLists.updatedAt,
};
export type RewardListRow = { [K in keyof typeof listColumns]: (typeof rewardLists.$inferSelect)[K] };

export async function findRewardList(db: Db, f: { jurisdictionId: string; year: number }): Promise<RewardListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(rewardLists)
    .where(and(eq(rewardLists.jurisdictionId, f.jurisdictionId), eq(rewardLists.year, f.year)))
    .limit(1);
  return row ?? null;
}

/** Published lists of a year, for the public portal. */
export async function listPublishedRewardLists(db: Db, f: { year: number }): Promise<RewardListRow[]> {
  return db
    .select(listColumns)
    .from(rewardLists)
    .where(and(eq(rewardLists.year, f.year), eq(rewardLists.status, 'published')))
    .orderBy(asc(rewardLists.jurisdictionId));
}

/** Years with a published list, newest first, for the portal's year picker. */
export async function publishedRewardListYears(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ year: rewardLists.year }).from(rewardLists).where(eq(rewardLists.status, 'published')).orderBy(desc(rewardLists.year));
  return rows.map((r) => r.year);
}

/** How many rewards (by status) lie in a subtree: the console's table pages on it. */
export async function countRewards(db: Db, f: { rootId: string; statuses?: readonly string[] }): Promise<number> {
  const conditions: SQL[] = [scopedTo(rewards.jurisdictionId, f.rootId)];
  if (f.statuses?.length) conditions.push(inArray(rewards.status, [...f.statuses]));
  const [row] = await db.select({ n: count() }).from(rewards).where(and(...conditions));
  return row?.n ?? 0;
}

export async function countDisclosures(db: Db, f: { rootId: string; status?: string; requestedByUserId?: string }): Promise<number> {
  const conditions: SQL[] = [scopedTo(disclosureRequests.jurisdictionId, f.rootId)];
  if (f.status) conditions.push(eq(disclosureRequests.status, f.status));
  if (f.requestedByUserId) conditions.push(eq(disclosureRequests.requestedByUserId, f.requestedByUserId));
  const [row] = await db.select({ n: count() }).from(disclosureRequests).where(and(...conditions));
  return row?.n ?? 0;
}

/** What the console shows beside a reward: the report's category, venue and arrival, never who filed it. */
export async function rewardReportSummaries(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return new Map<string, { riskCategory: string | null; venueName: string | null; submittedAt: Date; whistleblower: boolean }>();
  const rows = await db
    .select({ id: reports.id, riskCategory: reports.riskCategory, venueName: venues.name, submittedAt: reports.submittedAt, whistleblower: reports.whistleblower })
    .from(reports)
    .leftJoin(venues, eq(venues.id, reports.venueId))
    .where(inArray(reports.id, [...reportIds]));
  return new Map(rows.map((r) => [r.id, { riskCategory: r.riskCategory, venueName: r.venueName, submittedAt: r.submittedAt, whistleblower: r.whistleblower }]));
}

/** listRewards with several statuses at once (a work queue), newest first. */
export async function listRewardsIn(db: Db, f: { rootId: string; statuses?: readonly string[]; limit: number; offset: number }): Promise<RewardRecord[]> {
  const conditions: SQL[] = [scopedTo(rewards.jurisdictionId, f.rootId)];
  if (f.statuses?.length) conditions.push(inArray(rewards.status, [...f.statuses]));
  const ids = await db
    .select({ id: rewards.id })
    .from(rewards)
    .where(and(...conditions))
    .orderBy(desc(rewards.createdAt), desc(rewards.id))
    .limit(f.limit)
    .offset(f.offset);
  // At most a page of primary-key probes; keeps the one column list in rewards.ts.
  return Promise.all(ids.map((r) => getRewardRow(db, r.id)));
}

/** The disclosure requests about one report, oldest first: who asked, why, the decision (the identity is never here). */
export async function disclosuresForReport(db: Db, reportId: string) {
  const rows = await db
    .select({ id: disclosureRequests.id, status: disclosureRequests.status, reason: disclosureRequests.reason, state: disclosureRequests.state, createdAt: disclosureRequests.createdAt })
    .from(disclosureRequests)
    .where(eq(disclosureRequests.reportId, reportId))
    .orderBy(asc(disclosureRequests.createdAt));
  return rows.map((r) => {
    const state = r.state as unknown as DisclosureState;
    return { id: r.id, status: r.status, reason: r.reason, createdAt: r.createdAt, requestedBy: state.requestedBy, decision: state.decision };
  });
}

/** The first draft of a year's list, with its audit entry, in one transaction (the unique index refuses a second). */
export async function insertRewardList(db: Db, input: { state: RewardListState; effects: readonly Effect[]; now: Date }): Promise<void> {
  const s = input.state;
  await db.transaction(async (tx) => {
    await tx.insert(rewardLists).values({
      id: s.id,
      status: s.status,
      jurisdictionId: s.jurisdictionId,
      year: s.year,
      version: s.version,
      state: s as unknown as Record<string, unknown>,
      createdAt: input.now,
      updatedAt: input.now,
    });
    await applyEffectsInTransaction(tx, input.effects, { now: input.now });
  });
}

/**
 * A draft prepared again, or published: compare-and-set on the version the kernel
 * was handed (CONCURRENCY.STALE otherwise), with its audit entry. A published row
 * refuses any update underneath (reward_lists_frozen trigger).
 */
export async function saveRewardList(db: Db, input: { expectedVersion: number; state: RewardListState; effects: readonly Effect[]; now: Date }): Promise<void> {
  const s = input.state;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(rewardLists)
      .set({
        status: s.status,
        version: s.version,
        state: s as unknown as Record<string, unknown>,
        updatedAt: input.now,
        ...(s.status === 'published' ? { publishedAt: input.now } : {}),
      })
      .where(and(eq(rewardLists.id, s.id), eq(rewardLists.version, input.expectedVersion)))
      .returning({ id: rewardLists.id });
    if (updated.length === 0) {
      throw new DbError('CONCURRENCY.STALE', 'The list was changed by someone else; reload and try again', '该名单已被他人修改，请刷新后重试', {
        entity: 'reward_list',
        id: s.id,
        expectedVersion: input.expectedVersion,
      });
    }
    await applyEffectsInTransaction(tx, input.effects, { now: input.now });
  });
}
