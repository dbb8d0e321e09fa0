import { createHash } from 'node:crypto';
import { canonicalJson } from '@firebreak/domain';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every audit_log column except `hash`: what the hash covers. */
export interface AuditContent {
  readonly seq: number;
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
  readonly prevHash: string;
}

/** sha256(prev_hash || canonical JSON of the row's content), hex. */
export function auditHash(row: AuditContent): string {
  const { prevHash, ...content } = row;
  const body = canonicalJson({ ...content, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
