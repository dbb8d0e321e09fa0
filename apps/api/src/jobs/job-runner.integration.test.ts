import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHazard,
  createWorkingCalendar,
  DEFAULT_CALENDAR_CONFIG,
  transitionHazard,
  type Actor,
  type TransitionContext,
} from '@firebreak/domain';
import { applyEffects, createDb, hazards, insertDepartment, insertEntity, insertUser, saveTransition, type DbHandle, type Db } from '@firebreak/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, prepareBareCity, spawnServer, type ServerProcess } from '../../test/server-process';

/**
 * The job runner in real server processes. On PostgreSQL two servers share one database: each
 * lapsed clock is acted on exactly once and every pg-boss job runs in one process only. On
 * PGlite one server (the data-dir lock refuses a second) runs the same jobs in-process.
 * Deadlines are set in the past; nothing sleeps waiting for a clock.
 */
const ADMIN_URL = process.env.DATABASE_URL || null;
const tier = ADMIN_URL ? 'PostgreSQL' : 'PGlite';
const HAZARDS = 5;
const CLOCKS = 20;

let dataDir: string | null = null;
let scratch: { url: string; drop(): Promise<void> } | null = null;
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const s of servers) await s.kill9();
  await scratch?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Test-only raw reads (fixed SQL text): postgres.js answers with an array, PGlite with { rows }. */
async function rows<T extends Record<string, unknown>>(db: Db, text: string): Promise<T[]> {
  const result: unknown = await db.execute(text);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Ordered hazards whose correction deadline passed yesterday, and clocks of other kinds that lapsed. */
async function seedLapsed(handle: DbHandle, cityId: string): Promise<{ hazardIds: string[]; supervisorId: string }> {
  const db = handle.db;
  const dept = await insertDepartment(db, { name: '测试市消防救援支队', kind: 'fire_agency', level: 'city', jurisdictionId: cityId });
  const supervisorId = await insertUser(db, { username: 'sup', displayName: '吴支队长', role: 'fire_supervisor', passwordHash: 'x', departmentId: dept, jurisdictionId: cityId });
  const inspector: Actor = { userId: randomUUID(), name: '王监督', role: 'inspector', departmentId: dept, jurisdictionId: cityId };
  const calendar = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);
  const then = new Date(Date.now() - 10 * 86_400_000);
  const ctx: TransitionContext = { actor: inspector, now: then, calendar, scope: { contains: () => true }, newId: randomUUID };
  // Two days ago in China (UTC+8): the correction deadline lapsed at the end of that day.
  const yesterday = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const hazardIds: string[] = [];
  for (let i = 0; i < HAZARDS; i++) {
    const created = createHazard({ jurisdictionId: cityId, venueId: null, source: 'grid_patrol', sourceRef: null, riskCategory: 'ebike_indoor', description: `测试隐患${i}` }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.next.id;
    await insertEntity(db, hazards, { values: { id, jurisdictionId: cityId, riskCategory: 'ebike_indoor', source: 'grid_patrol' }, state: created.next, effects: created.effects, now: then });
    const confirmed = transitionHazard(created.next, { type: 'confirm' }, ctx);
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    await saveTransition(db, hazards, { id, expectedVersion: 1, next: confirmed.next, effects: confirmed.effects, now: then });
    const ordered = transitionHazard(confirmed.next, { type: 'order', correction: { mode: 'deadline', dueDate: yesterday }, noticeRef: `责改${i}` }, ctx);
    if (!ordered.ok) throw new Error(ordered.error.message);
    await saveTransition(db, hazards, { id, expectedVersion: 2, next: ordered.next, effects: ordered.effects, now: then });
    hazardIds.push(id);
  }
  // Clocks with no lifecycle state to move to (their subjects are not on file: raised, no one notified).
  await applyEffects(
    db,
    Array.from({ length: CLOCKS }, () => ({ type: 'deadline' as const, entity: 'referral' as const, entityId: randomUUID(), kind: 'referral.ack', due: then.toISOString(), basis: '测试' })),
  );
  return { hazardIds, supervisorId };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`the job runner in server processes (${tier})`, () => {
  it(`acts on every lapsed clock exactly once ${ADMIN_URL ? 'with two servers on one database' : 'in the one server of a data dir'}`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fb-jobs-'));
    if (ADMIN_URL) scratch = await createScratchDatabase(ADMIN_URL, 'fbjobs');
    const open = () => (scratch ? createDb({ url: scratch.url, maxConnections: 2 }) : createDb({ dataDir: join(dataDir!, 'pglite') }));
    const pre = await open();
    const { city } = await prepareBareCity(pre);
    const { hazardIds, supervisorId } = await seedLapsed(pre, city);
    await pre.close();

    const env = { FIREBREAK_JOBS_INTERVAL_SECONDS: '1' };
    const spawnOpts = { dataDir, env, ...(scratch ? { databaseUrl: scratch.url } : {}) };
    const [a, b] = await Promise.all([spawnServer(spawnOpts), scratch ? spawnServer(spawnOpts) : Promise.resolve(null)]);
    servers.push(a, ...(b ? [b] : []));

    const db = scratch ? await open() : null;
    const read = async <T extends Record<string, unknown>>(text: string): Promise<T[]> => {
      if (db) return rows<T>(db.db, text);
      throw new Error('PGlite is held by the server; read after it stops');
    };
    if (db) {
      try {
        await waitFor(
          async () => {
            const [r] = await read<{ left: number; delivered: number }>(
              `select (select count(*)::int from deadlines where done_at is null and escalated_at is null and due_at < now()) as left,
                      (select count(*)::int from notification_deliveries where user_id = '${supervisorId}') as delivered`,
            );
            return r!.left === 0 && r!.delivered >= HAZARDS;
          },
          90_000,
          'both servers to work through the lapsed clocks',
        );
        // Let a few more ticks run on both servers: they must find nothing left.
        await new Promise((r) => setTimeout(r, 3_000));
        const escalations = await read<{ entity_id: string; n: number }>(
          `select entity_id, count(*)::int as n from audit_log where action = 'escalate' group by entity_id`,
        );
        expect(escalations.map((e) => e.entity_id).sort()).toEqual([...hazardIds].sort());
        expect(escalations.every((e) => e.n === 1)).toBe(true);
        const raised = await read<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct entity_id)::int as distinct from audit_log where action = 'deadline_overdue'`);
        expect(raised[0]).toEqual({ n: CLOCKS, distinct: CLOCKS });
        const actors = await read<{ actor_user_id: string }>(`select distinct actor_user_id from audit_log where action in ('escalate', 'deadline_overdue')`);
        expect(actors).toEqual([{ actor_user_id: 'system:deadlines' }]);
        const inApp = await read<{ n: number; distinct: number }>(
          `select count(*)::int as n, count(distinct outbox_id)::int as distinct from notification_deliveries where user_id = '${supervisorId}' and channel = 'in_app'`,
        );
        expect(inApp[0]!.n).toBe(inApp[0]!.distinct);
        expect(inApp[0]!.n).toBe(HAZARDS);
      } finally {
        await db.close();
      }
      // Every pg-boss job ran in exactly one of the two processes.
      const ids = (s: ServerProcess) => [...s.output().matchAll(/"jobId":"([0-9a-f-]+)"[^\n]*"msg":"job run"|"msg":"job run"[^\n]*"jobId":"([0-9a-f-]+)"/g)].map((m) => m[1] ?? m[2]);
      const runA = ids(a);
      const runB = ids(b!);
      expect(runA.length + runB.length).toBeGreaterThan(0);
      const all = [...runA, ...runB];
      console.log(`job runner (PostgreSQL): ${runA.length} pg-boss jobs ran in server A, ${runB.length} in server B, ${all.length - new Set(all).size} twice`);
      expect(new Set(all).size, 'a job id appeared twice').toBe(all.length);
      expect(a.output()).toContain('"engine":"pg-boss"');
      expect(b!.output()).toContain('"engine":"pg-boss"');
      expect(await a.stop()).toBe(0);
      expect(await b!.stop()).toBe(0);
    } else {
      // PGlite: wait for the in-process runner's log lines, stop the server cleanly, then read the data dir.
      await waitFor(async () => /"msg":"deadline job"/.test(a.output()) && /"msg":"outbox job"/.test(a.output()), 90_000, 'the in-process runner');
      expect(a.output()).toContain('"engine":"in-process"');
      const second = await spawnServer({ ...spawnOpts, startTimeoutMs: 60_000 }).then(
        (s) => {
          servers.push(s);
          return 'started';
        },
        (e: unknown) => String(e),
      );
      expect(second, 'a second process on the same data dir is refused').not.toBe('started');
      expect(await a.stop()).toBe(0);
      const after = await open();
      try {
        const escalations = await rows<{ entity_id: string; n: number }>(after.db, `select entity_id, count(*)::int as n from audit_log where action = 'escalate' group by entity_id`);
        expect(escalations.map((e) => e.entity_id).sort()).toEqual([...hazardIds].sort());
        expect(escalations.every((e) => e.n === 1)).toBe(true);
        const raised = await rows<{ n: number }>(after.db, `select count(*)::int as n from audit_log where action = 'deadline_overdue'`);
        expect(raised[0]!.n).toBe(CLOCKS);
        const inApp = await rows<{ n: number }>(after.db, `select count(*)::int as n from notification_deliveries where user_id = '${supervisorId}' and channel = 'in_app'`);
        expect(inApp[0]!.n).toBe(HAZARDS);
      } finally {
        await after.close();
      }
    }
  });
});
