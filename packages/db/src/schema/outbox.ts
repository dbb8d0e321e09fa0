import type { Recipient } from '@firebreak/domain';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, textOf } from './columns';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Notifications written in the same transaction as the state change that caused
 * them, delivered later by a job: a rolled-back transition never notifies, a
 * committed one always eventually does.
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
    check('outbox_status_ck', sql`status in ('pending', 'sent', 'failed')`),
  ],
);
