import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, jsonObject, primaryId, textOf, updatedAt, version } from './columns';
import { jurisdictions } from './jurisdictions';

/**
 * A venue (场所/社会单位). `categories` holds venue-category codes from the
 * catalog (a venue may be several at once: 多合一); `flags` holds designations
 * such as key_unit, high_risk, crowded, nine_small. `public_token` is the
 * unguessable id printed in the QR code that leads to the venue's public page.
 */
export const venues = pgTable(
  'venues',
  {
    id: primaryId(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    /** Floor area, seats, beds ...: what the 九小场所 thresholds are checked against. */
    attributes: jsonObject('attributes').notNull().default({}),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** 统一社会信用代码: one unit may run several venues, so not unique. */
    creditCode: text('credit_code'),
    publicToken: text('public_token').notNull(),
    status: textOf<'active' | 'suspended' | 'closed'>('status').notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('venues_public_token_uq').on(t.publicToken),
    index('venues_jurisdiction_idx').on(t.jurisdictionId),
    index('venues_credit_code_idx').on(t.creditCode),
    index('venues_categories_idx').using('gin', t.categories),
    check('venues_status_ck', sql`status in ('active', 'suspended', 'closed')`),
  ],
);

export const RESPONSIBLE_ROLES = ['responsible', 'manager'] as const; // 消防安全责任人 / 消防安全管理人
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

/**
 * Names are published at the venue (两公开); phone numbers are not, so they are
 * sealed. History is kept: a replaced person gets ended_at, and at most one
 * current person per role is enforced by a partial unique index.
 */
export const responsiblePersons = pgTable(
  'responsible_persons',
  {
    id: primaryId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    role: textOf<ResponsibleRole>('role').notNull(),
    name: text('name').notNull(),
    phoneSealed: text('phone_sealed'),
    duties: text('duties'),
    since: date('since', { mode: 'string' }),
    endedAt: instant('ended_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('responsible_persons_current_uq').on(t.venueId, t.role).where(sql`ended_at is null`),
    check('responsible_persons_role_ck', sql`role in ('responsible', 'manager')`),
  ],
);

export const COMMITMENT_KINDS = ['no_prominent_risk', 'measures_in_place'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** 一承诺: the unit commits that no prominent risk exists, or that measures are in place. */
export const commitments = pgTable(
  'commitments',
  {
    id: primaryId(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    kind: textOf<CommitmentKind>('kind').notNull(),
    /** Risk categories covered and the measures declared for each. */
    content: jsonObject('content').notNull(),
    signedByName: text('signed_by_name').notNull(),
    signedByUserId: uuid('signed_by_user_id'),
    signedAt: instant('signed_at').notNull(),
    validUntil: instant('valid_until'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('commitments_venue_idx').on(t.venueId, t.signedAt),
    check('commitments_kind_ck', sql`kind in ('no_prominent_risk', 'measures_in_place')`),
  ],
);
