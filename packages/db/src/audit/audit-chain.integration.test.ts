import { stamp, type Actor } from '@firebreak/domain';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../database';
import { auditBatches, auditLog } from '../schema/audit';
import { createTestDb, type TestDb } from '../testing';
import { appendAudit, auditHead } from './append-audit';
import { auditEntryHash, auditHash, GENESIS_HASH } from './audit-hash';
import { auditInclusionProof } from './inclusion-proof';
import { merkleLeafHash, verifyMerkleInclusion } from './merkle';
import { runSealer } from './run-sealer';
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

async function appendMany(n: number, from = 1) {
  for (let i = from; i < from + n; i++) await appendAudit(t.db, entry(i));
}

/** Edits rows the way an attacker with superuser access would: with every trigger (and foreign key) switched off. */
async function tamper(edit: (tx: Db) => Promise<unknown>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await edit(tx);
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

/** Reorders batch 1: leaves 0 and 1 trade places (through a spare index, as the pair is unique). */
const swapFirstTwoLeaves = () =>
  tamper(async (tx) => {
    await tx.execute(sql`update audit_log set leaf_index = -1 where batch_id = 1 and leaf_index = 0`);
    await tx.execute(sql`update audit_log set leaf_index = 0 where batch_id = 1 and leaf_index = 1`);
    await tx.execute(sql`update audit_log set leaf_index = 1 where batch_id = 1 and leaf_index = -1`);
  });

const sealedRows = () => t.db.select().from(auditLog).orderBy(asc(auditLog.batchId), asc(auditLog.leafIndex));

describe('audit log: unsealed appends, batched sealing', () => {
  test('appends unsealed, seals in batches chained from genesis, and verifies', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 0, sealed: 0, unsealed: 0, batches: 0, head: null });
    await appendMany(5);
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.batchId === null && r.prevHash === null)).toBe(true);
    expect(rows[1]?.data).toEqual({ note: '第2条', nested: { z: 1, a: [2, null] } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 5, sealed: 0, unsealed: 5, batches: 0 });

    expect(await runSealer(t.db, { batchSize: 2 })).toEqual({ batches: 3, entries: 5, busy: false });
    const batches = await t.db.select().from(auditBatches).orderBy(auditBatches.id);
    expect(batches.map((b) => [b.id, b.size])).toEqual([[1, 2], [2, 2], [3, 1]]);
    expect(batches[0]!.prevHash).toBe(GENESIS_HASH);
    expect(batches[2]!.prevHash).toBe(batches[1]!.hash);
    expect((await sealedRows()).map((r) => [r.seq, r.batchId, r.leafIndex])).toEqual([[1, 1, 0], [2, 1, 1], [3, 2, 0], [4, 2, 1], [5, 3, 0]]);
    const head = await auditHead(t.db);
    expect(head).toEqual({ batch: 3, hash: batches[2]!.hash });
    expect(await verifyAuditChain(t.db, { batchSize: 2, anchor: head! })).toEqual({ ok: true, rows: 5, sealed: 5, unsealed: 0, batches: 3, head });
    // Nothing left: a second run seals nothing and adds no empty batch.
    expect(await runSealer(t.db)).toEqual({ batches: 0, entries: 0, busy: false });
  });

  test('gives an inclusion proof per sealed entry that a holder of the root can check', async () => {
    await appendMany(7);
    await runSealer(t.db, { batchSize: 100 });
    for (const seq of [1, 4, 7]) {
      const proof = (await auditInclusionProof(t.db, seq))!;
      expect(proof).toMatchObject({ seq, batch: 1, size: 7 });
      const ok = verifyMerkleInclusion(Buffer.from(proof.leaf, 'hex'), proof.leafIndex, proof.size, proof.path.map((p) => Buffer.from(p, 'hex')), Buffer.from(proof.root, 'hex'));
      expect(ok).toBe(true);
      expect(verifyMerkleInclusion(merkleLeafHash('forged'), proof.leafIndex, proof.size, proof.path.map((p) => Buffer.from(p, 'hex')), Buffer.from(proof.root, 'hex'))).toBe(false);
    }
    await appendAudit(t.db, entry(8));
    expect(await auditInclusionProof(t.db, 8)).toBeNull();
  });

  test('refuses UPDATE, DELETE and TRUNCATE, and lets seal columns be set only once, on their own', async () => {
    await appendMany(2);
    expect(await sqlState(t.db.update(auditLog).set({ actorName: '王五' }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.delete(auditLog).where(eq(auditLog.seq, 2)))).toBe('FBA01');
    expect(await sqlState(t.db.execute(sql`truncate audit_log cascade`))).toBe('FBA01');
    // Sealing and editing in one statement is refused too.
    await t.db.insert(auditBatches).values({ id: 99, size: 1, root: 'x', prevHash: 'x', hash: 'x', sealedAt: new Date() });
    expect(await sqlState(t.db.update(auditLog).set({ batchId: 99, leafIndex: 0, actorName: '王五' }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    await tamper((tx) => tx.delete(auditBatches).where(eq(auditBatches.id, 99)));

    await runSealer(t.db);
    // A sealed row is frozen: no re-sealing, no un-sealing.
    expect(await sqlState(t.db.update(auditLog).set({ leafIndex: 5 }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.update(auditLog).set({ batchId: null, leafIndex: null }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.update(auditBatches).set({ root: '0' }).where(eq(auditBatches.id, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.delete(auditBatches).where(eq(auditBatches.id, 1)))).toBe('FBA01');
    expect(await sqlState(t.db.execute(sql`truncate audit_batches cascade`))).toBe('FBA01');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 2, sealed: 2 });
  });

  test('detects a sealed entry edited behind the triggers, with or without its hash recomputed', async () => {
    await appendMany(6);
    await runSealer(t.db, { batchSize: 3 });
    await tamper((tx) => tx.execute(sql`update audit_log set data = jsonb_set(data, '{note}', '"改"') where seq = 5`));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, reason: 'hash_mismatch', seq: 5, batch: 2 });

    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.seq, 5));
    const { seq: _s, hash: _h, prevHash: _p, recordedAt: _r, batchId: _b, leafIndex: _l, ...content } = row!;
    await tamper((tx) => tx.update(auditLog).set({ hash: auditEntryHash(content) }).where(eq(auditLog.seq, 5)));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, reason: 'root_mismatch', seq: null, batch: 2 });
  });

  test('detects a deleted sealed entry, reordered entries, a deleted batch and a cut-off tail given an anchor', async () => {
    await appendMany(9);
    await runSealer(t.db, { batchSize: 3 });
    const anchor = (await auditHead(t.db))!;

    await swapFirstTwoLeaves();
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, reason: 'root_mismatch', seq: null, batch: 1 });
    await swapFirstTwoLeaves();
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    await tamper((tx) => tx.delete(auditLog).where(eq(auditLog.seq, 5)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, reason: 'leaf_mismatch', batch: 2 });

    // The whole last batch and its entries gone: only the anchor can tell.
    await tamper(async (tx) => {
      await tx.delete(auditLog).where(eq(auditLog.batchId, 3));
      await tx.delete(auditBatches).where(eq(auditBatches.id, 3));
    });
    await tamper((tx) => tx.delete(auditLog).where(eq(auditLog.batchId, 2)));
    await tamper((tx) => tx.delete(auditBatches).where(eq(auditBatches.id, 2)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, batches: 1 });
    expect(await verifyAuditChain(t.db, { anchor })).toEqual({ ok: false, reason: 'anchor_mismatch', seq: null, batch: 3 });
  });

  test('detects a batch missing from the middle of the chain', async () => {
    await appendMany(6);
    await runSealer(t.db, { batchSize: 2 });
    await tamper(async (tx) => {
      await tx.delete(auditLog).where(eq(auditLog.batchId, 2));
      await tx.delete(auditBatches).where(eq(auditBatches.id, 2));
    });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, reason: 'batch_gap', seq: null, batch: 2 });
  });

  test('a sealer that dies mid-batch leaves nothing behind, and the restarted one seals every entry exactly once', async () => {
    await appendMany(10);
    await expect(
      runSealer(t.db, {
        batchSize: 4,
        beforeCommit: async (b) => {
          if (b.id === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // Batch 1 committed; batch 2's transaction rolled back whole.
    expect((await t.db.select().from(auditBatches)).map((b) => b.id)).toEqual([1]);
    expect(await t.db.$count(auditLog, isNull(auditLog.batchId))).toBe(6);
    expect(await runSealer(t.db, { batchSize: 4 })).toEqual({ batches: 2, entries: 6, busy: false });
    const rows = await sealedRows();
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(rows.map((r) => `${r.batchId}:${r.leafIndex}`)).size).toBe(10);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 10, sealed: 10, batches: 3 });
  });

  test('parallel business transactions each append; sealing then chains them all', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await appendAudit(tx, entry(i + 1));
          await new Promise((r) => setTimeout(r, 5));
          await appendAudit(tx, entry(i + 101));
        }),
      ),
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 40, unsealed: 40 });
    await runSealer(t.db, { batchSize: 7 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 40, sealed: 40, unsealed: 0, batches: 6 });
  });

  test('entries written before sealing keep their chain, and batch 1 continues it', async () => {
    // Two rows as the one-chain appender wrote them.
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const e = entry(seq);
      const content = { seq, at: new Date(e.by.at), entity: e.entity, entityId: e.entityId, action: e.action, fromStatus: e.from, toStatus: e.to, actorUserId: e.by.userId, actorName: e.by.name, actorRole: e.by.role, actorDepartmentId: e.by.departmentId, data: e.data, prevHash };
      const hash = auditHash(content);
      await t.db.insert(auditLog).values({ ...content, hash });
      prevHash = hash;
    }
    await t.db.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'seq'), 3, false)`);
    await appendMany(3, 3);
    expect(await runSealer(t.db)).toMatchObject({ batches: 1, entries: 3 });
    const [batch] = await t.db.select().from(auditBatches);
    expect(batch!.prevHash).toBe(prevHash);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 5, sealed: 3, batches: 1 });
    // Legacy rows are frozen as before, and cannot be pulled into a batch.
    expect(await sqlState(t.db.update(auditLog).set({ batchId: 1, leafIndex: 3 }).where(eq(auditLog.seq, 1)))).toBe('FBA01');
    await tamper((tx) => tx.update(auditLog).set({ actorName: '王五' }).where(eq(auditLog.seq, 2)));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, reason: 'hash_mismatch', seq: 2, batch: null });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('on real PostgreSQL', () => {
  test('a transaction holding its audit entry open does not hold up another writer', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const firstAppended = new Promise<void>((r) => (appended = r));
    const slow = t.db.transaction(async (tx) => {
      await appendAudit(tx, entry(1));
      appended();
      await held;
    });
    await firstAppended;
    // Under the old design this waited for `slow` to commit (the advisory lock): a deadlock here.
    await t.db.transaction(async (tx) => appendAudit(tx, entry(2)));
    // The sealer sees only what is committed, and does not wait for `slow` either.
    expect(await runSealer(t.db)).toMatchObject({ batches: 1, entries: 1 });
    release();
    await slow;
    expect(await runSealer(t.db)).toMatchObject({ batches: 1, entries: 1 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 2, sealed: 2, batches: 2 });
  });

  test('two sealers at once: one seals, the other finds the lock taken; every entry is sealed once', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => appendAudit(t.db, entry(i + 1))));
    const results = await Promise.all([runSealer(t.db, { batchSize: 10 }), runSealer(t.db, { batchSize: 10 }), runSealer(t.db, { batchSize: 10 })]);
    expect(results.reduce((n, r) => n + r.entries, 0)).toBe(200);
    await runSealer(t.db);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: 200, sealed: 200, unsealed: 0 });
  });
});
