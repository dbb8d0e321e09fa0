import { randomUUID } from 'node:crypto';
import { stamp, type Actor, type Effect } from '@firebreak/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { DbError } from '../errors';
import { auditLog, deadlines, hazardEvents, hazards, outbox, reports } from '../schema/index';
import { createTestDb, insertTestJurisdiction, type TestDb } from '../testing';
import { applyEffects } from './apply-effects';
import { insertEntity, saveTransition } from './save-transition';

let t: TestDb;
let jurisdictionId: string;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.reset();
  jurisdictionId = (await insertTestJurisdiction(t.db)).id;
});

const inspector: Actor = { userId: randomUUID(), name: '李四', role: 'inspector', departmentId: randomUUID(), jurisdictionId: null };
const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 2, minute));

function audit(id: string, from: string | null, to: string, minute: number): Effect {
  return { type: 'audit', entity: 'hazard', entityId: id, action: to, from, to, by: stamp(inspector, at(minute)) };
}

async function newHazard() {
  const id = randomUUID();
  const created = await insertEntity(t.db, hazards, {
    values: { id, jurisdictionId, riskCategory: 'evacuation_blocked', source: 'inspection' },
    state: { status: 'found', id, notes: [] } as { status: string },
    effects: [audit(id, null, 'found', 0)],
  });
  return { id, version: created.version };
}

async function errorOf(p: Promise<unknown>): Promise<DbError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DbError) return e;
    throw e;
  }
  throw new Error('expected a DbError');
}

describe('insertEntity and saveTransition', () => {
  test('persist state, status, version and every kind of effect together', async () => {
    const h = await newHazard();
    expect(h.version).toBe(1);

    const due = '2025-03-06T15:59:59.999Z';
    const saved = await saveTransition(t.db, hazards, {
      id: h.id,
      expectedVersion: 1,
      next: { status: 'ordered', id: h.id, dueAt: due } as { status: string },
      set: { dueAt: new Date(due), severity: 'major' },
      effects: [
        audit(h.id, 'found', 'ordered', 5),
        { type: 'deadline', entity: 'hazard', entityId: h.id, kind: 'hazard.correction', due, basis: '消防监督检查规定 第二十条' },
        { type: 'notify', to: { kind: 'unit', venueId: 'v-1' }, template: 'hazard.ordered', entity: 'hazard', entityId: h.id, data: { due } },
      ],
    });
    expect(saved.version).toBe(2);
    expect(saved.applied).toMatchObject({ deadlinesSet: 1, notifications: 1, deadlinesCancelled: 0 });
    expect(saved.applied.auditSeqs).toEqual([2]);

    const [row] = await t.db.select().from(hazards).where(eq(hazards.id, h.id));
    expect(row).toMatchObject({ status: 'ordered', version: 2, severity: 'major', state: { status: 'ordered', dueAt: due } });
    expect(row?.dueAt?.toISOString()).toBe(due);

    const ledger = await t.db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, h.id)).orderBy(hazardEvents.auditSeq);
    expect(ledger.map((e) => [e.fromStatus, e.toStatus, e.actorName, e.actorRole])).toEqual([
      [null, 'found', '李四', 'inspector'],
      ['found', 'ordered', '李四', 'inspector'],
    ]);
    expect(ledger[1]?.at.toISOString()).toBe(at(5).toISOString());

    const [deadline] = await t.db.select().from(deadlines).where(eq(deadlines.entityId, h.id));
    expect(deadline).toMatchObject({ kind: 'hazard.correction', basis: '消防监督检查规定 第二十条', doneAt: null });
    const [message] = await t.db.select().from(outbox).where(eq(outbox.entityId, h.id));
    expect(message).toMatchObject({ template: 'hazard.ordered', status: 'pending', recipient: { kind: 'unit', venueId: 'v-1' }, data: { due } });

    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 2 });
  });

  test('refuse a stale version with CONCURRENCY.STALE and persist nothing', async () => {
    const h = await newHazard();
    await saveTransition(t.db, hazards, { id: h.id, expectedVersion: 1, next: { status: 'confirmed' }, effects: [audit(h.id, 'found', 'confirmed', 1)] });

    const e = await errorOf(
      saveTransition(t.db, hazards, {
        id: h.id,
        expectedVersion: 1,
        next: { status: 'rejected' },
        effects: [audit(h.id, 'found', 'rejected', 2), { type: 'notify', to: { kind: 'reporter' }, template: 'x', entity: 'hazard', entityId: h.id }],
      }),
    );
    expect(e.code).toBe('CONCURRENCY.STALE');
    expect(e.details).toMatchObject({ expectedVersion: 1, actualVersion: 2, entity: 'hazards' });
    expect(e.messageZh).toContain('已被他人修改');

    const [row] = await t.db.select().from(hazards).where(eq(hazards.id, h.id));
    expect(row).toMatchObject({ status: 'confirmed', version: 2 });
    expect(await t.db.select().from(auditLog)).toHaveLength(2);
    expect(await t.db.select().from(outbox)).toHaveLength(0);
  });

  test('report DB.NOT_FOUND for a missing row', async () => {
    const e = await errorOf(saveTransition(t.db, hazards, { id: randomUUID(), expectedVersion: 1, next: { status: 'x' }, effects: [] }));
    expect(e.code).toBe('DB.NOT_FOUND');
  });

  test('roll the state change back when an effect cannot be persisted', async () => {
    const h = await newHazard();
    const bad: Effect = { type: 'deadline', entity: 'hazard', entityId: h.id, kind: 'k', due: 'not a date', basis: 'b' };
    await expect(
      saveTransition(t.db, hazards, { id: h.id, expectedVersion: 1, next: { status: 'confirmed' }, effects: [audit(h.id, 'found', 'confirmed', 1), bad] }),
    ).rejects.toThrow(/invalid due instant/);
    const [row] = await t.db.select().from(hazards).where(eq(hazards.id, h.id));
    expect(row).toMatchObject({ status: 'found', version: 1 });
    expect(await t.db.select().from(hazardEvents)).toHaveLength(1);
  });

  test('of two concurrent writers from one version exactly one wins', async () => {
    const h = await newHazard();
    const attempt = (to: string, minute: number) =>
      saveTransition(t.db, hazards, { id: h.id, expectedVersion: 1, next: { status: to }, effects: [audit(h.id, 'found', to, minute)] }).then(
        () => 'saved',
        (e: unknown) => (e instanceof DbError ? e.code : String(e)),
      );
    const outcomes = await Promise.all([attempt('confirmed', 1), attempt('rejected', 2), attempt('closed', 3), attempt('ordered', 4)]);
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONCURRENCY.STALE')).toHaveLength(3);
    expect(await t.db.select().from(hazardEvents)).toHaveLength(2);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  test('works for every lifecycle table, here a report with its own keys', async () => {
    const id = randomUUID();
    await insertEntity(t.db, reports, {
      values: { id, jurisdictionId, receiptHash: randomUUID(), channel: 'open311', submittedAt: at(0) },
      state: { status: 'submitted' },
      effects: [],
    });
    const saved = await saveTransition(t.db, reports, {
      id,
      expectedVersion: 1,
      next: { status: 'accepted' },
      set: { riskCategory: 'facilities_disabled' },
      effects: [],
    });
    expect(saved.version).toBe(2);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, id));
    expect(row).toMatchObject({ status: 'accepted', riskCategory: 'facilities_disabled', channel: 'open311' });
  });
});

describe('applyEffects deadlines', () => {
  test('a new deadline of the same kind replaces the old one; cancelling marks it done', async () => {
    const id = randomUUID();
    const deadline = (due: string): Effect => ({ type: 'deadline', entity: 'report', entityId: id, kind: 'report.verification', due, basis: '第十七条' });
    await applyEffects(t.db, [deadline('2025-03-04T02:00:00.000Z')]);
    await applyEffects(t.db, [deadline('2025-03-07T15:59:59.999Z')]);
    const where = and(eq(deadlines.entityId, id), eq(deadlines.kind, 'report.verification'));
    let rows = await t.db.select().from(deadlines).where(where);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dueAt.toISOString()).toBe('2025-03-07T15:59:59.999Z');

    const done = at(30);
    const applied = await applyEffects(t.db, [{ type: 'cancelDeadline', entity: 'report', entityId: id, kind: 'report.verification' }], { now: done });
    expect(applied.deadlinesCancelled).toBe(1);
    rows = await t.db.select().from(deadlines).where(where);
    expect(rows[0]?.doneAt?.toISOString()).toBe(done.toISOString());

    // Re-arming after completion opens it again.
    await applyEffects(t.db, [deadline('2025-03-10T15:59:59.999Z')]);
    rows = await t.db.select().from(deadlines).where(where);
    expect(rows[0]?.doneAt).toBeNull();
  });
});
