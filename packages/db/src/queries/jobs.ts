import type { Effect, PendingDeadline } from '@firebreak/domain';
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import type { Db } from '../database';
import { deadlines } from '../schema/calendar';
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
