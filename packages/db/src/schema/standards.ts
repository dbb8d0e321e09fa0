import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf, updatedAt } from './columns';
import { users } from './users';

/**
 * Remediation standards (整治标准), one versioned checklist per venue category.
 * Once published a version is frozen (a trigger in the custom migration refuses
 * changes to it and to its check items): inspections cite it, so it must not move.
 * Corrections are a new version.
 */
export const standards = pgTable(
  'standards',
  {
    id: primaryId(),
    code: text('code').notNull(),
    venueCategory: text('venue_category').notNull(),
    version: integer('version').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    published: boolean('published').notNull().default(false),
    publishedAt: instant('published_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('standards_code_version_uq').on(t.code, t.version),
    index('standards_category_idx').on(t.venueCategory, t.published),
    check('standards_published_ck', sql`published = (published_at is not null)`),
    check('standards_version_ck', sql`version >= 1`),
  ],
);

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const checkItems = pgTable(
  'check_items',
  {
    id: primaryId(),
    standardId: uuid('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull(),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en'),
    /** One of the "9+4" risk category codes. */
    riskCategory: text('risk_category').notNull(),
    defaultSeverity: textOf<Severity>('default_severity').notNull().default('general'),
    legalBasis: text('legal_basis'),
    defaultDeadlineDays: integer('default_deadline_days'),
    /** GB 35181 element this item evidences (e.g. '6.3', '7.3.2'), when any. */
    gbElement: text('gb_element'),
  },
  (t) => [
    unique('check_items_standard_code_uq').on(t.standardId, t.code),
    index('check_items_standard_idx').on(t.standardId, t.ordinal),
    check('check_items_severity_ck', sql`default_severity in ('general', 'major')`),
  ],
);
