import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf } from './columns';
import { lifecycleColumns } from './lifecycle-columns';
import { apiKeys, users } from './users';
import { venues } from './venues';

export const REPORT_CHANNELS = ['web', 'wechat', 'hotline_12345', 'hotline_96119', 'open311', 'grid', 'whistleblower'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/**
 * A public report (举报). The receipt is never stored, only its keyed lookup
 * hash (see receiptLookupHash); a real-name reporter's identity is sealed and
 * can only be opened through the disclosure workflow.
 */
export const reports = pgTable(
  'reports',
  {
    ...lifecycleColumns(),
    receiptHash: text('receipt_hash').notNull(),
    channel: textOf<ReportChannel>('channel').notNull(),
    riskCategory: text('risk_category'),
    venueId: uuid('venue_id').references(() => venues.id),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    anonymous: boolean('anonymous').notNull().default(true),
    whistleblower: boolean('whistleblower').notNull().default(false),
    sealedIdentity: text('sealed_identity'),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => reports.id),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [
    uniqueIndex('reports_receipt_hash_uq').on(t.receiptHash),
    index('reports_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('reports_venue_idx').on(t.venueId),
    index('reports_submitted_idx').on(t.submittedAt),
    check(
      'reports_channel_ck',
      sql`channel in ('web', 'wechat', 'hotline_12345', 'hotline_96119', 'open311', 'grid', 'whistleblower')`,
    ),
    check('reports_identity_ck', sql`not anonymous or sealed_identity is null`),
  ],
);

/**
 * Uploaded evidence. The original (with EXIF location and device data that may
 * identify a reporter) is kept under a sealed storage key; `display_key` points to
 * the stripped copy that handlers and the public see. An upload may exist before
 * the entity it belongs to (entity and entity_id both null until attached).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: primaryId(),
    entity: text('entity'),
    entityId: text('entity_id'),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    sealedOriginalKey: text('sealed_original_key').notNull(),
    displayKey: text('display_key'),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_entity_idx').on(t.entity, t.entityId),
    index('attachments_sha256_idx').on(t.sha256),
    check('attachments_entity_ck', sql`(entity is null) = (entity_id is null)`),
    check('attachments_size_ck', sql`size_bytes >= 0`),
  ],
);

/** The two-way channel between an anonymous reporter (through the receipt) and handlers. */
export const messages = pgTable(
  'messages',
  {
    id: primaryId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    direction: textOf<'public' | 'handler'>('direction').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_report_idx').on(t.reportId, t.createdAt),
    check('messages_direction_ck', sql`direction in ('public', 'handler')`),
    check('messages_author_ck', sql`direction = 'public' or author_user_id is not null`),
  ],
);
