import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { reports } from '../schema/reports';
import { disclosureRequests } from '../schema/rewards';
import { scopedTo } from './audit-read';

const disclosureColumns = {
  id: disclosureRequests.id,
  status: disclosureRequests.status,
  version: disclosureRequests.version,
  jurisdictionId: disclosureRequests.jurisdictionId,
  reportId: disclosureRequests.reportId,
  requestedByUserId: disclosureRequests.requestedByUserId,
  reason: disclosureRequests.reason,
  decidedByUserId: disclosureRequests.decidedByUserId,
  decidedAt: disclosureRequests.decidedAt,
  state: disclosureRequests.state,
  createdAt: disclosureRequests.createdAt,
};

export type DisclosureRow = { [K in keyof typeof disclosureColumns]: (typeof disclosureRequests.$inferSelect)[K] };

export async function getDisclosureRow(db: Db, id: string): Promise<DisclosureRow> {
  const [row] = await db.select(disclosureColumns).from(disclosureRequests).where(eq(disclosureRequests.id, id)).limit(1);
  if (!row) throw new DbError('DISCLOSURE.NOT_FOUND', 'No such disclosure request', '身份披露申请不存在', { id });
  return row;
}

export async function listDisclosures(
  db: Db,
  f: { rootId: string; status?: string; requestedByUserId?: string; limit: number; offset: number },
): Promise<DisclosureRow[]> {
  const conditions: SQL[] = [scopedTo(disclosureRequests.jurisdictionId, f.rootId)];
  if (f.status) conditions.push(eq(disclosureRequests.status, f.status));
  if (f.requestedByUserId) conditions.push(eq(disclosureRequests.requestedByUserId, f.requestedByUserId));
  return db
    .select(disclosureColumns)
    .from(disclosureRequests)
    .where(and(...conditions))
    .orderBy(desc(disclosureRequests.createdAt), desc(disclosureRequests.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** Where a report sits (for a disclosure request's scope), without its identity. */
export async function getReportScope(db: Db, reportId: string): Promise<{ id: string; jurisdictionId: string; anonymous: boolean }> {
  const [row] = await db
    .select({ id: reports.id, jurisdictionId: reports.jurisdictionId, anonymous: reports.anonymous })
    .from(reports)
    .where(eq(reports.id, reportId))
    .limit(1);
  if (!row) throw new DbError('REPORT.NOT_FOUND', 'No such report', '举报不存在', { id: reportId });
  return row;
}

/** The sealed reporter identity: read only inside the audited disclosure transaction. */
export async function getSealedReportIdentity(db: Db, reportId: string): Promise<string | null> {
  const [row] = await db.select({ sealed: reports.sealedIdentity }).from(reports).where(eq(reports.id, reportId)).limit(1);
  if (!row) throw new DbError('REPORT.NOT_FOUND', 'No such report', '举报不存在', { id: reportId });
  return row.sealed;
}
