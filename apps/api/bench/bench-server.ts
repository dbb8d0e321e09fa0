// The system under test for http.bench.ts, in its own process so the load
// generator does not share an event loop (or a CPU) with the server. It opens
// the database (a fresh schema on DATABASE_URL, else in-memory PGlite), seeds
// the demo city, and serves the real app and a bare one-INSERT route on two
// loopback ports. The parent sends 'stop'; the schema is dropped on the way out.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Fastify from 'fastify';
import postgres from 'postgres';
import { createServices, hashPassword, type Services } from '@firebreak/api';
import { auditSealLag, verifyAuditChain, createDb, createSealer, generateSealingKey, listVenueSample, startAuditSealer, type DbHandle } from '@firebreak/db';
import { buildApp } from '../src/app';
import { serverDatabase } from '../src/database';
import { findRepoRoot } from '../src/env';
import { seedDemoIfEmpty } from '../src/seed';

export interface BenchReady {
  readonly type: 'ready';
  readonly driver: 'postgres' | 'pglite';
  readonly appPort: number;
  readonly barePort: number;
  readonly venues: readonly { id: string; lat: number; lng: number; address: string }[];
  readonly seedMs: number;
  readonly sealIntervalMs: number;
}

/** The parent's question after the load: how long entries waited for the sealer. */
export interface BenchLag {
  readonly type: 'lag';
  readonly sealed: number;
  readonly unsealed: number;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  /** verifyAuditChain over the whole log after the load. */
  readonly verified: { readonly ok: boolean; readonly rows: number; readonly ms: number };
}

/** As the server runs it (FIREBREAK_AUDIT_SEAL_MS default). */
const SEAL_INTERVAL_MS = Number(process.env.BENCH_SEAL_MS ?? 1000);

const NO_LIMIT = { max: 1_000_000_000, windowMs: 60_000 };
const BARE_TABLE = 'create table if not exists bench_bare (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())';

/**
 * All load comes from one loopback address, so the per-client limits (10 reports and
 * 15 receipt lookups per 15 minutes) would answer 429 after a second. The bench raises
 * them; the limiter hooks still run, and the receipt throttle still counts per key.
 */
function benchServices(): Services {
  const base = createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: randomBytes(32).toString('hex') });
  const counts = new Map<string, number>();
  const counting = { take: (key: string) => (counts.set(key, (counts.get(key) ?? 0) + 1), true), exhausted: () => false };
  return { ...base, receiptThrottle: counting, receiptGlobalThrottle: counting };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || null;
  const schema = `fbbench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const handle: DbHandle = url ? await createDb({ url, searchPath: schema, migrationsSchema: schema, maxConnections: 10 }) : await createDb();
  const services = benchServices();
  const seeded = await seedDemoIfEmpty(handle.db, { hashPassword, services, now: new Date() });
  await handle.db.execute(BARE_TABLE);
  // The seed's own entries are sealed first, so the lag below is the load's.
  const sealer = startAuditSealer(handle.db, { intervalMs: SEAL_INTERVAL_MS, onError: (e) => console.error('sealer:', e) });
  await sealer.sealNow();
  const loadStart = new Date();

  const app = await buildApp({
    db: serverDatabase(handle),
    services,
    logger: false,
    frontEndsDir: join(findRepoRoot(), 'apps'),
    rateLimits: { reportSubmit: NO_LIMIT, receiptLookup: NO_LIMIT, publicTrpc: NO_LIMIT, open311Post: NO_LIMIT, uploads: NO_LIMIT },
    deployment: 'test',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });

  // The baseline: parse the same JSON, one INSERT, answer. Same pool size as the app's.
  const sql = url ? postgres(url, { max: 10, onnotice: () => {}, connection: { search_path: schema } }) : null;
  const pglite = url ? null : (handle.db as unknown as { $client: { query(q: string, p: unknown[]): Promise<unknown> } }).$client;
  const bare = Fastify({ logger: false });
  bare.post('/bare', async (request) => {
    const payload = JSON.stringify(request.body);
    if (sql) await sql`insert into bench_bare (payload) values (${payload}::jsonb)`;
    else await pglite!.query('insert into bench_bare (payload) values ($1::jsonb)', [payload]);
    return { ok: true };
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const port = (s: typeof app) => {
    const a = s.server.address();
    return typeof a === 'object' && a ? a.port : 0;
  };
  const venues = (await listVenueSample(handle.db, 50)).map((v) => ({ id: v.id, lat: v.lat ?? 30.27, lng: v.lng ?? 120.17, address: v.address }));
  const ready: BenchReady = { type: 'ready', driver: handle.driver, appPort: port(app), barePort: port(bare), venues, seedMs: seeded.ms ?? 0, sealIntervalMs: SEAL_INTERVAL_MS };
  process.send?.(ready);

  process.on('message', (message) => {
    if (message === 'lag') void lag();
    if (message === 'stop') void stop();
  });
  async function lag(): Promise<void> {
    // Two intervals after the load: every entry had its chance to be sealed by the loop.
    await new Promise((r) => setTimeout(r, 2 * SEAL_INTERVAL_MS + 500));
    const measured = await auditSealLag(handle.db, loadStart);
    const t0 = performance.now();
    const verdict = await verifyAuditChain(handle.db);
    const verified = { ok: verdict.ok, rows: verdict.ok ? verdict.rows : 0, ms: Math.round(performance.now() - t0) };
    process.send?.({ type: 'lag', ...measured, verified } satisfies BenchLag);
  }
  async function stop(): Promise<void> {
    await sealer.stop();
    await app.close();
    await bare.close();
    await sql?.end({ timeout: 5 });
    if (url) await handle.db.execute(`drop schema if exists "${schema}" cascade`);
    await handle.close();
    process.exit(0);
  }
}

main().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
