import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, primaryId, textOf } from './columns';
import { campaigns } from './campaigns';
import { departments, jurisdictions } from './jurisdictions';
import { users } from './users';

/**
 * An issued cadence report of a campaign (weekly analysis, semi-monthly summary, monthly
 * dispatch, quarterly report): the sections as the officer issued them, the figures they were
 * built from. Append-only (migration 0005): an issued report is a record, never edited.
 */
export const campaignReports = pgTable(
  'campaign_reports',
  {
    id: primaryId(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: textOf<'weekly_analysis' | 'semimonthly_summary' | 'monthly_dispatch' | 'quarterly_report'>('kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** Per campaign and kind: 第N期. */
    sequence: integer('sequence').notNull(),
    issueNumber: text('issue_number').notNull(),
    title: text('title').notNull(),
    sections: jsonb('sections').notNull().$type<unknown[]>(),
    figures: jsonb('figures').notNull().$type<Record<string, unknown>>(),
    issuedById: uuid('issued_by_id')
      .notNull()
      .references(() => users.id),
    issuedByName: text('issued_by_name').notNull(),
    issuedByRole: text('issued_by_role').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    issuedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('campaign_reports_period_uq').on(t.campaignId, t.kind, t.periodFrom),
    uniqueIndex('campaign_reports_sequence_uq').on(t.campaignId, t.kind, t.sequence),
    index('campaign_reports_campaign_idx').on(t.campaignId, t.issuedAt),
    check('campaign_reports_kind_ck', sql`kind in ('weekly_analysis', 'semimonthly_summary', 'monthly_dispatch', 'quarterly_report')`),
    check('campaign_reports_period_ck', sql`period_to >= period_from`),
  ],
);
