import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { auditBatches, auditLog } from '../schema/audit';
import { auditLeafData } from './audit-hash';
import { merkleInclusionProof, merkleLeafHash } from './merkle';

export interface AuditInclusionProof {
  readonly seq: number;
  readonly batch: number;
  readonly leafIndex: number;
  readonly size: number;
  readonly leaf: string;
  readonly path: readonly string[];
  readonly root: string;
  readonly batchHash: string;
}

/**
 * The proof that one sealed entry is in its batch (RFC 6962 audit path), for
 * a holder of a published batch hash to check one entry without the log:
 * verifyMerkleInclusion(leaf, leafIndex, size, path, root). Null while unsealed.
 */
export async function auditInclusionProof(db: Db, seq: number): Promise<AuditInclusionProof | null> {
  const [row] = await db.select({ batchId: auditLog.batchId, leafIndex: auditLog.leafIndex }).from(auditLog).where(eq(auditLog.seq, seq));
  if (!row || row.batchId === null || row.leafIndex === null) return null;
  const [batch] = await db.select().from(auditBatches).where(eq(auditBatches.id, row.batchId));
  if (!batch) return null;
  const entries = await db.select({ seq: auditLog.seq, hash: auditLog.hash, recordedAt: auditLog.recordedAt }).from(auditLog).where(eq(auditLog.batchId, batch.id)).orderBy(asc(auditLog.leafIndex));
  const leaves = entries.map((e) => merkleLeafHash(auditLeafData(e)));
  return {
    seq,
    batch: batch.id,
    leafIndex: row.leafIndex,
    size: batch.size,
    leaf: leaves[row.leafIndex]!.toString('hex'),
    path: merkleInclusionProof(leaves, row.leafIndex).map((b) => b.toString('hex')),
    root: batch.root,
    batchHash: batch.hash,
  };
}
