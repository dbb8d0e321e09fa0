import { and, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { enforcementActions } from '../schema/enforcement';
import { hazards } from '../schema/hazards';
import { reports } from '../schema/reports';
import { rewardRules, rewards } from '../schema/rewards';
import { scopedTo } from './audit-read';

const rewardColumns = {
  id: rewards.id,
  status: rewards.status,
  version: rewards.version,
  jurisdictionId: rewards.jurisdictionId,
  reportId: rewards.reportId,
  rewardRuleId: rewards.rewardRuleId,
  amountFen: rewards.amountFen,
  claimDeadline: rewards.claimDeadline,
  paidAt: rewards.paidAt,
  state: rewards.state,
  createdAt: rewards.createdAt,
  updatedAt: rewards.updatedAt,
};

export type RewardRecord = { [K in keyof typeof rewardColumns]: (typeof rewards.$inferSelect)[K] };

export async function getRewardRow(db: Db, id: string): Promise<RewardRecord> {
  const [row] = await db.select(rewardColumns).from(rewards).where(eq(rewards.id, id)).limit(1);
  if (!row) throw new DbError('REWARD.NOT_FOUND', 'No such reward', '奖励记录不存在', { id });
  return row;
}

export async function findRewardIdByReport(db: Db, reportId: string): Promise<string | null> {
  const [row] = await db.select({ id: rewards.id }).from(rewards).where(eq(rewards.reportId, reportId)).limit(1);
  return row?.id ?? null;
}

export async function listRewards(
  db: Db,
  f: { rootId: string; status?: string; limit: number; offset: number },
): Promise<RewardRecord[]> {
  const conditions: SQL[] = [scopedTo(rewards.jurisdictionId, f.rootId)];
  if (f.status) conditions.push(eq(rewards.status, f.status));
  return db
    .select(rewardColumns)
    .from(rewards)
    .where(and(...conditions))
    .orderBy(desc(rewards.createdAt), desc(rewards.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** The report a reward is about, without its sealed identity. */
export async function getReportForReward(db: Db, reportId: string) {
  const [row] = await db
    .select({
      id: reports.id,
      status: reports.status,
      jurisdictionId: reports.jurisdictionId,
      state: reports.state,
      anonymous: reports.anonymous,
      whistleblower: reports.whistleblower,
      venueId: reports.venueId,
      riskCategory: reports.riskCategory,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .where(eq(reports.id, reportId))
    .limit(1);
  if (!row) throw new DbError('REPORT.NOT_FOUND', 'No such report', '举报不存在', { id: reportId });
  return row;
}

export interface RewardHazardFact {
  readonly id: string;
  readonly severity: string;
  readonly riskCategory: string;
  readonly markedMajor: boolean;
  readonly source: string;
  readonly foundAt: string | null;
}

export interface RewardFactRecords {
  readonly hazards: readonly RewardHazardFact[];
  /** Fines decided on the hazards (sum, fen), or null when none was imposed. */
  readonly fineFen: number | null;
  /** Other reports substantiated on one of the same hazards and received earlier. */
  readonly earlierReports: number;
}

const DECIDED_ENFORCEMENT = ['decided', 'served', 'executed', 'closed'];

/** What the stored records say about a report's reward: hazards, fines, earlier reporters. */
export async function rewardFactRecords(db: Db, f: { reportId: string; hazardIds: readonly string[]; receivedAt: Date }): Promise<RewardFactRecords> {
  if (f.hazardIds.length === 0) return { hazards: [], fineFen: null, earlierReports: 0 };
  const ids = [...f.hazardIds];
  const idArray = sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`;
  const hazardRows = await db
    .select({
      id: hazards.id,
      severity: hazards.severity,
      riskCategory: hazards.riskCategory,
      markedMajor: sql<boolean>`coalesce(jsonb_typeof(${hazards.state} -> 'major') = 'object', false)`,
      source: hazards.source,
      foundAt: sql<string | null>`${hazards.state} ->> 'foundAt'`,
    })
    .from(hazards)
    .where(inArray(hazards.id, ids));
  const [fine] = await db
    .select({
      n: sql<number>`count(*)::int`,
      fen: sql<string | null>`sum(coalesce(${enforcementActions.amountFen}, round((${enforcementActions.state} ->> 'amountYuan')::numeric * 100)::bigint))::text`,
    })
    .from(enforcementActions)
    .where(
      and(
        eq(enforcementActions.kind, 'fine'),
        inArray(enforcementActions.status, DECIDED_ENFORCEMENT),
        sql`(${enforcementActions.hazardId}::text = any(${idArray}) or jsonb_exists_any(coalesce(${enforcementActions.state} -> 'hazardIds', '[]'::jsonb), ${idArray}))`,
      ),
    );
  const [earlier] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(
      and(
        sql`${reports.id} <> ${f.reportId}`,
        sql`coalesce((${reports.state} ->> 'receivedAt')::timestamptz, ${reports.submittedAt}) < ${f.receivedAt.toISOString()}::timestamptz`,
        sql`jsonb_exists_any(coalesce(${reports.state} -> 'hazardIds', '[]'::jsonb), ${idArray})`,
      ),
    );
  return {
    hazards: hazardRows,
    fineFen: fine && fine.n > 0 && fine.fen !== null ? Number(fine.fen) : null,
    earlierReports: earlier?.n ?? 0,
  };
}

export type RewardRuleRow = typeof rewardRules.$inferSelect;

/** Published rule sets, newest version first. */
export async function listRewardRuleRows(db: Db, f: { jurisdictionId?: string | null } = {}): Promise<RewardRuleRow[]> {
  const conditions: SQL[] = [isNotNull(rewardRules.publishedAt)];
  if (f.jurisdictionId !== undefined) {
    conditions.push(f.jurisdictionId === null ? sql`${rewardRules.jurisdictionId} is null` : eq(rewardRules.jurisdictionId, f.jurisdictionId));
  }
  return db
    .select()
    .from(rewardRules)
    .where(and(...conditions))
    .orderBy(desc(rewardRules.version));
}

export async function getRewardRuleRow(db: Db, id: string): Promise<RewardRuleRow> {
  const [row] = await db.select().from(rewardRules).where(eq(rewardRules.id, id)).limit(1);
  if (!row) throw new DbError('REWARD_RULES.NOT_FOUND', 'No such reward rule set', '奖励规则不存在', { id });
  return row;
}

/**
 * Adds the next version for a jurisdiction (null: the default set), published at
 * once. Two admins racing for the same number meet the unique (jurisdiction,
 * version) constraint, which the caller reports as a conflict.
 */
export async function insertRewardRuleVersion(
  db: Db,
  input: { jurisdictionId: string | null; rules: Record<string, unknown>; effectiveFrom: Date; publishedAt: Date; createdByUserId: string | null },
): Promise<RewardRuleRow> {
  const same = input.jurisdictionId === null ? sql`${rewardRules.jurisdictionId} is null` : eq(rewardRules.jurisdictionId, input.jurisdictionId);
  const [max] = await db.select({ v: sql<number>`coalesce(max(${rewardRules.version}), 0)::int` }).from(rewardRules).where(same);
  const [row] = await db
    .insert(rewardRules)
    .values({
      jurisdictionId: input.jurisdictionId,
      version: (max?.v ?? 0) + 1,
      rules: input.rules,
      effectiveFrom: input.effectiveFrom,
      publishedAt: input.publishedAt,
      createdByUserId: input.createdByUserId,
    })
    .returning();
  return row!;
}

/** Seeds the default rule set as version 1 when the table is empty; concurrent seeders meet the unique key. */
export async function seedDefaultRewardRules(db: Db, input: { rules: Record<string, unknown>; effectiveFrom: Date; now: Date }): Promise<void> {
  const [any] = await db.select({ id: rewardRules.id }).from(rewardRules).limit(1);
  if (any) return;
  await db
    .insert(rewardRules)
    .values({ jurisdictionId: null, version: 1, rules: input.rules, effectiveFrom: input.effectiveFrom, publishedAt: input.now, createdByUserId: null })
    .onConflictDoNothing();
}
