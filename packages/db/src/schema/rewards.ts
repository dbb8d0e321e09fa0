import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, jsonObject, money, primaryId } from './columns';
import { jurisdictions } from './jurisdictions';
import { lifecycleColumns } from './lifecycle-columns';
import { reports } from './reports';
import { users } from './users';

/**
 * Versioned reward rules (tiers, caps, exclusions, claim window). A null
 * jurisdiction is the default set; a city's own rules override it. Published
 * versions are frozen by trigger: a reward cites the version it was computed with.
 */
export const rewardRules = pgTable(
  'reward_rules',
  {
    id: primaryId(),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    version: integer('version').notNull(),
    rules: jsonObject('rules').notNull(),
    effectiveFrom: instant('effective_from').notNull(),
    publishedAt: instant('published_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('reward_rules_version_uq').on(t.jurisdictionId, t.version).nullsNotDistinct(),
    check('reward_rules_version_ck', sql`version >= 1`),
  ],
);

/** One reward per report, whatever happens: the unique report_id is the guarantee. */
export const rewards = pgTable(
  'rewards',
  {
    ...lifecycleColumns(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    rewardRuleId: uuid('reward_rule_id').references(() => rewardRules.id),
    amountFen: money('amount_fen'),
    claimDeadline: instant('claim_deadline'),
    paidAt: instant('paid_at'),
  },
  (t) => [
    uniqueIndex('rewards_report_uq').on(t.reportId),
    index('rewards_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    check('rewards_amount_ck', sql`amount_fen is null or amount_fen >= 0`),
  ],
);

/**
 * A claim on a reward with the claimant's identity and payment details sealed.
 * Several claims may be filed (a rejected one, a retry), but at most one can be
 * accepted or paid: the partial unique index makes "paid exactly once" a
 * database fact rather than a hope about concurrent requests.
 */
export const claims = pgTable(
  'claims',
  {
    ...lifecycleColumns(),
    rewardId: uuid('reward_id')
      .notNull()
      .references(() => rewards.id),
    sealedIdentity: text('sealed_identity').notNull(),
    sealedPayment: text('sealed_payment').notNull(),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [
    uniqueIndex('claims_one_accepted_per_reward_uq').on(t.rewardId).where(sql`status in ('accepted', 'paid')`),
    index('claims_reward_idx').on(t.rewardId),
  ],
);

/** Identity disclosure (GlobaLeaks pattern): a handler asks with a reason, a custodian decides, once. */
export const disclosureRequests = pgTable(
  'disclosure_requests',
  {
    ...lifecycleColumns(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    requestedByUserId: uuid('requested_by_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    index('disclosure_requests_report_idx').on(t.reportId),
    index('disclosure_requests_status_idx').on(t.jurisdictionId, t.status),
    check('disclosure_requests_decider_ck', sql`decided_by_user_id is null or decided_by_user_id <> requested_by_user_id`),
  ],
);
