import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { auditBatches, auditLog } from '../schema/audit';
import { auditBatchHash, auditEntryHash, auditHash, auditLeafData, GENESIS_HASH } from './audit-hash';
import { merkleLeafHash, merkleRoot } from './merkle';

export type AuditBreakReason =
  | 'seq_gap' // a legacy row is missing (or its seq was rewritten)
  | 'prev_hash_mismatch' // a legacy row or a batch does not follow its predecessor's hash
  | 'hash_mismatch' // an entry's content no longer matches its hash
  | 'batch_gap' // a batch is missing (ids run 1, 2, 3, …)
  | 'batch_hash_mismatch' // a batch's id, size, root or time no longer matches its chain hash
  | 'leaf_mismatch' // a batch's entries are not its leaves 0…size-1 (one deleted, added or moved)
  | 'root_mismatch' // the entries do not hash to the batch's root (one altered, reordered or re-numbered)
  | 'anchor_mismatch'; // the chain does not reach or match the externally kept head

export type AuditChainVerdict =
  | {
      readonly ok: true;
      /** Entries checked: legacy, sealed and unsealed. */
      readonly rows: number;
      readonly sealed: number;
      /** Entries not yet in a batch: their hashes were checked, but nothing outside the row vouches for them yet. */
      readonly unsealed: number;
      readonly batches: number;
      readonly head: { readonly batch: number; readonly hash: string } | null;
    }
  | { readonly ok: false; readonly reason: AuditBreakReason; readonly seq: number | null; readonly batch: number | null };

export interface VerifyAuditChainOptions {
  readonly batchSize?: number;
  /**
   * A batch head recorded earlier (auditHead) outside the database. The chain
   * alone cannot reveal batches cut off its end, or a history rewritten from
   * some batch on with every hash recomputed; an anchor can.
   */
  readonly anchor?: { readonly batch: number; readonly hash: string };
}

const broken = (reason: AuditBreakReason, at: { seq?: number; batch?: number }) => ({ ok: false as const, reason, seq: at.seq ?? null, batch: at.batch ?? null });

/**
 * Checks the whole log: the legacy chain row by row; then every batch in id
 * order (contiguous ids, each batch's hash over its content and its
 * predecessor's hash), and for each batch that its entries are exactly leaves
 * 0…size-1, each entry's content matches its hash, and the Merkle tree of
 * their leaves has the batch's root (so every entry is included, where the
 * batch says); finally every unsealed entry's hash. tooling/verify-audit.mjs
 * is an independent implementation of the same checks.
 */
export async function verifyAuditChain(db: Db, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerdict> {
  const pageSize = options.batchSize ?? 1000;
  // 1. Legacy rows (before sealing): one chain in seq order.
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(and(isNotNull(auditLog.prevHash), gt(auditLog.seq, prevSeq))).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) {
      if (row.seq !== prevSeq + 1) return broken('seq_gap', { seq: row.seq });
      if (row.prevHash !== prevHash) return broken('prev_hash_mismatch', { seq: row.seq });
      if (auditHash({ ...contentOf(row), seq: row.seq, prevHash: row.prevHash }) !== row.hash) return broken('hash_mismatch', { seq: row.seq });
      prevSeq = row.seq;
      prevHash = row.hash;
      rows++;
    }
    if (page.length < pageSize) break;
  }

  // 2. Batches, chained, each with its Merkle tree.
  let batchId = 0;
  let sealed = 0;
  let anchorSeen = false;
  for (;;) {
    const page = await db.select().from(auditBatches).where(gt(auditBatches.id, batchId)).orderBy(asc(auditBatches.id)).limit(pageSize);
    for (const batch of page) {
      if (batch.id !== batchId + 1) return broken('batch_gap', { batch: batchId + 1 });
      if (batch.prevHash !== prevHash) return broken('prev_hash_mismatch', { batch: batch.id });
      if (auditBatchHash(batch) !== batch.hash) return broken('batch_hash_mismatch', { batch: batch.id });
      const entries = await db.select().from(auditLog).where(eq(auditLog.batchId, batch.id)).orderBy(asc(auditLog.leafIndex));
      const leaves: Buffer[] = [];
      for (const [i, row] of entries.entries()) {
        if (row.leafIndex !== i || i >= batch.size) return broken('leaf_mismatch', { seq: row.seq, batch: batch.id });
        if (auditEntryHash(contentOf(row)) !== row.hash) return broken('hash_mismatch', { seq: row.seq, batch: batch.id });
        leaves.push(merkleLeafHash(auditLeafData(row)));
      }
      if (entries.length !== batch.size) return broken('leaf_mismatch', { batch: batch.id });
      if (merkleRoot(leaves).toString('hex') !== batch.root) return broken('root_mismatch', { batch: batch.id });
      if (options.anchor && batch.id === options.anchor.batch) {
        if (batch.hash !== options.anchor.hash) return broken('anchor_mismatch', { batch: batch.id });
        anchorSeen = true;
      }
      batchId = batch.id;
      prevHash = batch.hash;
      sealed += entries.length;
    }
    if (page.length < pageSize) break;
  }
  if (options.anchor && !anchorSeen) return broken('anchor_mismatch', { batch: options.anchor.batch });

  // 3. Entries waiting for the sealer: their own hashes only.
  let unsealed = 0;
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(isNull(auditLog.batchId), isNull(auditLog.prevHash), gt(auditLog.seq, afterSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.leafIndex !== null || auditEntryHash(contentOf(row)) !== row.hash) return broken('hash_mismatch', { seq: row.seq });
      afterSeq = row.seq;
      unsealed++;
    }
    if (page.length < pageSize) break;
  }
  // A row sealed into a batch id that does not exist (the batch deleted with the triggers off) is in none of the above.
  const [orphans] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(isNotNull(auditLog.batchId), gt(auditLog.batchId, batchId)));
  if (Number(orphans?.n ?? 0) > 0) return broken('batch_gap', { batch: batchId + 1 });

  return { ok: true, rows: rows + sealed + unsealed, sealed, unsealed, batches: batchId, head: batchId === 0 ? null : { batch: batchId, hash: prevHash } };
}

function contentOf(row: typeof auditLog.$inferSelect) {
  return {
    at: row.at,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    actorDepartmentId: row.actorDepartmentId,
    data: row.data,
  };
}
