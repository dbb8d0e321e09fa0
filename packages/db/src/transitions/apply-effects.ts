import type { Effect } from '@firebreak/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import type { Db } from '../database';
import { deadlines } from '../schema/calendar';
import { hazardEvents } from '../schema/hazards';
import { outbox } from '../schema/outbox';

export interface ApplyEffectsOptions {
  /** When cancelled deadlines are marked done (default: the database's transaction time). */
  readonly now?: Date;
}

export interface AppliedEffects {
  readonly auditSeqs: readonly number[];
  readonly deadlinesSet: number;
  readonly deadlinesCancelled: number;
  readonly notifications: number;
}

/**
 * Persists what a kernel transition asked for, in order, atomically: audit
 * effects go to the hash-chained audit_log (and, for hazards, to the ledger in
 * hazard_events), deadlines are upserted per (entity, id, kind), cancelled
 * deadlines are marked done, notifications are queued in the outbox.
 */
export async function applyEffects(db: Db, effects: readonly Effect[], options: ApplyEffectsOptions = {}): Promise<AppliedEffects> {
  if (effects.length === 0) return { auditSeqs: [], deadlinesSet: 0, deadlinesCancelled: 0, notifications: 0 };
  return db.transaction((tx) => applyEffectsInTransaction(tx, effects, options));
}

/**
 * applyEffects for a caller already inside a transaction whose failure it
 * lets propagate (insertEntity, saveTransition): a savepoint of its own would
 * only add two round trips, as the caller's transaction is the atomic unit.
 */
export async function applyEffectsInTransaction(tx: Db, effects: readonly Effect[], options: ApplyEffectsOptions = {}): Promise<AppliedEffects> {
  const auditSeqs: number[] = [];
  let deadlinesSet = 0;
  let deadlinesCancelled = 0;
  let notifications = 0;
  const now = options.now ?? sql`now()`;
  for (const effect of effects) {
    switch (effect.type) {
      case 'audit': {
        const record = await appendAudit(tx, {
          entity: effect.entity,
          entityId: effect.entityId,
          action: effect.action,
          from: effect.from,
          to: effect.to,
          by: effect.by,
          ...(effect.data ? { data: effect.data } : {}),
        });
        auditSeqs.push(record.seq);
        if (effect.entity === 'hazard') {
          await tx.insert(hazardEvents).values({
            hazardId: effect.entityId,
            auditSeq: record.seq,
            action: record.action,
            fromStatus: record.fromStatus,
            toStatus: effect.to,
            actorUserId: record.actorUserId,
            actorName: record.actorName,
            actorRole: record.actorRole,
            actorDepartmentId: record.actorDepartmentId,
            at: record.at,
            data: record.data,
          });
        }
        break;
      }
      case 'deadline': {
        const dueAt = new Date(effect.due);
        if (Number.isNaN(dueAt.getTime())) throw new Error(`applyEffects: invalid due instant ${effect.due}`);
        await tx
          .insert(deadlines)
          .values({ entity: effect.entity, entityId: effect.entityId, kind: effect.kind, dueAt, basis: effect.basis })
          .onConflictDoUpdate({
            target: [deadlines.entity, deadlines.entityId, deadlines.kind],
            set: { dueAt, basis: effect.basis, doneAt: null, escalatedAt: null, updatedAt: now },
          });
        deadlinesSet++;
        break;
      }
      case 'cancelDeadline': {
        const done = await tx
          .update(deadlines)
          .set({ doneAt: now, updatedAt: now })
          .where(
            and(
              eq(deadlines.entity, effect.entity),
              eq(deadlines.entityId, effect.entityId),
              eq(deadlines.kind, effect.kind),
              isNull(deadlines.doneAt),
            ),
          )
          .returning({ id: deadlines.id });
        deadlinesCancelled += done.length;
        break;
      }
      case 'notify': {
        await tx.insert(outbox).values({
          template: effect.template,
          recipient: effect.to,
          entity: effect.entity,
          entityId: effect.entityId,
          data: effect.data ? (JSON.parse(JSON.stringify(effect.data)) as Record<string, unknown>) : null,
        });
        notifications++;
        break;
      }
      default: {
        // A new effect kind in the kernel must be persisted somewhere: fail the build, not silently drop it.
        const unknown: never = effect;
        throw new Error(`applyEffects: unknown effect ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { auditSeqs, deadlinesSet, deadlinesCancelled, notifications };
}
