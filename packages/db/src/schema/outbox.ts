import type { Recipient } from '@firebreak/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf } from './columns';
import { reports } from './reports';
import { users } from './users';

/** pending: not yet resolved to recipients; sent: fanned out into deliveries; dead: fan-out kept failing. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Notifications written in the same transaction as the state change that caused
 * them, delivered later by a job: a rolled-back transition never notifies, a
 * committed one always eventually does. The outbox job resolves each row's
 * recipient to people and channels (notification_deliveries) and marks it sent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: primaryId(),
    template: text('template').notNull(),
    recipient: jsonb('recipient').$type<Recipient>().notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    status: textOf<OutboxStatus>('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_entity_idx').on(t.entity, t.entityId),
    check('outbox_status_ck', sql`status in ('pending', 'sent', 'dead')`),
  ],
);

export const DELIVERY_CHANNELS = ['in_app', 'email', 'sms', 'hotline'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One notification to one person over one channel. A staff or unit account is addressed by
 * user_id; a reporter only by report_id (in-app on the receipt's tracking page; SMS or email to
 * the contact they left, which is opened from the sealed identity by the sending job and stored
 * nowhere else; the hotline callback to the integrator that filed it). No address is ever kept
 * here. in_app is delivered on creation; the others go pending → sent, or back to pending with
 * a later next_attempt_at after a failure, then dead after the policy's attempts (shown to admins).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: primaryId(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => outbox.id),
    channel: textOf<DeliveryChannel>('channel').notNull(),
    /** 'user:<id>' or 'report:<id>': one delivery per outbox row, channel and person. */
    recipientKey: text('recipient_key').notNull(),
    userId: uuid('user_id').references(() => users.id),
    reportId: uuid('report_id').references(() => reports.id),
    status: textOf<DeliveryStatus>('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('notification_deliveries_once_uq').on(t.outboxId, t.channel, t.recipientKey),
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('notification_deliveries_user_idx').on(t.userId, t.createdAt).where(sql`channel = 'in_app'`),
    index('notification_deliveries_report_idx').on(t.reportId, t.createdAt).where(sql`channel = 'in_app'`),
    index('notification_deliveries_dead_idx').on(t.createdAt).where(sql`status = 'dead'`),
    check('notification_deliveries_channel_ck', sql`channel in ('in_app', 'email', 'sms', 'hotline')`),
    check('notification_deliveries_status_ck', sql`status in ('pending', 'sent', 'dead')`),
    check('notification_deliveries_target_ck', sql`(user_id is null) <> (report_id is null)`),
  ],
);
