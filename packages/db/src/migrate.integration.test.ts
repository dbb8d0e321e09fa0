import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { queryRows } from './database';
import { migrate } from './migrate';
import { checkItems, claims, draws, reports, rewards, standards } from './schema/index';
import { createTestDb, insertTestJurisdiction, type TestDb } from './testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());
beforeEach(() => t.reset());

/** The SQLSTATE of a failed statement, wherever the driver put it. */
async function sqlState(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    return err.cause?.code ?? err.code ?? 'no code';
  }
  return 'succeeded';
}

async function newReport(jurisdictionId: string) {
  const id = randomUUID();
  await t.db.insert(reports).values({
    id,
    jurisdictionId,
    status: 'submitted',
    state: { status: 'submitted' },
    receiptHash: randomUUID(),
    channel: 'web',
    submittedAt: new Date(),
  });
  return id;
}

describe('migrations', () => {
  test('create every table of the schema in the target schema and are idempotent', async () => {
    const tables = await queryRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    const names = new Set(tables.map((r) => r.table_name));
    for (const expected of ['jurisdictions', 'reports', 'hazards', 'hazard_events', 'audit_log', 'claims', 'idempotency_keys', 'holiday_calendar', 'api_keys']) {
      expect(names).toContain(expected);
    }
    if (t.schemaName) expect(names).toContain('__drizzle_migrations'); // bookkeeping lives in the test schema too

    const triggers = await queryRows<{ tgname: string }>(
      t.db,
      sql`select tgname from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal`,
    );
    expect(triggers.map((r) => r.tgname).sort()).toEqual(['audit_log_append_only', 'audit_log_no_truncate']);

    if (t.driver === 'pglite') await migrate(t.db); // a second run applies nothing and fails nothing
    else await migrate(t.db, { migrationsSchema: t.schemaName ?? undefined });
  });

  test('one reward per report, at most one accepted or paid claim per reward', async () => {
    const j = await insertTestJurisdiction(t.db);
    const reportId = await newReport(j.id);
    const rewardId = randomUUID();
    const reward = { jurisdictionId: j.id, status: 'eligible', state: { status: 'eligible' }, reportId };
    await t.db.insert(rewards).values({ id: rewardId, ...reward });
    expect(await sqlState(t.db.insert(rewards).values(reward))).toBe('23505');

    const claim = (status: string) => ({
      jurisdictionId: j.id,
      status,
      state: { status },
      rewardId,
      sealedIdentity: 'fb1.x',
      sealedPayment: 'fb1.y',
      submittedAt: new Date(),
    });
    await t.db.insert(claims).values([claim('rejected'), claim('rejected'), claim('submitted')]);
    await t.db.insert(claims).values(claim('accepted'));
    expect(await sqlState(t.db.insert(claims).values(claim('paid')))).toBe('23505');
    expect(await sqlState(t.db.insert(claims).values(claim('accepted')))).toBe('23505');
  });

  test('receipt hashes are unique', async () => {
    const j = await insertTestJurisdiction(t.db);
    const id = await newReport(j.id);
    const [row] = await t.db.select({ receiptHash: reports.receiptHash }).from(reports).where(eq(reports.id, id));
    const dup = t.db.insert(reports).values({
      jurisdictionId: j.id,
      status: 'submitted',
      state: { status: 'submitted' },
      receiptHash: row!.receiptHash,
      channel: 'web',
      submittedAt: new Date(),
    });
    expect(await sqlState(dup)).toBe('23505');
  });

  test('a published standard and its check items are frozen; drafts are editable', async () => {
    const [std] = await t.db
      .insert(standards)
      .values({ code: 'student_dormitory', venueCategory: 'student_dormitory', version: 1, titleZh: '学生宿舍整治标准' })
      .returning();
    const item = {
      standardId: std!.id,
      ordinal: 1,
      code: 'D1',
      textZh: '宿舍内不得违规分隔',
      riskCategory: 'dorm_partitions',
    };
    await t.db.insert(checkItems).values(item);
    await t.db.update(checkItems).set({ textEn: 'No partitions' }).where(eq(checkItems.standardId, std!.id));
    await t.db.update(standards).set({ published: true, publishedAt: new Date() }).where(eq(standards.id, std!.id));

    expect(await sqlState(t.db.update(standards).set({ titleZh: '改' }).where(eq(standards.id, std!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.delete(standards).where(eq(standards.id, std!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.insert(checkItems).values({ ...item, code: 'D2' }))).toBe('FBF01');
    expect(await sqlState(t.db.update(checkItems).set({ textZh: '改' }).where(eq(checkItems.standardId, std!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.delete(checkItems).where(eq(checkItems.standardId, std!.id)))).toBe('FBF01');

    const [v2] = await t.db
      .insert(standards)
      .values({ code: 'student_dormitory', venueCategory: 'student_dormitory', version: 2, titleZh: '学生宿舍整治标准（修订）' })
      .returning();
    await t.db.insert(checkItems).values({ ...item, standardId: v2!.id });
    await t.db.delete(standards).where(eq(standards.id, v2!.id)); // a draft may go, items cascade
  });

  test('a published draw is frozen', async () => {
    const j = await insertTestJurisdiction(t.db);
    const [d] = await t.db.insert(draws).values({ jurisdictionId: j.id, kind: 'units', inputs: { seed: 'abc' }, output: { ids: [] } }).returning();
    await t.db.update(draws).set({ output: { ids: ['x'] } }).where(eq(draws.id, d!.id));
    await t.db.update(draws).set({ publishedAt: new Date() }).where(eq(draws.id, d!.id));
    expect(await sqlState(t.db.update(draws).set({ output: { ids: ['y'] } }).where(eq(draws.id, d!.id)))).toBe('FBF01');
  });

  test('a draw commitment never changes, and a committed draw is drawn once', async () => {
    const j = await insertTestJurisdiction(t.db);
    const [d] = await t.db.insert(draws).values({ jurisdictionId: j.id, kind: 'units', inputs: { units: [] }, commitment: { unitsDigest: 'a' }, committedAt: new Date() }).returning();
    expect(await sqlState(t.db.update(draws).set({ commitment: { unitsDigest: 'b' } }).where(eq(draws.id, d!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.update(draws).set({ committedAt: new Date(0) }).where(eq(draws.id, d!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.update(draws).set({ publishedAt: new Date() }).where(eq(draws.id, d!.id)))).toBe('23514'); // not drawn yet
    await t.db.update(draws).set({ output: { seed: 's' }, drawnAt: new Date() }).where(eq(draws.id, d!.id));
    expect(await sqlState(t.db.update(draws).set({ output: { seed: 't' } }).where(eq(draws.id, d!.id)))).toBe('FBF01');
    expect(await sqlState(t.db.insert(draws).values({ jurisdictionId: j.id, kind: 'units', inputs: {}, commitment: { a: 1 } }))).toBe('23514');
  });
});
