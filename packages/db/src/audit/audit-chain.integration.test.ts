import { stamp, type Actor } from '@firebreak/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../database';
import { auditLog } from '../schema/audit';
import { createTestDb, type TestDb } from '../testing';
import { appendAudit, auditHead } from './append-audit';
import { auditHash } from './audit-hash';
import { verifyAuditChain } from './verify-audit-chain';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());
beforeEach(() => t.reset());

const inspector: Actor = { userId: 'u-1', name: '李四', role: 'inspector', departmentId: 'd-1', jurisdictionId: 'j-1' };

function entry(i: number) {
  return {
    entity: 'hazard',
    entityId: `h-${i}`,
    action: 'confirm',
    from: 'found',
    to: 'confirmed',
    by: stamp(inspector, new Date(Date.UTC(2025, 0, 1, 8, 0, i))),
    data: { note: `第${i}条`, nested: { z: 1, a: [i, null] } },
  };
}

async function appendMany(n: number) {
  for (let i = 1; i <= n; i++) await appendAudit(t.db, entry(i));
}

/** Edits a row the way an attacker with superuser access would: with the append-only trigger switched off. */
async function tamper(edit: (tx: Db) => Promise<unknown>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await edit(tx);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

async function sqlState(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    return err.cause?.code ?? err.code ?? 'no code';
  }
  return 'succeeded';
}

describe('audit log', () => {
  test('chains rows from seq 1 and verifies them', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 0, head: null });
    await appendMany(5);
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    expect(rows[3]?.prevHash).toBe(rows[2]?.hash);
    expect(rows[1]?.data).toEqual({ note: '第2条', nested: { z: 1, a: [2, null] } });
    expect(rows[1]?.actorName).toBe('李四');

    const verdict = await verifyAuditChain(t.db, { batchSize: 2 });
    expect(verdict).toEqual({ ok: true, rows: 5, head: { seq: 5, hash: rows[4]!.hash } });
  });

  test('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await appendMany(2);
    expect(await sqlState(t.db.update(auditLog).set({ actorName: '王五' }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.delete(auditLog).where(eq(auditLog.seq, 2)))).toBe('FBA01');
    expect(await sqlState(t.db.execute(sql`truncate audit_log cascade`))).toBe('FBA01');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  test('detects a row edited behind the trigger', async () => {
    await appendMany(5);
    await tamper((tx) => tx.update(auditLog).set({ actorName: '王五' }).where(eq(auditLog.seq, 3)));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  test('detects an edit inside the jsonb data', async () => {
    await appendMany(4);
    await tamper((tx) => tx.execute(sql`update audit_log set data = jsonb_set(data, '{note}', '"改"') where seq = 2`));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
  });

  test('detects an edit whose hash was recomputed, at the next row', async () => {
    await appendMany(5);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.seq, 3));
    const { hash: _old, ...content } = row!;
    const forged = { ...content, actorName: '王五' };
    await tamper((tx) => tx.update(auditLog).set({ actorName: '王五', hash: auditHash(forged) }).where(eq(auditLog.seq, 3)));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, brokenAt: 4, reason: 'prev_hash_mismatch' });
  });

  test('detects a deleted row, and a cut-off tail given an anchor', async () => {
    await appendMany(6);
    const anchor = await auditHead(t.db);
    expect(anchor?.seq).toBe(6);
    await tamper((tx) => tx.delete(auditLog).where(eq(auditLog.seq, 6)));
    expect((await verifyAuditChain(t.db)).ok).toBe(true); // the chain alone cannot see a cut end
    expect(await verifyAuditChain(t.db, { anchor: anchor! })).toEqual({ ok: false, brokenAt: 6, reason: 'anchor_mismatch' });

    await tamper((tx) => tx.delete(auditLog).where(eq(auditLog.seq, 2)));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, brokenAt: 3, reason: 'seq_gap' });
  });

  test('concurrent appends from separate transactions never fork the chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await appendAudit(tx, entry(i + 1));
          // Hold the transaction open a little, so on PostgreSQL the others queue on the lock.
          await new Promise((r) => setTimeout(r, 5));
          await appendAudit(tx, entry(i + 101));
        }),
      ),
    );
    const verdict = await verifyAuditChain(t.db);
    expect(verdict).toMatchObject({ ok: true, rows: 40 });
    // Both entries of each transaction are adjacent: the lock is held to commit.
    const rows = await t.db.select({ seq: auditLog.seq, entityId: auditLog.entityId }).from(auditLog).orderBy(auditLog.seq);
    for (let i = 0; i < rows.length; i += 2) {
      expect(Number(rows[i + 1]!.entityId.slice(2))).toBe(Number(rows[i]!.entityId.slice(2)) + 100);
    }
  });
});
