import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { createdAt, instant, jsonObject, primaryId, textOf } from './columns';
import { jurisdictions } from './jurisdictions';
import { users } from './users';

/**
 * A 双随机 draw. `inputs` holds everything needed to replay it (population ids,
 * rates, the public seed); `output` what it selected. Publishing freezes the row
 * (trigger in the custom migration) so the public can re-run and compare.
 * A committed draw (fb-draw-2) is inserted with its `commitment` (public from then on) and
 * no output; the run adds the random values to `inputs`, the `output` and `drawn_at`.
 * `server_seed` is secret until the run reveals it into `inputs`; the commitment,
 * once written, never changes (trigger in 0005).
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
    output: jsonObject('output'),
    commitment: jsonObject('commitment'),
    committedAt: instant('committed_at'),
    serverSeed: text('server_seed'),
    drawnAt: instant('drawn_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    publishedAt: instant('published_at'),
  },
  (t) => [
    index('draws_jurisdiction_idx').on(t.jurisdictionId, t.createdAt),
    check('draws_kind_ck', sql`kind in ('units', 'inspectors')`),
    check('draws_committed_ck', sql`(commitment is null) = (committed_at is null)`),
    check('draws_published_drawn_ck', sql`published_at is null or output is not null`),
  ],
);
