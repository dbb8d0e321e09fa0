import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, instant, jsonObject, primaryId, textOf, updatedAt, version } from './columns';
import { departments, jurisdictions } from './jurisdictions';
import { lifecycleColumns } from './lifecycle-columns';

/** A special campaign (专项行动) dispatched by a jurisdiction. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: primaryId(),
    name: text('name').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    leadDepartmentId: uuid('lead_department_id').references(() => departments.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    status: textOf<'planned' | 'active' | 'closed'>('status').notNull().default('planned'),
    /** Cadence and reporting settings (weekly analysis, monthly bulletin ...). */
    plan: jsonObject('plan').notNull().default({}),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('campaigns_jurisdiction_idx').on(t.jurisdictionId, t.status),
    check('campaigns_status_ck', sql`status in ('planned', 'active', 'closed')`),
  ],
);

/** The task list as a tree: 7 major items → 22 sub-items → 91 sub-sub-items in one city. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    ...lifecycleColumns(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => campaignTasks.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull().default(0),
    title: text('title').notNull(),
    leadDepartmentId: uuid('lead_department_id').references(() => departments.id),
    dueAt: instant('due_at'),
  },
  (t) => [
    index('campaign_tasks_campaign_idx').on(t.campaignId, t.parentId, t.ordinal),
    index('campaign_tasks_department_idx').on(t.leadDepartmentId, t.status),
  ],
);
