import type { Recipient } from '@firebreak/domain';
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../database';
import { notificationDeliveries, outbox, type DeliveryChannel, type DeliveryStatus } from '../schema/outbox';
import { reports } from '../schema/reports';
import { users } from '../schema/users';

export interface OutboxRow {
  readonly id: string;
  readonly template: string;
  readonly recipient: Recipient;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Record<string, unknown> | null;
  readonly attempts: number;
  readonly createdAt: Date;
}

/** Ids of outbox rows waiting to be fanned out, oldest first. */
export async function listDueOutbox(db: Db, now: Date, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    // A row never tried is due whatever its default next_attempt_at (the database's clock, not the job's).
    .where(and(eq(outbox.status, 'pending'), or(eq(outbox.attempts, 0), lte(outbox.nextAttemptAt, now))))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Locks one pending outbox row for this transaction, skipping it when another runner holds it
 * (FOR UPDATE SKIP LOCKED), so two runners never fan the same row out at once.
 */
export async function lockPendingOutbox(tx: Db, id: string): Promise<OutboxRow | null> {
  const [row] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .for('update', { skipLocked: true });
  if (!row) return null;
  return {
    id: row.id,
    template: row.template,
    recipient: row.recipient,
    entity: row.entity,
    entityId: row.entityId,
    data: row.data ?? null,
    attempts: row.attempts,
    createdAt: row.createdAt,
  };
}

export interface NewDelivery {
  readonly channel: DeliveryChannel;
  readonly userId?: string;
  readonly reportId?: string;
}

/** The deliveries of one outbox row (idempotent per row, channel and person); in-app ones are delivered on creation. */
export async function insertDeliveries(tx: Db, outboxId: string, targets: readonly NewDelivery[], now: Date): Promise<number> {
  if (targets.length === 0) return 0;
  const inserted = await tx
    .insert(notificationDeliveries)
    .values(
      targets.map((d) => ({
        outboxId,
        channel: d.channel,
        recipientKey: d.userId ? `user:${d.userId}` : `report:${d.reportId}`,
        userId: d.userId ?? null,
        reportId: d.reportId ?? null,
        status: d.channel === 'in_app' ? ('sent' as const) : ('pending' as const),
        sentAt: d.channel === 'in_app' ? now : null,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  return inserted.length;
}

export async function outboxAttempts(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, id));
  return row?.attempts ?? 0;
}

export async function markOutboxSent(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/** A fan-out that failed: retry later, or dead after the policy's attempts. */
export async function markOutboxFailed(
  db: Db,
  id: string,
  outcome: { readonly status: 'pending' | 'dead'; readonly attempts: number; readonly nextAttemptAt?: Date },
  error: string,
): Promise<void> {
  await db
    .update(outbox)
    .set({ status: outcome.status, attempts: outcome.attempts, lastError: error.slice(0, 500), ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

export interface LeasedDelivery {
  readonly id: string;
  readonly channel: DeliveryChannel;
  readonly userId: string | null;
  readonly reportId: string | null;
  readonly attempts: number;
  readonly template: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Record<string, unknown> | null;
}

/**
 * Takes up to `limit` due deliveries of the given channels for this runner: their attempt count
 * goes up by one and their next attempt moves `leaseMs` ahead in the same statement (rows another
 * runner is taking are skipped), so the send happens outside any transaction and a runner killed
 * mid-send leaves the row to be retried once the lease runs out.
 */
export async function leaseDueDeliveries(
  db: Db,
  input: { readonly now: Date; readonly channels: readonly DeliveryChannel[]; readonly limit: number; readonly leaseMs: number },
): Promise<LeasedDelivery[]> {
  if (input.channels.length === 0) return [];
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  const channels = sql.join(
    input.channels.map((c) => sql`${c}`),
    sql`, `,
  );
  const rows = await queryRows<{
    id: string;
    channel: DeliveryChannel;
    user_id: string | null;
    report_id: string | null;
    attempts: number;
    template: string;
    entity: string;
    entity_id: string;
    data: Record<string, unknown> | null;
  }>(
    db,
    sql`with taken as (
          select d.id from notification_deliveries d
          where d.status = 'pending' and d.channel in (${channels}) and d.next_attempt_at <= ${input.now.toISOString()}::timestamptz
          order by d.next_attempt_at, d.id
          limit ${input.limit}
          for update skip locked
        )
        update notification_deliveries d
        set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        from taken, outbox o
        where d.id = taken.id and o.id = d.outbox_id
        returning d.id, d.channel, d.user_id, d.report_id, d.attempts, o.template, o.entity, o.entity_id, o.data`,
  );
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    userId: r.user_id,
    reportId: r.report_id,
    attempts: Number(r.attempts),
    template: r.template,
    entity: r.entity,
    entityId: r.entity_id,
    data: r.data,
  }));
}

/** Records the outcome of the attempt this runner leased (a stale lease, taken over by another runner, changes nothing). */
export async function settleDelivery(
  db: Db,
  input: {
    readonly id: string;
    readonly attempts: number;
    readonly outcome: { readonly status: DeliveryStatus; readonly nextAttemptAt?: Date };
    readonly now: Date;
    readonly error?: string;
  },
): Promise<boolean> {
  const { status, nextAttemptAt } = input.outcome;
  const updated = await db
    .update(notificationDeliveries)
    .set({
      status,
      lastError: input.error === undefined ? null : input.error.slice(0, 500),
      ...(status === 'sent' ? { sentAt: input.now } : {}),
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
    })
    .where(
      and(eq(notificationDeliveries.id, input.id), eq(notificationDeliveries.status, 'pending'), eq(notificationDeliveries.attempts, input.attempts)),
    )
    .returning({ id: notificationDeliveries.id });
  return updated.length === 1;
}

/** How many deliveries wait per channel (for the log line when a channel is not configured). */
export async function countPendingDeliveries(db: Db): Promise<Partial<Record<DeliveryChannel, number>>> {
  const rows = await db
    .select({ channel: notificationDeliveries.channel, n: sql<number>`count(*)::int` })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.status, 'pending'))
    .groupBy(notificationDeliveries.channel);
  return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
}

export interface DeliveryListRow {
  readonly id: string;
  readonly channel: DeliveryChannel;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date;
  readonly sentAt: Date | null;
  readonly createdAt: Date;
  readonly template: string;
  readonly entity: string;
  readonly entityId: string;
  readonly recipientKind: string;
}

/** Deliveries for the admin, newest first (no contact details: there are none stored). */
export async function listDeliveries(db: Db, input: { readonly status?: DeliveryStatus; readonly limit: number }): Promise<DeliveryListRow[]> {
  const rows = await db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      nextAttemptAt: notificationDeliveries.nextAttemptAt,
      sentAt: notificationDeliveries.sentAt,
      createdAt: notificationDeliveries.createdAt,
      template: outbox.template,
      entity: outbox.entity,
      entityId: outbox.entityId,
      userId: notificationDeliveries.userId,
    })
    .from(notificationDeliveries)
    .innerJoin(outbox, eq(outbox.id, notificationDeliveries.outboxId))
    .where(input.status ? eq(notificationDeliveries.status, input.status) : undefined)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(input.limit);
  return rows.map(({ userId, ...r }) => ({ ...r, recipientKind: userId ? 'staff' : 'reporter' }));
}

/** Puts a dead delivery back in the queue (admin action after fixing a channel). */
export async function requeueDelivery(db: Db, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(notificationDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'dead')))
    .returning({ id: notificationDeliveries.id });
  return updated.length === 1;
}

export interface InAppRow {
  readonly id: string;
  readonly template: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Record<string, unknown> | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/** In-app notifications of one account ("my work") or of one report (the reporter, by receipt). */
export async function listInApp(db: Db, who: { readonly userId: string } | { readonly reportId: string }, limit = 100): Promise<InAppRow[]> {
  return db
    .select({
      id: notificationDeliveries.id,
      template: outbox.template,
      entity: outbox.entity,
      entityId: outbox.entityId,
      data: outbox.data,
      createdAt: notificationDeliveries.createdAt,
      readAt: notificationDeliveries.readAt,
    })
    .from(notificationDeliveries)
    .innerJoin(outbox, eq(outbox.id, notificationDeliveries.outboxId))
    .where(
      and(
        eq(notificationDeliveries.channel, 'in_app'),
        'userId' in who ? eq(notificationDeliveries.userId, who.userId) : eq(notificationDeliveries.reportId, who.reportId),
      ),
    )
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(limit);
}

export async function markInAppRead(db: Db, userId: string, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const updated = await db
    .update(notificationDeliveries)
    .set({ readAt: now })
    .where(
      and(
        inArray(notificationDeliveries.id, [...ids]),
        eq(notificationDeliveries.userId, userId),
        eq(notificationDeliveries.channel, 'in_app'),
        isNull(notificationDeliveries.readAt),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  return updated.length;
}

/** Active accounts of a role whose jurisdiction is one of `jurisdictionIds`. */
export async function activeUsersWithRole(db: Db, role: string, jurisdictionIds: readonly string[]): Promise<{ id: string; jurisdictionId: string | null }[]> {
  if (jurisdictionIds.length === 0) return [];
  return db
    .select({ id: users.id, jurisdictionId: users.jurisdictionId })
    .from(users)
    .where(and(eq(users.role, role as never), inArray(users.jurisdictionId, [...jurisdictionIds]), eq(users.disabled, false)));
}

export async function activeUsersOfDepartment(db: Db, departmentId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.departmentId, departmentId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

export async function activeUnitUsers(db: Db, venueId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.venueId, venueId), eq(users.role, 'unit'), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

export async function activeUserExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row !== undefined;
}

/**
 * What the delivery job needs to reach a reporter: the channel they filed through and their
 * sealed identity (opened only inside the job, to send; never returned to a handler).
 */
export async function reporterReach(db: Db, reportId: string): Promise<{ channel: string; sealedIdentity: string | null; apiKeyId: string | null } | null> {
  const [row] = await db
    .select({ channel: reports.channel, sealedIdentity: reports.sealedIdentity, apiKeyId: reports.apiKeyId })
    .from(reports)
    .where(eq(reports.id, reportId));
  return row ?? null;
}
