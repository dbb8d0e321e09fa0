import { asc, gt } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog } from '../schema/audit';
import { auditHash, GENESIS_HASH } from './audit-hash';

export type AuditBreakReason =
  | 'seq_gap' // a row is missing (or seq was rewritten)
  | 'prev_hash_mismatch' // the row does not follow its predecessor's hash
  | 'hash_mismatch' // the row's content no longer matches its hash
  | 'anchor_mismatch'; // the chain does not reach or match the externally kept head

export type AuditChainVerdict =
  | { readonly ok: true; readonly rows: number; readonly head: { readonly seq: number; readonly hash: string } | null }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: AuditBreakReason };

export interface VerifyAuditChainOptions {
  readonly batchSize?: number;
  /**
   * A head recorded earlier (auditHead) outside the database. The chain alone
   * cannot reveal rows cut off its end; an anchor can.
   */
  readonly anchor?: { readonly seq: number; readonly hash: string };
}

/** Recomputes every hash from the first row on, in seq order, reading in batches. */
export async function verifyAuditChain(db: Db, options: VerifyAuditChainOptions = {}): Promise<AuditChainVerdict> {
  const batchSize = options.batchSize ?? 1000;
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let anchorSeen = false;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, prevSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const row of batch) {
      if (row.seq !== prevSeq + 1) return { ok: false, brokenAt: row.seq, reason: 'seq_gap' };
      if (row.prevHash !== prevHash) return { ok: false, brokenAt: row.seq, reason: 'prev_hash_mismatch' };
      const { hash, ...content } = row;
      if (auditHash(content) !== hash) return { ok: false, brokenAt: row.seq, reason: 'hash_mismatch' };
      if (options.anchor && row.seq === options.anchor.seq) {
        if (hash !== options.anchor.hash) return { ok: false, brokenAt: row.seq, reason: 'anchor_mismatch' };
        anchorSeen = true;
      }
      prevSeq = row.seq;
      prevHash = hash;
      rows++;
    }
    if (batch.length < batchSize) break;
  }
  if (options.anchor && !anchorSeen) return { ok: false, brokenAt: prevSeq + 1, reason: 'anchor_mismatch' };
  return { ok: true, rows, head: rows === 0 ? null : { seq: prevSeq, hash: prevHash } };
}
