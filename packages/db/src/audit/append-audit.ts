import type { ActorStamp } from '@firebreak/domain';
import { desc } from 'drizzle-orm';
import type { Db } from '../database';
import { auditBatches, auditLog } from '../schema/audit';
import { auditEntryHash, type AuditEntryContent } from './audit-hash';

export interface AuditEntry {
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly by: ActorStamp;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type AuditRecord = AuditEntryContent & { readonly seq: number; readonly hash: string };

/**
 * Records one entry, unsealed, in the caller's transaction: one INSERT, no
 * lock, no read of a chain head, so concurrent business transactions never
 * wait on each other here. The sealer (runSealer) later puts it into a Merkle
 * batch chained to the batches before; until then it is protected only by the
 * append-only trigger (docs/adr/0003-audit-sealing.md says what that means).
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRecord> {
  const content: AuditEntryContent = {
    at: new Date(entry.by.at),
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    actorUserId: entry.by.userId,
    actorName: entry.by.name,
    actorRole: entry.by.role,
    actorDepartmentId: entry.by.departmentId,
    // Store exactly what is hashed: the JSON form, as jsonb will give it back.
    data: entry.data === undefined ? null : (JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>),
  };
  if (Number.isNaN(content.at.getTime())) throw new Error(`appendAudit: invalid instant ${entry.by.at}`);
  const hash = auditEntryHash(content);
  const [row] = await db
    .insert(auditLog)
    .values({ ...content, hash })
    .returning({ seq: auditLog.seq });
  return { ...content, seq: row!.seq, hash };
}

/**
 * The newest sealed batch's id and chain hash: publish it or store it
 * elsewhere (an anchor), so a later verification can tell a cut-off or
 * rewritten history from the one seen today.
 */
export async function auditHead(db: Db): Promise<{ batch: number; hash: string } | null> {
  const [head] = await db.select({ batch: auditBatches.id, hash: auditBatches.hash }).from(auditBatches).orderBy(desc(auditBatches.id)).limit(1);
  return head ?? null;
}
