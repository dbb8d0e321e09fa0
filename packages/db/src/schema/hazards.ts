import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditLog } from './audit';
import { instant, primaryId, textOf } from './columns';
import { inspections } from './inspections';
import { lifecycleColumns } from './lifecycle-columns';
import { reports } from './reports';
import { checkItems, type Severity } from './standards';
import { venues } from './venues';

export const HAZARD_SOURCES = ['report', 'inspection', 'self_inspection', 'grid_patrol', 'expert_check', 'referral'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const hazards = pgTable(
  'hazards',
  {
    ...lifecycleColumns(),
    venueId: uuid('venue_id').references(() => venues.id),
    reportId: uuid('report_id').references(() => reports.id),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    checkItemId: uuid('check_item_id').references(() => checkItems.id),
    riskCategory: text('risk_category').notNull(),
    severity: textOf<Severity>('severity').notNull().default('general'),
    source: textOf<HazardSource>('source').notNull(),
    /** Current correction deadline; mirrored into `deadlines` for the overdue job. */
    dueAt: instant('due_at'),
    closedAt: instant('closed_at'),
  },
  (t) => [
    index('hazards_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('hazards_venue_idx').on(t.venueId),
    index('hazards_report_idx').on(t.reportId),
    index('hazards_inspection_idx').on(t.inspectionId),
    index('hazards_due_idx').on(t.status, t.dueAt),
    check('hazards_severity_ck', sql`severity in ('general', 'major')`),
    check(
      'hazards_source_ck',
      sql`source in ('report', 'inspection', 'self_inspection', 'grid_patrol', 'expert_check', 'referral')`,
    ),
  ],
);

/**
 * The hazard ledger (整改一个、销号一个): one row per transition with the named
 * person, role and department, written by applyEffects from the same audit
 * effect that goes into audit_log (audit_seq links the two). Append-only.
 */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: primaryId(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    auditSeq: bigint('audit_seq', { mode: 'number' })
      .notNull()
      .references(() => auditLog.seq),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: text('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorDepartmentId: text('actor_department_id'),
    at: instant('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.at), uniqueIndex('hazard_events_audit_uq').on(t.auditSeq)],
);
