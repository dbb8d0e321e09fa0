import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { createdAt, instant, primaryId, textOf } from './columns';
import { draws } from './draws';
import { departments } from './jurisdictions';
import { lifecycleColumns } from './lifecycle-columns';
import { attachments, reports } from './reports';
import { standards } from './standards';
import { users } from './users';
import { venues } from './venues';

export const INSPECTION_SOURCES = [
  'random_sampling', // 双随机
  'campaign', // 专项行动
  'report_verification', // 举报核查
  'reinspection', // 复查
  'joint', // 联合检查
  'expert_check', // 专家检查
  'unannounced', // 四不两直
] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];

export const inspections = pgTable(
  'inspections',
  {
    ...lifecycleColumns(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    source: textOf<InspectionSource>('source').notNull(),
    /** The standard version the checklist came from (frozen once published). */
    standardId: uuid('standard_id').references(() => standards.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    reportId: uuid('report_id').references(() => reports.id),
    drawId: uuid('draw_id').references(() => draws.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    scheduledFor: instant('scheduled_for'),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('inspections_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('inspections_venue_idx').on(t.venueId, t.createdAt),
    index('inspections_department_idx').on(t.departmentId, t.status),
    index('inspections_campaign_idx').on(t.campaignId),
    check(
      'inspections_source_ck',
      sql`source in ('random_sampling', 'campaign', 'report_verification', 'reinspection', 'joint', 'expert_check', 'unannounced')`,
    ),
  ],
);

/** At least two inspectors per inspection; the kernel enforces the count, this records who. */
export const inspectionInspectors = pgTable(
  'inspection_inspectors',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: textOf<'lead' | 'member' | 'expert'>('role').notNull().default('member'),
  },
  (t) => [
    primaryKey({ name: 'inspection_inspectors_pk', columns: [t.inspectionId, t.userId] }),
    index('inspection_inspectors_user_idx').on(t.userId),
    check('inspection_inspectors_role_ck', sql`role in ('lead', 'member', 'expert')`),
  ],
);

/**
 * Double signature: inspector and the unit's representative each sign the hash
 * of the same inspection record, so a later edit of the record is detectable.
 */
export const signatures = pgTable(
  'signatures',
  {
    id: primaryId(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    signerKind: textOf<'inspector' | 'unit'>('signer_kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    signerName: text('signer_name').notNull(),
    documentHash: text('document_hash').notNull(),
    imageAttachmentId: uuid('image_attachment_id').references(() => attachments.id),
    signedAt: instant('signed_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('signatures_inspection_idx').on(t.inspectionId),
    check('signatures_kind_ck', sql`signer_kind in ('inspector', 'unit')`),
  ],
);
