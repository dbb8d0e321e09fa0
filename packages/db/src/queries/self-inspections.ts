import type { ActorStamp } from '@firebreak/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import type { Db } from '../database';
import { auditLog } from '../schema/audit';
import { checkItems, standards } from '../schema/standards';

/**
 * Self-inspections (自查) and the checklists they follow. There is no table of
 * self-inspection records: each one is an entry in the hash-chained audit log
 * (entity 'venue', action 'self_inspection'), which makes it tamper-evident and
 * keeps who signed it; the hazards it found are lifecycle rows of their own.
 */

export const SELF_INSPECTION_ACTION = 'self_inspection';

export interface StandardRow {
  readonly id: string;
  readonly code: string;
  readonly venueCategory: string;
  readonly version: number;
  readonly titleZh: string;
  readonly titleEn: string | null;
  readonly publishedAt: Date | null;
  readonly items: {
    readonly id: string;
    readonly ordinal: number;
    readonly code: string;
    readonly textZh: string;
    readonly textEn: string | null;
    readonly riskCategory: string;
    readonly defaultSeverity: 'general' | 'major';
    readonly legalBasis: string | null;
    readonly defaultDeadlineDays: number | null;
    readonly gbElement: string | null;
  }[];
}

/** Every published version of the standards of these venue categories, with their items in order. */
export async function listPublishedStandards(db: Db, categories: readonly string[]): Promise<StandardRow[]> {
  if (categories.length === 0) return [];
  const heads = await db
    .select({
      id: standards.id,
      code: standards.code,
      venueCategory: standards.venueCategory,
      version: standards.version,
      titleZh: standards.titleZh,
      titleEn: standards.titleEn,
      publishedAt: standards.publishedAt,
    })
    .from(standards)
    .where(and(inArray(standards.venueCategory, [...categories]), eq(standards.published, true)))
    .orderBy(asc(standards.venueCategory), asc(standards.version));
  if (heads.length === 0) return [];
  const items = await db
    .select()
    .from(checkItems)
    .where(
      inArray(
        checkItems.standardId,
        heads.map((h) => h.id),
      ),
    )
    .orderBy(asc(checkItems.standardId), asc(checkItems.ordinal));
  return heads.map((h) => ({
    ...h,
    items: items
      .filter((i) => i.standardId === h.id)
      .map((i) => ({
        id: i.id,
        ordinal: i.ordinal,
        code: i.code,
        textZh: i.textZh,
        textEn: i.textEn,
        riskCategory: i.riskCategory,
        defaultSeverity: i.defaultSeverity,
        legalBasis: i.legalBasis,
        defaultDeadlineDays: i.defaultDeadlineDays,
        gbElement: i.gbElement,
      })),
  }));
}

export interface SelfInspectionRecord {
  readonly id: string;
  readonly venueId: string;
  readonly by: ActorStamp;
  readonly items: readonly { readonly itemId: string; readonly ok: boolean; readonly note: string | null }[];
  readonly standards: readonly { readonly category: string; readonly version: number }[];
  readonly hazardIds: readonly string[];
}

/** Appends the record to the audit chain; returns its sequence number. */
export async function recordSelfInspection(db: Db, record: SelfInspectionRecord): Promise<number> {
  const entry = await appendAudit(db, {
    entity: 'venue',
    entityId: record.venueId,
    action: SELF_INSPECTION_ACTION,
    from: null,
    to: 'recorded',
    by: record.by,
    data: { selfInspectionId: record.id, items: record.items, standards: record.standards, hazardIds: record.hazardIds },
  });
  return entry.seq;
}

export interface StoredSelfInspection {
  readonly seq: number;
  readonly at: Date;
  readonly actorName: string;
  readonly data: Record<string, unknown> | null;
}

/** A venue's self-inspections, newest first. */
export function listSelfInspections(db: Db, venueId: string, limit = 20): Promise<StoredSelfInspection[]> {
  return db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'venue'), eq(auditLog.entityId, venueId), eq(auditLog.action, SELF_INSPECTION_ACTION)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
