import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { canonicalJson } from '@firebreak/domain';
import type { Db } from '../database';
import { DbError } from '../errors';
import { idempotencyKeys } from '../schema/idempotency';

export interface IdempotentOutcome<T> {
  /** The stored response (JSON round-tripped, identical for every caller). */
  readonly response: T;
  /** False for the one call that ran `fn`, true for every call answered from storage. */
  readonly replayed: boolean;
}

/**
 * Runs `fn` at most once per (scope, key) and answers every call with the same
 * stored response.
 *
 * The key row is inserted in the same transaction as `fn`'s work. A concurrent
 * call's INSERT ... ON CONFLICT DO NOTHING then blocks on that uncommitted row
 * (PostgreSQL waits for the inserting transaction), and afterwards either finds
 * the committed response (the winner committed) or inserts its own row and runs
 * `fn` (the winner rolled back: nothing was stored, so the work may be retried).
 * No polling, and `fn`'s writes commit together with the response or not at all.
 *
 * `fn` receives the transaction and must do its writes through it. Its result
 * must be JSON-serialisable. Call this with a READ COMMITTED database or
 * transaction (the default): the re-read must see the winner's commit.
 *
 * A different `requestHash` under a used key is IDEMPOTENCY.KEY_REUSED: the
 * client sent a different request with the same key, and replaying the old
 * answer would be wrong.
 */
export async function withIdempotencyKey<T>(
  db: Db,
  scope: string,
  key: string,
  requestHash: string,
  fn: (tx: Db) => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

    if (claimed.length === 1) {
      const result = await fn(tx);
      const response = result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
      await tx.update(idempotencyKeys).set({ response }).where(where);
      return { response: response as T, replayed: false };
    }

    const [stored] = await tx.select().from(idempotencyKeys).where(where);
    if (!stored) {
      // Only reachable if the row was purged between the conflict and the read.
      throw new DbError('IDEMPOTENCY.IN_PROGRESS', 'The request is being processed; retry shortly', '请求正在处理中，请稍后重试', {
        scope,
        key,
      });
    }
    if (stored.requestHash !== requestHash) {
      throw new DbError(
        'IDEMPOTENCY.KEY_REUSED',
        'This idempotency key was already used for a different request',
        '该幂等键已用于另一个不同的请求',
        { scope, key },
      );
    }
    return { response: stored.response as T, replayed: true };
  });
}

/** A stable hash of a request body for withIdempotencyKey (key order does not matter). */
export function hashRequest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body ?? null), 'utf8').digest('hex');
}

/** Deletes stored responses older than `before` (a retention job). Returns how many. */
export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const deleted = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return deleted.length;
}
