import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from '../database';
import { DbError } from '../errors';
import { idempotencyKeys, outbox } from '../schema/index';
import { createTestDb, type TestDb } from '../testing';
import { hashRequest, purgeIdempotencyKeys, withIdempotencyKey } from './with-idempotency-key';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());
beforeEach(() => t.reset());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withIdempotencyKey', () => {
  test('20 concurrent calls with one key run the work once and all get the same response', async () => {
    let runs = 0;
    const backends = new Set<number>();
    const requestHash = hashRequest({ description: '楼道堵塞', category: 'evacuation_blocked' });
    const call = () =>
      withIdempotencyKey(t.db, 'report.submit', 'key-1', requestHash, async (tx) => {
        runs++;
        // Stay in the transaction long enough that the other calls arrive and wait on the key row.
        await sleep(150);
        const [row] = await tx
          .insert(outbox)
          .values({ template: 'report.received', recipient: { kind: 'reporter' }, entity: 'report', entityId: 'r-1' })
          .returning({ id: outbox.id });
        return { reportId: 'r-1', outboxId: row!.id, receivedAt: new Date('2025-03-03T02:00:00Z') };
      });
    const seen = await Promise.all(
      Array.from({ length: 20 }, async () => {
        // Record which server process answered: on PostgreSQL the calls use separate connections.
        const pid = await queryRows<{ pid: number }>(t.db, sql`select pg_backend_pid() as pid`);
        backends.add(pid[0]!.pid);
        return call();
      }),
    );

    expect(runs).toBe(1);
    expect(seen.filter((s) => !s.replayed)).toHaveLength(1);
    const first = seen[0]!.response;
    expect(first.receivedAt).toBe('2025-03-03T02:00:00.000Z'); // the stored JSON form, for everyone
    for (const s of seen) expect(s.response).toEqual(first);
    expect(await t.db.select().from(outbox)).toHaveLength(1);
    if (t.driver === 'postgres') expect(backends.size).toBeGreaterThan(1);
  });

  test('a different request under a used key is IDEMPOTENCY.KEY_REUSED', async () => {
    await withIdempotencyKey(t.db, 's', 'k', hashRequest({ a: 1, b: 2 }), async () => ({ ok: true }));
    // same request, keys in another order: a replay
    const replay = await withIdempotencyKey(t.db, 's', 'k', hashRequest({ b: 2, a: 1 }), async () => ({ ok: false }));
    expect(replay).toEqual({ response: { ok: true }, replayed: true });

    let error: unknown;
    try {
      await withIdempotencyKey(t.db, 's', 'k', hashRequest({ a: 1, b: 3 }), async () => ({ ok: false }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('IDEMPOTENCY.KEY_REUSED');

    // The same key in another scope is a different key.
    const other = await withIdempotencyKey(t.db, 's2', 'k', hashRequest({ a: 1, b: 3 }), async () => 'other');
    expect(other).toEqual({ response: 'other', replayed: false });
  });

  test('a failed attempt stores nothing, keeps none of its writes, and the next attempt runs', async () => {
    await expect(
      withIdempotencyKey(t.db, 's', 'k', 'h', async (tx) => {
        await tx.insert(outbox).values({ template: 't', recipient: { kind: 'reporter' }, entity: 'report', entityId: 'r' });
        throw new Error('payment provider down');
      }),
    ).rejects.toThrow('payment provider down');
    expect(await t.db.select().from(idempotencyKeys)).toHaveLength(0);
    expect(await t.db.select().from(outbox)).toHaveLength(0);

    const retry = await withIdempotencyKey(t.db, 's', 'k', 'h', async () => 42);
    expect(retry).toEqual({ response: 42, replayed: false });
  });

  test('purges old keys', async () => {
    await withIdempotencyKey(t.db, 's', 'old', 'h', async () => null);
    await t.db.update(idempotencyKeys).set({ createdAt: new Date('2020-01-01T00:00:00Z') }).where(eq(idempotencyKeys.key, 'old'));
    await withIdempotencyKey(t.db, 's', 'new', 'h', async () => null);
    expect(await purgeIdempotencyKeys(t.db, new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect((await t.db.select().from(idempotencyKeys)).map((r) => r.key)).toEqual(['new']);
  });
});
