import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf, updatedAt } from './columns';

/**
 * Exceptions to the Monday-Friday week, per year as published by the State
 * Council: 'holiday' closes a weekday, 'workday' opens a weekend day (调休).
 */
export const holidayCalendar = pgTable(
  'holiday_calendar',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: textOf<'holiday' | 'workday'>('kind').notNull(),
    year: integer('year').notNull(),
    name: text('name'),
  },
  (t) => [
    index('holiday_calendar_year_idx').on(t.year),
    check('holiday_calendar_kind_ck', sql`kind in ('holiday', 'workday')`),
    check('holiday_calendar_year_ck', sql`year = extract(year from date)::int`),
  ],
);

/**
 * Legal time limits in force. One row per (entity, entity_id, kind): a new
 * deadline of the same kind replaces the old one; done_at is set when met or
 * cancelled; the overdue job scans pending rows by due_at.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: primaryId(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    dueAt: instant('due_at').notNull(),
    basis: text('basis').notNull(),
    doneAt: instant('done_at'),
    escalatedAt: instant('escalated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('deadlines_entity_kind_uq').on(t.entity, t.entityId, t.kind),
    index('deadlines_pending_due_idx').on(t.dueAt).where(sql`done_at is null`),
  ],
);
