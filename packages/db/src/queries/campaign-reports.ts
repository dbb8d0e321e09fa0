import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { campaignReports } from '../schema/campaign-reports';
import { enforcementActions } from '../schema/enforcement';
import { hazards } from '../schema/hazards';
import { inspections } from '../schema/inspections';
import { departments } from '../schema/jurisdictions';

export type CampaignReportRow = typeof campaignReports.$inferSelect;
export type NewCampaignReport = typeof campaignReports.$inferInsert;

export async function insertCampaignReport(db: Db, values: NewCampaignReport): Promise<CampaignReportRow> {
  const [row] = await db.insert(campaignReports).values(values).returning();
  return row!;
}

export async function getCampaignReportRow(db: Db, id: string): Promise<CampaignReportRow> {
  const [row] = await db.select().from(campaignReports).where(eq(campaignReports.id, id)).limit(1);
  if (!row) throw new DbError('CAMPAIGN_REPORT.NOT_FOUND', 'No such campaign report', '专项行动报告不存在', { id });
  return row;
}

/** Issued reports of a campaign, newest first (without their sections: the list shows titles). */
export async function listCampaignReports(db: Db, campaignId: string) {
  return db
    .select({
      id: campaignReports.id,
      kind: campaignReports.kind,
      periodFrom: campaignReports.periodFrom,
      periodTo: campaignReports.periodTo,
      issueNumber: campaignReports.issueNumber,
      title: campaignReports.title,
      issuedByName: campaignReports.issuedByName,
      issuedAt: campaignReports.issuedAt,
    })
    .from(campaignReports)
    .where(eq(campaignReports.campaignId, campaignId))
    .orderBy(desc(campaignReports.issuedAt), desc(campaignReports.sequence));
}

/** The next 第N期 of this kind for the campaign. */
export async function nextCampaignReportSequence(db: Db, campaignId: string, kind: CampaignReportRow['kind']): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${campaignReports.sequence}), 0)::int` })
    .from(campaignReports)
    .where(and(eq(campaignReports.campaignId, campaignId), eq(campaignReports.kind, kind)));
  return (row?.n ?? 0) + 1;
}

/** When each hazard of the campaign's hazard list was found and closed (cadence reports count by period). */
export async function listCampaignHazardDates(db: Db, campaignId: string) {
  return db
    .select({ id: hazards.id, status: hazards.status, createdAt: hazards.createdAt, closedAt: hazards.closedAt })
    .from(hazards)
    .innerJoin(inspections, eq(inspections.id, hazards.inspectionId))
    .where(eq(inspections.campaignId, campaignId))
    .orderBy(asc(hazards.createdAt));
}

/** When each measure of the campaign's measures list was decided (same selection as listCampaignMeasures). */
export async function listCampaignMeasureDates(db: Db, campaignId: string) {
  const campaignHazardIds = sql`array(select ch.id::text from hazards ch join inspections ci on ci.id = ch.inspection_id where ci.campaign_id = ${campaignId})`;
  return db
    .select({ id: enforcementActions.id, kind: enforcementActions.kind, amountFen: enforcementActions.amountFen, decidedAt: enforcementActions.decidedAt, createdAt: enforcementActions.createdAt })
    .from(enforcementActions)
    .where(
      sql`(${enforcementActions.hazardId}::text = any(${campaignHazardIds}) or jsonb_exists_any(coalesce(${enforcementActions.state} -> 'hazardIds', '[]'::jsonb), ${campaignHazardIds}))`,
    )
    .orderBy(asc(enforcementActions.createdAt));
}

/** Names of the departments a task list names (lead departments may sit outside the reader's subtree). */
export async function departmentNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
