import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { hazards } from './hazards';
import { departments, jurisdictions } from './jurisdictions';
import { users } from './users';
import { venues } from './venues';

/**
 * A GB 35181 major-hazard determination (重大火灾隐患判定) as it was decided: the
 * rule-table version, the elements and exclusions put to it, the kernel's result
 * (with any expert override beside what the counting rules said), and the
 * collective or expert-group decision that made it. Kept as evidence: the hazard
 * points at it from `state.major.determinationId`, and a later determination is a
 * new row, never an edit of this one.
 */
export const determinations = pgTable(
  'determinations',
  {
    id: primaryId(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    venueId: uuid('venue_id').references(() => venues.id),
    /** GB 35181 edition of the rule table used, e.g. '2017'. */
    ruleVersion: text('rule_version').notNull(),
    major: boolean('major').notNull(),
    /** What the counting rules said before any expert override. */
    computedMajor: boolean('computed_major').notNull(),
    /** 'excluded', 'direct', 'none' or the combination id that decided. */
    decidedByRule: text('decided_by_rule').notNull(),
    /** Venue classes, elements and exclusions as submitted. */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    /** The kernel's MajorHazardDetermination. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    /** The collective decision (kind, participants, votes) and its quorum check. */
    decision: jsonb('decision').$type<Record<string, unknown>>().notNull(),
    withExperts: boolean('with_experts').notNull().default(false),
    determinedByUserId: uuid('determined_by_user_id')
      .notNull()
      .references(() => users.id),
    determinedByName: text('determined_by_name').notNull(),
    determinedByRole: text('determined_by_role').notNull(),
    determinedByDepartmentId: uuid('determined_by_department_id').references(() => departments.id),
    determinedAt: instant('determined_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('determinations_hazard_idx').on(t.hazardId, t.determinedAt), index('determinations_jurisdiction_idx').on(t.jurisdictionId)],
);
