import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/**
 * The batches the sealer has closed, chained: each holds the RFC 6962 Merkle
 * root of its entries and hash = sha256(prev_hash || canonical JSON of id,
 * size, root, sealed_at). Ids are contiguous from 1 (one sealer at a time).
 * Append-only (trigger in migration 0003).
 */
export const auditBatches = pgTable('audit_batches', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  size: integer('size').notNull(),
  root: text('root').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: instant('sealed_at').notNull(),
});

/**
 * The append-only audit log. A business transaction inserts an entry unsealed
 * (batch_id null) with hash = sha256 of its canonical content, taking no lock
 * other writers wait on; the sealer (runSealer) later puts committed entries
 * into a batch, setting batch_id and leaf_index once. A trigger refuses every
 * other UPDATE, and DELETE and TRUNCATE (docs/adr/0003-audit-sealing.md).
 *
 * seq is an identity: unique and increasing in insert order, not contiguous
 * (a rolled-back transaction leaves a gap), and not the seal order.
 * prev_hash is set only on entries written before sealing existed: those keep
 * their old one-row-at-a-time chain, which batch 1 continues.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: instant('at').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: text('actor_user_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    actorDepartmentId: text('actor_department_id'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
    /** When the row was written (the database's clock; `at` is the actor's). Sealed into the leaf. */
    recordedAt: instant('recorded_at').notNull().defaultNow(),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => auditBatches.id),
    leafIndex: integer('leaf_index'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.seq),
    index('audit_log_actor_idx').on(t.actorUserId, t.seq),
    uniqueIndex('audit_log_leaf_uq').on(t.batchId, t.leafIndex),
    // The sealer's queue: small, because sealed and legacy rows leave it.
    index('audit_log_unsealed_idx').on(t.seq).where(sql`batch_id is null and prev_hash is null`),
  ],
);
