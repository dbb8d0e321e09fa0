import { createHash } from 'node:crypto';
import { canonicalJson } from '@firebreak/domain';

/** prev_hash of the first legacy row, and of batch 1 when there are no legacy rows. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: every column the writer sets. */
export interface AuditEntryContent {
  readonly at: Date;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly actorUserId: string;
  readonly actorName: string;
  readonly actorRole: string;
  readonly actorDepartmentId: string | null;
  readonly data: Readonly<Record<string, unknown>> | null;
}

/** A legacy row (before sealing): its content with seq and its predecessor's hash. */
export interface AuditContent extends AuditEntryContent {
  readonly seq: number;
  readonly prevHash: string;
}

/** Legacy chain: sha256(prev_hash || canonical JSON of the row's content), hex. */
export function auditHash(row: AuditContent): string {
  const { prevHash, ...content } = row;
  const body = canonicalJson({ ...content, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

/** An entry's own hash, computed by the writer: sha256 of its canonical content, hex. */
export function auditEntryHash(content: AuditEntryContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * The Merkle leaf's data: the entry's hash bound to its seq and to when it was
 * recorded, so neither can be changed (or two rows' seqs swapped) unseen.
 */
export function auditLeafData(row: { readonly seq: number; readonly hash: string; readonly recordedAt: Date }): string {
  return canonicalJson({ seq: row.seq, hash: row.hash, recordedAt: row.recordedAt.toISOString() });
}

export interface AuditBatchContent {
  readonly id: number;
  readonly size: number;
  readonly root: string;
  readonly sealedAt: Date;
  readonly prevHash: string;
}

/** A batch's chain hash: sha256(prev_hash || canonical JSON of id, size, root, sealed_at), hex. */
export function auditBatchHash(batch: AuditBatchContent): string {
  const body = canonicalJson({ id: batch.id, size: batch.size, root: batch.root, sealedAt: batch.sealedAt.toISOString() });
  return createHash('sha256').update(batch.prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
