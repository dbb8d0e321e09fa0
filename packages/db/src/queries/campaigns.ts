import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { campaignTasks, campaigns } from '../schema/campaigns';
import { enforcementActions } from '../schema/enforcement';
import { hazards } from '../schema/hazards';
import { inspections } from '../schema/inspections';
import { departments } from '../schema/jurisdictions';
import { venues } from '../schema/venues';
import { scopedTo } from './audit-read';

export type CampaignRow = typeof campaigns.$inferSelect;

export async function insertCampaignRecord(
  db: Db,
  input: { id: string; name: string; jurisdictionId: string; leadDepartmentId: string | null; startsOn: string; endsOn: string | null; plan: Record<string, unknown> },
): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(input).returning();
  return row!;
}

export async function getCampaignRow(db: Db, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (!row) throw new DbError('CAMPAIGN.NOT_FOUND', 'No such campaign', '专项行动不存在', { id });
  return row;
}

export async function listCampaigns(db: Db, f: { rootId: string; status?: string; limit: number; offset: number }): Promise<CampaignRow[]> {
  const conditions: SQL[] = [scopedTo(campaigns.jurisdictionId, f.rootId)];
  if (f.status) conditions.push(eq(campaigns.status, f.status as CampaignRow['status']));
  return db
    .select()
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
    .limit(f.limit)
    .offset(f.offset);
}

export type CampaignTaskRow = typeof campaignTasks.$inferSelect;

/** Every task of a campaign, siblings by ordinal (the caller nests them by parentId). */
export async function listCampaignTaskRows(db: Db, campaignId: string): Promise<CampaignTaskRow[]> {
  return db
    .select()
    .from(campaignTasks)
    .where(eq(campaignTasks.campaignId, campaignId))
    .orderBy(asc(campaignTasks.ordinal), asc(campaignTasks.createdAt));
}

/** The next sibling number under `parentId` (null: top-level items). */
export async function nextCampaignTaskOrdinal(db: Db, campaignId: string, parentId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${campaignTasks.ordinal}), 0)::int` })
    .from(campaignTasks)
    .where(and(eq(campaignTasks.campaignId, campaignId), parentId === null ? isNull(campaignTasks.parentId) : eq(campaignTasks.parentId, parentId)));
  return (row?.n ?? 0) + 1;
}

/** The hazard list: hazards found by the campaign's inspections. */
export async function listCampaignHazards(db: Db, campaignId: string) {
  return db
    .select({
      id: hazards.id,
      status: hazards.status,
      venueId: hazards.venueId,
      venueName: venues.name,
      riskCategory: hazards.riskCategory,
      severity: hazards.severity,
      dueAt: hazards.dueAt,
      closedAt: hazards.closedAt,
      jurisdictionId: hazards.jurisdictionId,
    })
    .from(hazards)
    .innerJoin(inspections, eq(inspections.id, hazards.inspectionId))
    .leftJoin(venues, eq(venues.id, hazards.venueId))
    .where(eq(inspections.campaignId, campaignId))
    .orderBy(asc(hazards.createdAt));
}

/** The measures list: enforcement taken on the campaign's hazards. */
export async function listCampaignMeasures(db: Db, campaignId: string) {
  const campaignHazardIds = sql`array(select ch.id::text from hazards ch join inspections ci on ci.id = ch.inspection_id where ci.campaign_id = ${campaignId})`;
  return db
    .select({
      id: enforcementActions.id,
      kind: enforcementActions.kind,
      status: enforcementActions.status,
      venueId: enforcementActions.venueId,
      hazardId: enforcementActions.hazardId,
      amountFen: enforcementActions.amountFen,
      departmentId: enforcementActions.departmentId,
      departmentName: departments.name,
      decidedAt: enforcementActions.decidedAt,
    })
    .from(enforcementActions)
    .leftJoin(departments, eq(departments.id, enforcementActions.departmentId))
    .where(
      sql`(${enforcementActions.hazardId}::text = any(${campaignHazardIds}) or jsonb_exists_any(coalesce(${enforcementActions.state} -> 'hazardIds', '[]'::jsonb), ${campaignHazardIds}))`,
    )
    .orderBy(asc(enforcementActions.createdAt));
}
