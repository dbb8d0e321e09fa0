import { sql } from 'drizzle-orm';
import { check, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { createdAt, instant, jsonObject, primaryId, textOf } from './columns';
import { jurisdictions } from './jurisdictions';
import { users } from './users';

/**
 * A 双随机 draw. `inputs` holds everything needed to replay it (population ids,
 * rates, the public seed); `output` what it selected. Publishing freezes the row
 * (trigger in the custom migration) so the public can re-run and compare.
 */
export const draws = pgTable(
  'draws',
  {
    id: primaryId(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    kind: textOf<'units' | 'inspectors'>('kind').notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    inputs: jsonObject('inputs').notNull(),
    output: jsonObject('output').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    publishedAt: instant('published_at'),
  },
  (t) => [
    index('draws_jurisdiction_idx').on(t.jurisdictionId, t.createdAt),
    check('draws_kind_ck', sql`kind in ('units', 'inspectors')`),
  ],
);
