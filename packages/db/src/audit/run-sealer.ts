import { and, asc, desc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { auditBatches, auditLog } from '../schema/audit';
import { auditBatchHash, auditLeafData, GENESIS_HASH } from './audit-hash';
import { merkleLeafHash, merkleRoot } from './merkle';

export interface RunSealerOptions {
  /** Entries per batch (per Merkle tree), default 1000. */
  readonly batchSize?: number;
  /** Stop after this many batches (default: until the queue is empty). */
  readonly maxBatches?: number;
  /** Test seam: runs inside a batch's transaction after its writes, before commit (a throw is a crash mid-batch). */
  readonly beforeCommit?: (batch: { readonly id: number; readonly size: number }) => Promise<void>;
}

export interface SealResult {
  readonly batches: number;
  readonly entries: number;
  /** True when another sealer held the lock, so this one sealed nothing. */
  readonly busy: boolean;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * Seals one batch in one transaction, or nothing (null when another sealer
 * holds the lock): the committed unsealed entries in seq order, up to
 * batchSize, become the leaves of one Merkle tree whose root goes into a new
 * batch chained to the last. Only the sealer takes the advisory lock, so
 * business transactions never wait on it; a crash rolls the whole batch back,
 * and the trigger lets seal columns be set once, so every entry is sealed
 * exactly once.
 */
async function sealBatch(db: Db, batchSize: number, beforeCommit: RunSealerOptions['beforeCommit']): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean; now_ms: number }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(current_schema() || '.audit_sealer')) as ok, (extract(epoch from now()) * 1000)::float8 as now_ms`),
    );
    if (!lock?.ok) return null;
    const pending = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash, recordedAt: auditLog.recordedAt })
      .from(auditLog)
      .where(and(isNull(auditLog.batchId), isNull(auditLog.prevHash)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    if (pending.length === 0) return 0;
    const [last] = await tx.select({ id: auditBatches.id, hash: auditBatches.hash }).from(auditBatches).orderBy(desc(auditBatches.id)).limit(1);
    // Batch 1 continues the legacy one-row chain, when there is one.
    let prevHash = last?.hash ?? GENESIS_HASH;
    if (!last) {
      const [legacy] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.prevHash)).orderBy(desc(auditLog.seq)).limit(1);
      if (legacy) prevHash = legacy.hash;
    }
    const id = (last?.id ?? 0) + 1;
    const root = merkleRoot(pending.map((r) => merkleLeafHash(auditLeafData(r)))).toString('hex');
    const sealedAt = new Date(Math.floor(Number(lock.now_ms)));
    const hash = auditBatchHash({ id, size: pending.length, root, sealedAt, prevHash });
    await tx.insert(auditBatches).values({ id, size: pending.length, root, prevHash, hash, sealedAt });
    // Numbers only, so the array literals are safe to build as text.
    const seqs = `{${pending.map((r) => r.seq).join(',')}}`;
    const leaves = `{${pending.map((_, i) => i).join(',')}}`;
    const updated = rowsOf<{ seq: number }>(
      await tx.execute(
        sql`update audit_log set batch_id = ${id}, leaf_index = v.i from unnest(${seqs}::bigint[], ${leaves}::int[]) as v(seq, i) where audit_log.seq = v.seq and audit_log.batch_id is null returning audit_log.seq`,
      ),
    );
    if (updated.length !== pending.length) throw new Error(`sealer: batch ${id} sealed ${updated.length} of ${pending.length} entries`);
    if (beforeCommit) await beforeCommit({ id, size: pending.length });
    return pending.length;
  });
}

/**
 * Seals every committed unsealed entry, batch by batch; what a job or the
 * server's interval loop calls. Safe to run from several processes at once:
 * one seals, the others find the lock taken and return busy.
 */
export async function runSealer(db: Db, options: RunSealerOptions = {}): Promise<SealResult> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`runSealer: batchSize ${batchSize}`);
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let batches = 0;
  let entries = 0;
  while (batches < maxBatches) {
    const sealed = await sealBatch(db, batchSize, options.beforeCommit);
    if (sealed === null) return { batches, entries, busy: true };
    if (sealed === 0) break;
    batches++;
    entries += sealed;
    if (sealed < batchSize) break;
  }
  return { batches, entries, busy: false };
}

export interface AuditSealerLoop {
  /** Seals now (after any run in progress) and resolves when the queue is empty. */
  sealNow(): Promise<SealResult>;
  stop(): Promise<void>;
}

/**
 * Runs the sealer every intervalMs in this process. The interval plus one
 * run's time is the maximum merge delay the ADR promises. Runs never overlap
 * within the process; an error is reported and the next tick tries again.
 */
export function startAuditSealer(db: Db, options: { intervalMs: number; batchSize?: number; onError?: (error: unknown) => void }): AuditSealerLoop {
  let running: Promise<SealResult> = Promise.resolve({ batches: 0, entries: 0, busy: false });
  let stopped = false;
  const run = (): Promise<SealResult> => {
    running = running
      .catch(() => undefined)
      .then(() => runSealer(db, options.batchSize === undefined ? {} : { batchSize: options.batchSize }));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) run().catch((e: unknown) => options.onError?.(e));
  }, options.intervalMs);
  timer.unref();
  return {
    sealNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}

/** How long entries recorded since `since` waited to be sealed (seconds), and how many still wait. */
export async function auditSealLag(db: Db, since: Date): Promise<{ sealed: number; unsealed: number; p50: number | null; p99: number | null; max: number | null }> {
  const [row] = rowsOf<{ sealed: number; unsealed: number; p50: number | null; p99: number | null; max: number | null }>(
    await db.execute(sql`
      select count(b.id)::int as sealed,
             count(*) filter (where a.batch_id is null)::int as unsealed,
             (percentile_cont(0.5) within group (order by extract(epoch from b.sealed_at - a.recorded_at)))::float8 as p50,
             (percentile_cont(0.99) within group (order by extract(epoch from b.sealed_at - a.recorded_at)))::float8 as p99,
             (max(extract(epoch from b.sealed_at - a.recorded_at)))::float8 as max
      from ${auditLog} a left join ${auditBatches} b on b.id = a.batch_id
      where a.recorded_at >= ${since.toISOString()}::timestamptz and a.prev_hash is null`),
  );
  return row ?? { sealed: 0, unsealed: 0, p50: null, p99: null, max: null };
}
