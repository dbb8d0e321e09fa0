import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { lifecycleColumns } from './lifecycle-columns';

/**
 * The yearly public list of rewards paid (年度奖励公示), one per jurisdiction and
 * year: a draft the reward officer prepares (and may prepare again), then the
 * published list. The masked entries live in `state`; once `published_at` is set
 * the row is frozen by the same trigger as published standards and reward rules.
 */
export const rewardLists = pgTable(
  'reward_lists',
  {
    ...lifecycleColumns(),
    year: integer('year').notNull(),
    publishedAt: instant('published_at'),
  },
  (t) => [
    uniqueIndex('reward_lists_jurisdiction_year_uq').on(t.jurisdictionId, t.year),
    index('reward_lists_year_idx').on(t.year, t.status),
    check('reward_lists_year_ck', sql`year between 2000 and 2999`),
  ],
);
