import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, schema, type DbHandle } from '@firebreak/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, prepareBareCity, spawnServer, trpcMutation, type ServerProcess } from '../../test/server-process';

/**
 * kill -9 in the middle of a stream of submissions, then a restart on the same
 * data: every acknowledged receipt must still open its report, and retrying
 * every idempotency key (acknowledged or cut off) must file nothing twice.
 * Runs on whichever database this tier has: PGlite under `npm test`, real
 * PostgreSQL (a scratch database of its own) under `pnpm test:db`.
 */
const ADMIN_URL = process.env.DATABASE_URL || null;
const tier = ADMIN_URL ? 'PostgreSQL' : 'PGlite';

const WORKERS = 4;
const KILL_AFTER_ACKS = 40;

interface Attempt {
  readonly key: string;
  readonly input: ReturnType<typeof reportInput>;
  ack: { receipt: string; reportId: string } | null;
}

function reportInput(key: string, n: number) {
  return {
    idempotencyKey: key,
    riskCategory: 'evacuation_blocked',
    description: `崩溃测试第${n}条：安全出口被锁`,
    location: { lat: 30 + n / 10_000, lng: 120, address: `测试市人民路${n}号` },
  };
}

let dataDir: string | null = null;
let scratch: { url: string; drop(): Promise<void> } | null = null;
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.kill9();
  await scratch?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openDb(): Promise<DbHandle> {
  return scratch ? createDb({ url: scratch.url, maxConnections: 2 }) : createDb({ dataDir: join(dataDir!, 'pglite') });
}

describe(`kill -9 during submissions (${tier})`, () => {
  it('keeps every acknowledged report trackable and files no key twice after a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fb-crash-'));
    if (ADMIN_URL) scratch = await createScratchDatabase(ADMIN_URL, 'fbcrash');
    const pre = await openDb();
    await prepareBareCity(pre);
    await pre.close();

    const spawnOpts = { dataDir, ...(scratch ? { databaseUrl: scratch.url } : {}) };
    server = await spawnServer(spawnOpts);
    const first = server;

    const attempts: Attempt[] = [];
    let acks = 0;
    let killed = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    // Set inside a worker callback: a holder, so the await below is typed as the promise it can be.
    const kill: { done: Promise<void> | null } = { done: null };

    const worker = async () => {
      while (!killed) {
        const key = randomUUID();
        const attempt: Attempt = { key, input: reportInput(key, attempts.length + 1), ack: null };
        attempts.push(attempt);
        inFlight += 1;
        try {
          const res = await trpcMutation<{ receipt: string; reportId: string }>(first.baseUrl, 'public.reports.submit', attempt.input);
          if (res.status === 200 && res.data) {
            attempt.ack = { receipt: res.data.receipt, reportId: res.data.reportId };
            acks += 1;
          } else if (!killed) {
            throw new Error(`submission refused before the kill: ${res.status} ${JSON.stringify(res.error)}`);
          }
        } catch (error) {
          // A connection cut by the kill: the client never heard back, so it will retry.
          if (!killed) throw error;
        } finally {
          inFlight -= 1;
        }
        if (!killed && acks >= KILL_AFTER_ACKS) {
          killed = true;
          inFlightAtKill = inFlight;
          kill.done = first.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await kill.done;
    expect(first.child.signalCode).toBe('SIGKILL');

    const acknowledged = attempts.filter((a) => a.ack);
    const cutOff = attempts.length - acknowledged.length;

    // On PostgreSQL the database outlived the server: count what the cut-off requests left behind.
    // (On PGlite opening the files here would do the recovery the restarted server must do itself.)
    let committedBeforeRetry: number | null = null;
    if (scratch) {
      const peek = await openDb();
      committedBeforeRetry = await peek.db.$count(schema.reports);
      await peek.close();
      expect(committedBeforeRetry).toBeGreaterThanOrEqual(acknowledged.length);
      expect(committedBeforeRetry).toBeLessThanOrEqual(attempts.length);
    }

    // Same data dir (keys, PGlite files, its stale lock) or the same database.
    const restartStarted = performance.now();
    server = await spawnServer(spawnOpts);
    const restartMs = Math.round(performance.now() - restartStarted);
    const second = server;

    let found = 0;
    for (const a of acknowledged) {
      const tracked = await trpcMutation<{ report: { id: string; status: string } }>(second.baseUrl, 'public.reports.track', { receipt: a.ack!.receipt });
      expect(tracked.status, JSON.stringify(tracked.error)).toBe(200);
      expect(tracked.data!.report).toMatchObject({ id: a.ack!.reportId, status: 'submitted' });
      found += 1;
    }

    // The client retries everything it sent, answered or not, with the same keys.
    const reportIds = new Set<string>();
    for (const a of attempts) {
      const again = await trpcMutation<{ receipt: string; reportId: string }>(second.baseUrl, 'public.reports.submit', a.input);
      expect(again.status, JSON.stringify(again.error)).toBe(200);
      if (a.ack) expect(again.data).toMatchObject({ receipt: a.ack.receipt, reportId: a.ack.reportId });
      reportIds.add(again.data!.reportId);
    }
    expect(reportIds.size).toBe(attempts.length);

    // PGlite allows one process per data dir: count after a graceful stop (which must work after recovery too).
    if (!scratch) expect(await second.stop()).toBe(0);
    const check = await openDb();
    let rows: number;
    let keys: number;
    try {
      rows = await check.db.$count(schema.reports);
      keys = await check.db.$count(schema.idempotencyKeys);
    } finally {
      await check.close();
    }
    expect(rows).toBe(attempts.length);
    expect(keys).toBe(attempts.length);

    console.log(
      `[crash ${tier}] submissions sent ${attempts.length}, acknowledged before kill -9 ${acknowledged.length}, ` +
        `in flight at the kill ${inFlightAtKill}, unanswered ${cutOff}` +
        `${committedBeforeRetry === null ? '' : ` (of which committed before the retry ${committedBeforeRetry - acknowledged.length})`}; restart ${restartMs} ms; ` +
        `acknowledged found and trackable after restart ${found}/${acknowledged.length}; ` +
        `retries with the same keys ${attempts.length}, distinct reports ${reportIds.size}, report rows ${rows}, idempotency keys ${keys}`,
    );
  }, 300_000);
});
