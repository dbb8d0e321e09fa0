import type { Effect, PendingDeadline } from '@firebreak/domain';
import { and, asc, eq, inArray, isNotNull, isNull, lt, notLike, sql } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { Db } from '../database';
import { deadlines } from '../schema/calendar';
import { attachments, reports } from '../schema/reports';
import { auditLog } from '../schema/audit';
import { claims } from '../schema/rewards';
import { applyEffects } from '../transitions/apply-effects';
import { LIFECYCLE_TABLES, type LifecycleEntity } from '../transitions/lifecycle-tables';
import type { hazards } from '../schema/hazards';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Clocks that have run out and that no one (and no earlier run) has acted on yet: not done, not
 * escalated, due before `now`. Oldest first; each with its subject's jurisdiction.
 */
export async function listLapsedDeadlines(db: Db, now: Date, limit = 200): Promise<PendingDeadline[]> {
  const rows = await db
    .select()
    .from(deadlines)
    .where(and(isNull(deadlines.doneAt), isNull(deadlines.escalatedAt), lt(deadlines.dueAt, now)))
    .orderBy(asc(deadlines.dueAt), asc(deadlines.id))
    .limit(limit);
  const byEntity = new Map<LifecycleEntity, string[]>();
  for (const r of rows) {
    if (!(r.entity in LIFECYCLE_TABLES) || !UUID.test(r.entityId)) continue;
    const e = r.entity as LifecycleEntity;
    byEntity.set(e, [...(byEntity.get(e) ?? []), r.entityId]);
  }
  const jurisdictionOf = new Map<string, string>();
  for (const [entity, ids] of byEntity) {
    // Every lifecycle table has the same shared columns (lifecycleColumns()).
    const t = LIFECYCLE_TABLES[entity] as unknown as typeof hazards;
    const found = await db.select({ id: t.id, jurisdictionId: t.jurisdictionId }).from(t).where(inArray(t.id, ids));
    for (const f of found) jurisdictionOf.set(`${entity}:${f.id}`, f.jurisdictionId);
  }
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entityId,
    kind: r.kind,
    dueAt: r.dueAt.toISOString(),
    basis: r.basis,
    jurisdictionId: jurisdictionOf.get(`${r.entity}:${r.entityId}`) ?? null,
  }));
}

/**
 * Marks one clock escalated, only if it still is pending and unescalated: the guard that makes a
 * re-run (or a second runner) change nothing twice. Returns whether this call marked it.
 */
export async function markDeadlineEscalated(db: Db, deadlineId: string, now: Date): Promise<boolean> {
  const marked = await db
    .update(deadlines)
    .set({ escalatedAt: now, updatedAt: now })
    .where(and(eq(deadlines.id, deadlineId), isNull(deadlines.escalatedAt), isNull(deadlines.doneAt)))
    .returning({ id: deadlines.id });
  return marked.length === 1;
}

/**
 * A lapsed clock with no lifecycle state to move to: in one transaction mark it escalated
 * (conditionally), append the system actor's audit line and queue the notifications. Returns
 * false, writing nothing, when another run got there first.
 */
export async function raiseLapsedDeadline(
  db: Db,
  input: { readonly deadlineId: string; readonly now: Date; readonly audit: AuditEntry; readonly notify: readonly Effect[] },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await markDeadlineEscalated(tx, input.deadlineId, input.now))) return false;
    await appendAudit(tx, input.audit);
    await applyEffects(tx, input.notify, { now: input.now });
    return true;
  });
}

export interface RetentionRow {
  readonly reportId: string;
  readonly status: string;
  readonly finishedAt: string;
  readonly hasSealedMaterial: boolean;
  /** Storage keys of the sealed originals still held (removed by the job before the rows are marked). */
  readonly originalKeys: readonly string[];
}

const PURGED_PREFIX = 'purged:';

/**
 * Whistleblower reports in a final status, last changed before `before`, that still hold sealed
 * material (the identity, or attachment originals not yet purged).
 */
export async function listRetentionCandidates(
  db: Db,
  input: { readonly before: Date; readonly finalStatuses: readonly string[]; readonly limit: number },
): Promise<RetentionRow[]> {
  const candidates = await db
    .select({ id: reports.id, status: reports.status, updatedAt: reports.updatedAt, sealedIdentity: reports.sealedIdentity })
    .from(reports)
    .where(and(eq(reports.whistleblower, true), inArray(reports.status, [...input.finalStatuses]), lt(reports.updatedAt, input.before)))
    .orderBy(asc(reports.updatedAt))
    .limit(input.limit);
  const out: RetentionRow[] = [];
  for (const c of candidates) {
    const originals = await db
      .select({ key: attachments.sealedOriginalKey })
      .from(attachments)
      .where(and(eq(attachments.entity, 'report'), eq(attachments.entityId, c.id), notLike(attachments.sealedOriginalKey, `${PURGED_PREFIX}%`)));
    const keys = originals.map((o) => o.key);
    if (c.sealedIdentity === null && keys.length === 0) continue;
    out.push({ reportId: c.id, status: c.status, finishedAt: c.updatedAt.toISOString(), hasSealedMaterial: true, originalKeys: keys });
  }
  return out;
}

/**
 * Purges a whistleblower report's sealed material: the sealed identity is cleared and each
 * attachment's original key is marked purged (the job removed the objects first), with the
 * system actor's audit line, in one transaction. The report row and its statistics stay.
 * Returns false, writing nothing, when there was nothing left (an earlier run did it).
 */
export async function purgeSealedReportMaterial(db: Db, input: { readonly reportId: string; readonly audit: AuditEntry }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const identity = await tx
      .update(reports)
      .set({ sealedIdentity: null })
      .where(and(eq(reports.id, input.reportId), eq(reports.whistleblower, true), isNotNull(reports.sealedIdentity)))
      .returning({ id: reports.id });
    const files = await tx
      .update(attachments)
      .set({ sealedOriginalKey: sql`${PURGED_PREFIX} || ${attachments.id}::text` })
      .where(and(eq(attachments.entity, 'report'), eq(attachments.entityId, input.reportId), notLike(attachments.sealedOriginalKey, `${PURGED_PREFIX}%`)))
      .returning({ id: attachments.id });
    if (identity.length === 0 && files.length === 0) return false;
    await appendAudit(tx, { ...input.audit, data: { ...(input.audit.data ?? {}), identity: identity.length === 1, attachments: files.length } });
    return true;
  });
}

/** Reward claims in a final status, last changed before `before`, whose sealed envelopes are not purged yet. */
export async function listClaimRetentionCandidates(
  db: Db,
  input: { readonly before: Date; readonly finalStatuses: readonly string[]; readonly limit: number },
): Promise<{ claimId: string; status: string; finishedAt: string; jurisdictionId: string }[]> {
  const rows = await db
    .select({ id: claims.id, status: claims.status, updatedAt: claims.updatedAt, jurisdictionId: claims.jurisdictionId })
    .from(claims)
    .where(and(inArray(claims.status, [...input.finalStatuses]), lt(claims.updatedAt, input.before), notLike(claims.sealedIdentity, `${PURGED_PREFIX}%`)))
    .orderBy(asc(claims.updatedAt))
    .limit(input.limit);
  return rows.map((r) => ({ claimId: r.id, status: r.status, finishedAt: r.updatedAt.toISOString(), jurisdictionId: r.jurisdictionId }));
}

/**
 * Purges a claim's sealed identity and payment details (replaced by a purge marker; the columns
 * are required), with the system actor's audit line, in one transaction. The claim row, its
 * status and dates stay. False, writing nothing, when an earlier run did it.
 */
export async function purgeClaimEnvelopes(db: Db, input: { readonly claimId: string; readonly audit: AuditEntry }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const marker = sql`${PURGED_PREFIX} || ${claims.id}::text`;
    const done = await tx
      .update(claims)
      .set({ sealedIdentity: marker, sealedPayment: marker })
      .where(and(eq(claims.id, input.claimId), notLike(claims.sealedIdentity, `${PURGED_PREFIX}%`)))
      .returning({ id: claims.id });
    if (done.length === 0) return false;
    await appendAudit(tx, input.audit);
    return true;
  });
}

/** Whether a stored envelope is the retention job's purge marker rather than sealed data. */
export function isPurgedEnvelope(value: string): boolean {
  return value.startsWith(PURGED_PREFIX);
}

/** When the retention job purged a report's sealed material (its audit line), or null. */
export async function findRetentionPurgeAt(db: Db, reportId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, reportId), eq(auditLog.action, 'retention_purge')))
    .limit(1);
  return row?.at ?? null;
}
