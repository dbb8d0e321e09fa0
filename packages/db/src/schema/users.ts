import type { Role } from '@firebreak/domain';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf, updatedAt } from './columns';
import { departments, jurisdictions } from './jurisdictions';
import { venues } from './venues';

/**
 * Staff and unit accounts. Staff see only their jurisdiction subtree
 * (`jurisdiction_id` is its root) within their department; unit accounts act for
 * one venue. Public reporters have no account: they hold a receipt.
 */
export const users = pgTable(
  'users',
  {
    id: primaryId(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: textOf<Role>('role').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    venueId: uuid('venue_id').references(() => venues.id),
    /** Argon2id (PHC string). */
    passwordHash: text('password_hash').notNull(),
    phoneSealed: text('phone_sealed'),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: instant('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    index('users_department_idx').on(t.departmentId),
    index('users_jurisdiction_idx').on(t.jurisdictionId),
    index('users_venue_idx').on(t.venueId),
    check(
      'users_staff_scope_ck',
      sql`role in ('public', 'whistleblower', 'unit') or (department_id is not null and jurisdiction_id is not null)`,
    ),
    check('users_unit_venue_ck', sql`role <> 'unit' or venue_id is not null`),
  ],
);

/** Only a hash of the session token is stored, so a database leak yields no live sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: primaryId(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/** Open311 integrators (12345 / 96119 hotlines, third-party apps). */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: primaryId(),
    keyHash: text('key_hash').notNull(),
    name: text('name').notNull(),
    /** Reports filed with this key land in this jurisdiction unless located more precisely. */
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    active: boolean('active').notNull().default(true),
    lastUsedAt: instant('last_used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_key_hash_uq').on(t.keyHash)],
);
