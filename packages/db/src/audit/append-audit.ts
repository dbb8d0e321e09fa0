import type { ActorStamp } from '@firebreak/domain';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog } from '../schema/audit';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

export interface AuditEntry {
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly by: ActorStamp;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type AuditRecord = AuditContent & { readonly hash: string };

/**
 * Appends one entry to the chain. Appends serialise on a transaction-scoped
 * advisory lock (keyed by schema, so parallel test schemas do not contend):
 * the head cannot move between reading it and inserting after it, so two
 * concurrent transactions can never both extend the same head (a fork). The
 * lock is held until the caller's transaction ends, which is the price of one
 * linear history; keep audited transactions short.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRecord> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`);
    const [head] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const content: AuditContent = {
      seq: (head?.seq ?? 0) + 1,
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
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    if (Number.isNaN(content.at.getTime())) throw new Error(`appendAudit: invalid instant ${entry.by.at}`);
    const record: AuditRecord = { ...content, hash: auditHash(content) };
    await tx.insert(auditLog).values(record);
    return record;
  });
}

/** The newest entry's seq and hash: publish or store it elsewhere to detect truncation later. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return head ?? null;
}
