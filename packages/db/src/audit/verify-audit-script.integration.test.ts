import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stamp } from '@firebreak/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
// The independent verifier: plain JavaScript, sharing no code with this package.
import { verifyAudit } from '../../../../tooling/verify-audit.mjs';
import { auditLog } from '../schema/audit';
import { createTestDb, type TestDb } from '../testing';
import { appendAudit, auditHead } from './append-audit';
import { runSealer } from './run-sealer';
import { verifyAuditChain } from './verify-audit-chain';

const SCRIPT = fileURLToPath(new URL('../../../../tooling/verify-audit.mjs', import.meta.url));
const run = promisify(execFile);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());
beforeEach(() => t.reset());

const independent = (anchor?: { batch: number; hash: string }) =>
  verifyAudit(async (text: string) => {
    const result: unknown = await t.db.execute(sql.raw(text));
    return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  }, anchor ? { anchor } : {});

async function fill(n: number) {
  const by = stamp({ userId: 'u-1', name: '张三', role: 'inspector', departmentId: null, jurisdictionId: 'j' }, new Date(Date.UTC(2026, 2, 1)));
  for (let i = 0; i < n; i++) {
    await appendAudit(t.db, { entity: 'report', entityId: `r-${i}`, action: 'create', from: null, to: 'submitted', by, data: { i, text: '楼道"充电"\n', list: [1.5, -0, null, { b: 1, a: [] }] } });
  }
}

describe('tooling/verify-audit.mjs', () => {
  test('agrees with verifyAuditChain on a good log, and finds an edit, a deletion and a reordering', async () => {
    await fill(9);
    await runSealer(t.db, { batchSize: 4 });
    await fill(2); // two left unsealed
    const head = (await auditHead(t.db))!;
    expect(await independent(head)).toEqual(await verifyAuditChain(t.db, { anchor: head }));
    expect(await independent(head)).toMatchObject({ ok: true, rows: 11 });

    const tamper = (...statements: string[]) =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        for (const text of statements) await tx.execute(sql.raw(text));
      });
    await tamper(`update audit_log set data = jsonb_set(data, '{i}', '99') where seq = 2`);
    expect(await independent()).toEqual({ ok: false, reason: 'hash_mismatch', seq: 2, batch: 1 });
    await tamper(`update audit_log set data = jsonb_set(data, '{i}', '1') where seq = 2`);
    expect((await independent()).ok).toBe(true);

    await tamper(
      `update audit_log set leaf_index = -1 where batch_id = 2 and leaf_index = 0`,
      `update audit_log set leaf_index = 0 where batch_id = 2 and leaf_index = 3`,
      `update audit_log set leaf_index = 3 where batch_id = 2 and leaf_index = -1`,
    );
    expect(await independent()).toEqual({ ok: false, reason: 'root_mismatch', seq: null, batch: 2 });

    await tamper(`delete from audit_log where batch_id = 2`);
    expect(await independent()).toMatchObject({ ok: false, reason: 'leaf_mismatch', batch: 2 });
  });

  test.skipIf(!process.env.DATABASE_URL)('runs as a command against DATABASE_URL: exit 0 after the load, 1 after a row is altered', async () => {
    await fill(5);
    await runSealer(t.db, { batchSize: 2 });
    const head = (await auditHead(t.db))!;
    const args = [SCRIPT, '--schema', t.schemaName!, '--anchor', `${head.batch}:${head.hash}`];
    const good = await run(process.execPath, args, { env: { ...process.env, DATABASE_URL: t.url! } });
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, rows: 5, batches: 3 });

    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.update(auditLog).set({ actorName: '李四' }).where(eq(auditLog.seq, 3));
    });
    const bad = await run(process.execPath, args, { env: { ...process.env, DATABASE_URL: t.url! } }).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(JSON.parse(bad!.stdout)).toEqual({ ok: false, reason: 'hash_mismatch', seq: 3, batch: 2 });
  });
});
